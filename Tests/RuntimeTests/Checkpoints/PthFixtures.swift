// Copyright © 2026 the ssl authors.
//
// Fixtures and expected values written by scripts/fixtures/make_pth_fixtures.py (torch 2.x,
// numpy 2.x): see Tests/RuntimeTests/Fixtures/README.md.

import Foundation
import Testing

@testable import Runtime

/// Paths of the checkpoint fixtures and the values torch wrote for them.
enum PthFixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures", isDirectory: true)

  static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

  struct ExpectedTensor: Decodable {
    var shape: [Int]
    var values: [Double]
  }

  struct Named: Decodable {
    var name: String
    var shape: [Int]
  }

  struct Expected: Decodable {
    var architecture: [Named]
    var fixtures: [String: [String: ExpectedTensor]]
  }

  /// `pth_expected.json`, decoded once.
  static let expected: Expected = {
    do {
      let data = try Data(contentsOf: url("pth_expected.json"))
      return try JSONDecoder().decode(Expected.self, from: data)
    } catch {
      Issue.record("cannot read pth_expected.json: \(error)")
      return Expected(architecture: [], fixtures: [:])
    }
  }()

  /// The tiny backbone's (name, shape) list, `num_batches_tracked` included as torch has it.
  static var architecture: [(name: String, shape: [Int])] {
    expected.architecture.map { ($0.name, $0.shape) }
  }

  /// Checks every expected tensor of `fixture` exactly (float32 conversions are exact).
  static func assertMatches(
    _ fixture: String, _ lookup: (String) -> Tensor?,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let tensors = expected.fixtures[fixture] else {
      Issue.record("no expected values for \(fixture)", sourceLocation: sourceLocation)
      return
    }
    for (name, want) in tensors {
      guard let got = lookup(name) else {
        // Loaded state dicts leave BN counters out by design (LoadReport.DropGroup).
        if name.hasSuffix("num_batches_tracked") { continue }
        Issue.record("\(fixture): \(name) missing", sourceLocation: sourceLocation)
        continue
      }
      #expect(got.shape == want.shape, "\(fixture): \(name)", sourceLocation: sourceLocation)
      let wanted = want.values.map { Float($0) }
      if got.scalars != wanted {
        Issue.record("\(fixture): \(name) values differ", sourceLocation: sourceLocation)
      }
    }
  }

  /// Opens a torch fixture and returns its tensors by name (top-level dict, unwrapped).
  static func readAll(_ name: String) throws -> [String: Tensor] {
    let reader = try PthReader(contentsOf: url(name))
    var result: [String: Tensor] = [:]
    for entry in try KeyNormalization.unwrap(reader.root).entries {
      guard case .string(let key) = entry.key, case .tensor(let ref) = entry.value else { continue }
      result[key] = try reader.tensor(ref, path: key)
    }
    return result
  }
}
