// Copyright © 2026 the ssl authors.

import Foundation

extension CheckpointLoader {
  /// Works out a torchvision ResNet's configuration from a checkpoint's tensor names and
  /// shapes, without decoding any tensor, so `load mine from="x.pth"` needs no `arch=`.
  ///
  /// Reads `conv1.weight` (stem width), `layerL.B.conv1.weight` (blocks per stage, inner
  /// width), and whether `layer1.0.conv3.weight` exists (bottleneck). A standard depth and
  /// width (ResNet-18…152, ×2/×3/×4) is returned under its name; anything else (the narrow
  /// nets tests use) as `resnet-custom` with those widths.
  ///
  /// - Parameters:
  ///   - file: A torch zip, legacy torch or safetensors file.
  ///   - prefix: The key prefix to strip, or nil to detect one.
  /// - Returns: The configuration, or nil when the names are not a torchvision ResNet's (or
  ///   the format keeps no names, like BYOL's Haiku pickle).
  /// - Throws: ``CheckpointError`` when the file cannot be read.
  public func inferArchitecture(file: URL, prefix: String?) throws(CheckpointError)
    -> ResNetConfig?
  {
    try inferArchitecture(CheckpointBytes(contentsOf: file), prefix: prefix) {
      () throws(SafeTensorsError) in try SafeTensorsFile(contentsOf: file)
    }
  }

  /// ``inferArchitecture(file:prefix:)`` for bytes in memory; `safetensors` opens the
  /// safetensors view of them.
  package func inferArchitecture(
    _ bytes: CheckpointBytes, prefix: String?,
    safetensors: () throws(SafeTensorsError) -> SafeTensorsFile
  ) throws(CheckpointError) -> ResNetConfig? {
    var keys: [(name: String, shape: [Int])] = []
    switch CheckpointFormat.detect(bytes.prefix(16)) {
    case .torchZip?, .torchLegacy?:
      let reader = try PthReader(bytes: bytes, limits: limits)
      let (entries, _, _) = try KeyNormalization.unwrap(reader.root)
      for entry in entries {
        if case .string(let name) = entry.key, case .tensor(let ref) = entry.value {
          keys.append((name, ref.shape))
        }
      }
    case .safetensors?:
      do {
        keys = try safetensors().entries.map { ($0.name, $0.shape) }
      } catch {
        throw .safetensors(error)
      }
    default:
      return nil
    }
    let known = Set(
      (ResNet.parameterShapes(.resnet50) + ResNet.parameterShapes(.resnet18)).map(\.name))
    let strip = prefix ?? KeyNormalization.detectPrefix(keys.map(\.name), expected: known)
    var shapes: [String: [Int]] = [:]
    for (name, shape) in keys where name.hasPrefix(strip) {
      shapes[String(name.dropFirst(strip.count))] = shape
    }
    return Self.architecture(fromShapes: shapes)
  }

  /// The configuration implied by torchvision parameter names and shapes (see
  /// ``inferArchitecture(file:prefix:)``).
  public static func architecture(fromShapes shapes: [String: [Int]]) -> ResNetConfig? {
    guard let stem = shapes["conv1.weight"], stem.count == 4,
      let inner = shapes["layer1.0.conv1.weight"], inner.count == 4, inner[0] == stem[0]
    else { return nil }
    var blocks: [Int] = []
    for stage in 1...4 {
      var count = 0
      while shapes["layer\(stage).\(count).conv1.weight"] != nil { count += 1 }
      guard count > 0 else { return nil }
      blocks.append(count)
    }
    let block: ResNetConfig.Block =
      shapes["layer1.0.conv3.weight"] != nil ? .bottleneck : .basic
    let width = stem[0]
    if let standard = ResNetConfig.all.first(where: {
      $0.block == block && $0.blocksPerStage == blocks && $0.stemWidth == width
    }) {
      return standard
    }
    return ResNetConfig(
      name: "resnet-custom", block: block, blocksPerStage: blocks, widthMultiplier: 1,
      baseWidth: width)
  }
}
