// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `Fixtures/img_parity.json` + `.bin`, written by `scripts/fixtures/make_image_fixtures.py`.
struct ImageParityFixture: Decodable {
  struct Decoded: Decodable {
    var source: String
    var mode: String
    var width: Int
    var height: Int
    var offset: Int
    var length: Int
  }
  struct Resized: Decodable {
    var source: String
    var filter: String
    var width: Int
    var height: Int
    var offset: Int
    var length: Int
  }
  struct Step: Decodable {
    var rule: String
    var a: Int
    var b: Int
    var filter: String
  }
  struct Pipeline: Decodable {
    var source: String
    var crop: Int
    var normalize: Bool
    var offset: Int
    var length: Int
    var steps: [Step]
  }

  var pillow: String
  var decoded: [Decoded]
  var resized: [Resized]
  var pipeline: [Pipeline]

  /// The fixtures folder, found from this file's path.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// A source image's path.
  static func source(_ name: String) -> String {
    folder.appendingPathComponent("img_parity").appendingPathComponent(name).path
  }

  /// Loads the index and the blob.
  static func load() throws -> (ImageParityFixture, Data) {
    let index = try Data(contentsOf: folder.appendingPathComponent("img_parity.json"))
    let blob = try Data(contentsOf: folder.appendingPathComponent("img_parity.bin"))
    return (try JSONDecoder().decode(ImageParityFixture.self, from: index), blob)
  }

  /// Pillow's `convert("RGB")` of a source, as an image.
  func pillowDecoded(_ source: String, blob: Data) -> RGBImage? {
    guard let d = decoded.first(where: { $0.source == source }) else { return nil }
    return RGBImage(
      width: d.width, height: d.height, pixels: [UInt8](blob[d.offset..<(d.offset + d.length)]))
  }
}

/// Differences between two byte arrays in units of 1/255.
struct ByteDifference {
  var max: Int
  var mean: Double

  init(_ a: [UInt8], _ b: [UInt8]) {
    precondition(a.count == b.count)
    var worst = 0
    var total = 0
    for i in a.indices {
      let d = abs(Int(a[i]) - Int(b[i]))
      worst = Swift.max(worst, d)
      total += d
    }
    max = worst
    mean = a.isEmpty ? 0 : Double(total) / Double(a.count)
  }
}
