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

/// What is known about a model's file before and after `fetch`.
extension ZooModel {
  /// The backbone's float32 size in bytes (its parameters and batch-norm statistics × 4),
  /// i.e. the size of the converted checkpoint. Published files are larger by whatever they
  /// carry besides the backbone (MoCo's key encoder and queue, optimiser state, heads); their
  /// exact sizes are recorded by `fetch` (see ``recordedDigest(in:)``), not guessed here.
  public var backboneBytes: Int {
    let config = ResNetConfig.named(architecture) ?? .resnet50(width: widthMultiplier)
    return ResNet.parameterShapes(config).reduce(0) { $0 + 4 * Tensor.elementCount($1.shape) }
  }

  /// The SHA-256 `fetch` recorded beside the downloaded file in `folder`
  /// (`<file>.sha256`, sha256sum format), or nil when the file was not fetched.
  public func recordedDigest(in folder: URL) -> String? {
    guard let name = downloadFileName else { return nil }
    let sidecar = folder.appendingPathComponent(name + ".sha256")
    guard let text = try? String(contentsOf: sidecar, encoding: .utf8),
      let digest = text.split(separator: " ").first, digest.count == 64
    else { return nil }
    return String(digest)
  }
}
