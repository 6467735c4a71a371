// Copyright © 2026 the ssl authors.

import Foundation

/// The file names a model's weights may be found under.
extension ZooModel {
  /// The published file's name, the last component of ``url`` (for example
  /// `moco_v2_800ep_pretrain.pth.tar`); nil without a URL.
  public var downloadFileName: String? {
    guard let url, let last = url.split(separator: "/").last, !last.isEmpty else { return nil }
    return String(last.split(separator: "?").first ?? last)
  }

  /// Names tried in each folder, in order: the converted ``checkpointFile`` that
  /// ssl-transfer's script writes, then the published file as `fetch` saves it.
  public var candidateFileNames: [String] {
    var names = [checkpointFile]
    if let download = downloadFileName, download != checkpointFile { names.append(download) }
    return names
  }

  /// The `fetch` statement that downloads the weights, or nil when they must be made by hand.
  public var fetchCommand: String? { url == nil || isManualDownload ? nil : "fetch \(id)" }

  /// Whether the URL is a browser page rather than a file (SimCLR's TensorFlow checkpoints,
  /// which also need converting by hand, protocols.md §1.1).
  public var isManualDownload: Bool { id == "simclr-v1" || id == "simclr-v2" }
}

/// What is known about a model's file before `fetch`.
extension ZooModel {
  /// A lower bound on the published file's size: the backbone's float32 weights (BN counters
  /// excluded), i.e. the converted checkpoint. The exact sizes are not known offline and are
  /// not invented; real files also hold heads, momentum encoders or optimiser state, so they
  /// are larger. `fetch` records the real size and SHA-256 in the cache's ``FetchManifest``.
  public var minimumFileBytes: Int {
    let config = ResNetConfig.named(architecture) ?? .resnet50(width: widthMultiplier)
    return ResNet.parameterShapes(config).filter { !$0.name.hasSuffix("num_batches_tracked") }
      .reduce(0) { $0 + 4 * Tensor.elementCount($1.shape) }
  }
}
