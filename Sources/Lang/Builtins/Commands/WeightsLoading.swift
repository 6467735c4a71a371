// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// Finding, reading and verifying a model's weights for `load`.
enum WeightsLoading {
  /// The architecture of a zoo entry.
  static func config(for zoo: ZooModel) -> ResNetConfig {
    ResNetConfig.named(zoo.architecture) ?? .resnet50(width: zoo.widthMultiplier)
  }

  /// Loads weights from a file or the lookup folders, builds the network and checks it.
  ///
  /// - Parameters:
  ///   - zoo: The model (its key prefix and architecture apply).
  ///   - from: A user-given file, tried first.
  ///   - span: Where to point errors.
  ///   - arch: The architecture when given with `arch=`; otherwise the zoo's, or for a file
  ///     under a new name, the one its tensor shapes imply.
  static func load(
    _ zoo: ZooModel, from: String?, arch: ResNetConfig?, inferArchitecture: Bool,
    at span: SourceSpan
  ) throws(RuntimeError) -> ModelWeights {
    let loader = CheckpointLoader()
    let checkpoint: LoadedCheckpoint
    var config = arch ?? config(for: zoo)
    do {
      if let from {
        let file = URL(fileURLWithPath: from)
        if arch == nil, inferArchitecture,
          let inferred = try loader.inferArchitecture(file: file, prefix: zoo.keyPrefix)
        {
          config = inferred
        }
        checkpoint = try loader.load(
          file: file, expected: ResNet.parameterShapes(config), prefix: zoo.keyPrefix)
      } else {
        checkpoint = try loader.load(zoo)
      }
    } catch {
      throw RuntimeError(error.description, at: span)
    }
    do {
      let network = try ResNet(config: config, stateDict: checkpoint.stateDict)
      return ModelWeights(
        network: network, hash: checkpoint.contentHash(), file: checkpoint.file.path,
        report: checkpoint.report)
    } catch {
      throw RuntimeError("\(checkpoint.file.path): \(error)", at: span)
    }
  }

  /// Whether weights for a zoo model are on disk (without reading them).
  static func isAvailable(_ zoo: ZooModel) -> Bool {
    (try? CheckpointLoader().locate(zoo)) != nil
  }

  /// What is known of a zoo file's size: the size and SHA-256 `fetch` recorded in the cache
  /// manifest, else the lower bound computed from the architecture (marked approximate).
  static func fileSizeDescription(_ zoo: ZooModel) -> String {
    if isRandom(zoo) { return "— (generated, no file)" }
    let manifest = FetchManifest.read(in: CheckpointLoader().cacheFolder)
    if let name = zoo.downloadFileName, let entry = manifest.files[name] {
      return "\(entry.bytes) bytes, sha256 \(entry.sha256) (recorded by fetch)"
    }
    let megabytes = Double(zoo.minimumFileBytes) / 1_000_000
    return "≥ \(formatFixed(megabytes, decimals: 1)) MB (float32 backbone; exact size recorded by fetch)"
  }

  /// Whether `zoo` is the untrained network, which needs no file (protocols.md §1.7).
  static func isRandom(_ zoo: ZooModel) -> Bool { zoo.id == "random" }

  /// The untrained network: torchvision's initialisation scheme from numpy's seed-0 stream
  /// (see ``ResNet/randomInitialization(_:seed:)``); the same weights every time.
  static func randomWeights(_ zoo: ZooModel, at span: SourceSpan) throws(RuntimeError)
    -> ModelWeights
  {
    let config = config(for: zoo)
    let seed = ResNet.randomInitializationSeed
    let state = ResNet.randomInitialization(config, seed: seed)
    var report = LoadReport(
      source: "random initialisation", format: "kaiming-normal fan-out, numpy seed \(seed)")
    report.expectedCount = state.count
    report.matchedCount = state.count
    do {
      return ModelWeights(
        network: try ResNet(config: config, stateDict: state),
        hash: LoadedCheckpoint.contentHash(of: state), file: "(random init, seed \(seed))",
        report: report)
    } catch {
      throw RuntimeError("random initialisation: \(error)", at: span)
    }
  }

  /// A zoo entry filed under another name (`load byol as=byol-mine`): same architecture and
  /// preprocessing, no published numbers.
  static func customEntry(renaming zoo: ZooModel, to name: String) -> ZooModel {
    var entry = zoo
    entry.id = NameSuggestion.normalize(name)
    entry.displayName = name
    entry.aliases = []
    entry.imagenetTop1 = nil
    return entry
  }

  /// A zoo-style entry for a file loaded under a new name (`load mine from="x.pth"`).
  static func customEntry(name: String, architecture: String, file: String) -> ZooModel {
    ZooModel(
      id: NameSuggestion.normalize(name), displayName: name, architecture: architecture,
      imagenetTop1: nil, checkpointFile: (file as NSString).lastPathComponent, url: nil,
      keyPrefix: nil, paper: .transfer2021)
  }
}
