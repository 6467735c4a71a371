// Copyright © 2026 the ssl authors.
//
// Expectations: scripts/fixtures/make_transform_fixtures.py (torchvision 0.29 functional ops on
// PIL images, Pillow 13; deform against a numpy/scipy implementation of albumentations'
// algorithm). Tolerances per transform are in `tolerance(_:)` with the reason.

import Foundation
import Testing

@testable import Runtime

struct TransformParityFixture: Decodable {
  struct Source: Decodable {
    var name: String
    var width: Int
    var height: Int
    var offset: Int
  }
  struct Output: Decodable {
    var transform: String
    var values: [Double]
    var source: String
    var seed: UInt64
    var width: Int
    var height: Int
    var offset: Int
  }
  var sources: [Source]
  var outputs: [Output]
  /// numpy's grids at the default k, per transform name.
  var grids: [String: [[Double]]]

  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

  static func load() throws -> (TransformParityFixture, [UInt8]) {
    let index = try Data(contentsOf: folder.appendingPathComponent("xform_parity.json"))
    let blob = try Data(contentsOf: folder.appendingPathComponent("xform_parity.bin"))
    return (try JSONDecoder().decode(Self.self, from: index), [UInt8](blob))
  }

  func image(_ name: String, _ blob: [UInt8]) -> RGBImage? {
    guard let s = sources.first(where: { $0.name == name }) else { return nil }
    let n = s.width * s.height * 3
    return RGBImage(
      width: s.width, height: s.height, pixels: Array(blob[s.offset..<(s.offset + n)]))
  }
}

/// Allowed difference: the largest per-byte difference and the share of bytes that may differ.
struct TransformTolerance {
  var maxLevels: Int
  var differingShare: Double
}

@Suite("Synthetic transforms vs torchvision / Pillow")
struct TransformParityTests {
  /// Exact where the op is integer or the float steps are reproduced type for type; one level
  /// where the sum order differs from the reference's.
  static func tolerance(_ t: SyntheticTransform) -> TransformTolerance {
    switch t {
    case .hFlip, .vFlip, .grayscale, .invert, .equalize, .posterize, .rotation, .translation,
      .scale, .shear, .resizedCrop, .brightness, .contrast, .saturation, .sharpness, .hue:
      return TransformTolerance(maxLevels: 0, differingShare: 0)
    case .blur:
      // Exact on the committed fixtures; separable double sums vs PyTorch's float32 2-D conv: ties at .5 ± 1e-5 may flip.
      return TransformTolerance(maxLevels: 1, differingShare: 0.01)
    case .deform:
      // Exact on the committed fixtures; float bilinear in double vs scipy's map_coordinates: ties at .5 may flip.
      return TransformTolerance(maxLevels: 1, differingShare: 0.01)
    }
  }

  @Test("every transform matches its reference on the fixture images")
  func parity() throws {
    let (fixture, blob) = try TransformParityFixture.load()
    var seen = Set<String>()
    for out in fixture.outputs {
      let transform = try #require(SyntheticTransform(rawValue: out.transform))
      seen.insert(out.transform)
      let source = try #require(fixture.image(out.source, blob))
      let setting = TransformSetting(out.values)
      let actual: RGBImage
      if transform == .resizedCrop {
        actual = PillowGeometry.resizedCrop(
          source, top: out.values[0], left: out.values[1], height: out.values[2],
          width: out.values[3], size: out.width)
      } else {
        actual = try transform.apply(setting, to: source, seed: out.seed)
      }
      #expect(actual.width == out.width && actual.height == out.height, "\(out.transform)")
      let n = out.width * out.height * 3
      guard actual.pixels.count == n else { continue }
      let expected = Array(blob[out.offset..<(out.offset + n)])
      var worst = 0
      var differing = 0
      for i in 0..<n {
        let d = abs(Int(actual.pixels[i]) - Int(expected[i]))
        worst = max(worst, d)
        if d != 0 { differing += 1 }
      }
      let tol = Self.tolerance(transform)
      let share = Double(differing) / Double(n)
      #expect(
        worst <= tol.maxLevels && share <= tol.differingShare,
        "\(out.transform) \(out.values) on \(out.source): max \(worst), \(differing)/\(n) differ")
    }
    #expect(seen == Set(SyntheticTransform.allCases.map(\.rawValue)))
  }

  @Test("the grids equal numpy's linspace / itertools.product grids at the default k")
  func grids() throws {
    let (fixture, _) = try TransformParityFixture.load()
    for t in SyntheticTransform.allCases {
      let expected = try #require(fixture.grids[t.rawValue], "\(t)")
      let actual = t.settings().map(\.values)
      #expect(actual.count == t.defaultK, "\(t)")
      #expect(actual == expected, "\(t)")
    }
    #expect(SyntheticTransform.rotation.settings(k: 4).map(\.values) == [[0], [90], [180], [270]])
    #expect(SyntheticTransform.shear.settings(k: 16).count == 16)
  }

  @Test("resized_crop yields 224×224 and the on/off transforms are identity when off")
  func shapesAndOff() throws {
    let (fixture, blob) = try TransformParityFixture.load()
    let image = try #require(fixture.image("a_33x27", blob))
    let crop = try SyntheticTransform.resizedCrop.apply(
      TransformSetting([0, 0, 192, 192]), to: image, seed: 0)
    #expect(crop.width == 224 && crop.height == 224)
    for t in [SyntheticTransform.hFlip, .vFlip, .grayscale, .invert, .equalize] {
      #expect(try t.apply(TransformSetting([0]), to: image, seed: 0) == image)
    }
  }
}
