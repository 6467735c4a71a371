// Copyright © 2026 the ssl authors.
//
// Expectations: scripts/fixtures/make_regression_trees.py (numpy re-implementation of the seed
// code's splits and target processing, protocols.md §8.4).

import Foundation
import Testing

@testable import Runtime

@Suite("Regression datasets (300W, CelebA, LSP)")
struct RegressionDatasetTests {
  struct Expected: Decodable {
    struct Sample: Decodable {
      var path: String
      var target: [Double]
    }
    var trainval: [Sample]
    var test: [Sample]
  }

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

  static func expected() throws -> [String: Expected] {
    let data = try Data(contentsOf: fixtures.appendingPathComponent("reg_trees.json"))
    return try JSONDecoder().decode([String: Expected].self, from: data)
  }

  static func check(_ dataset: RegressionDataset, _ expected: Expected) {
    for (actual, wanted) in [(dataset.trainval, expected.trainval), (dataset.test, expected.test)] {
      #expect(actual.map(\.path) == wanted.map(\.path), "\(dataset.name) split")
      for (a, w) in zip(actual, wanted) {
        #expect(a.target.count == w.target.count)
        let worst = zip(a.target, w.target).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= 1e-9, "\(dataset.name) \(a.path): max |Δ| \(worst)")
      }
    }
  }

  @Test("300W: 30/30/40 seed-0 split, square landmark crop, short-side map")
  func faces300W() throws {
    let root = Self.fixtures.appendingPathComponent("reg_trees/300w").path
    let dataset = try RegressionDataset.faces300W(root: root)
    #expect(dataset.targetDimension == 136)
    #expect(dataset.trainval.count == 6 && dataset.test.count == 5)
    Self.check(dataset, try #require(try Self.expected()["300w"]))
  }

  @Test("CelebA: official partition, truncated targets")
  func celebA() throws {
    let root = Self.fixtures.appendingPathComponent("reg_trees/celeba").path
    let dataset = try RegressionDataset.celebA(root: root)
    #expect(dataset.targetDimension == 10)
    Self.check(dataset, try #require(try Self.expected()["celeba"]))
  }

  @Test("LSP: joints.mat, 60/40 seed-0 split, centre crop to the short side")
  func leedsSportsPose() throws {
    let root = Self.fixtures.appendingPathComponent("reg_trees/lsp").path
    let dataset = try RegressionDataset.leedsSportsPose(root: root)
    #expect(dataset.targetDimension == 28)
    #expect(dataset.trainval.count == 3 && dataset.test.count == 2)
    Self.check(dataset, try #require(try Self.expected()["lsp"]))
  }

  @Test("a malformed .pts names the file and line")
  func malformedPTS() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pts-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("bad.pts")
    try "version: 1\nn_points: 68\n{\n1.0 2.0\nx y\n}\n".write(
      to: file, atomically: true, encoding: .utf8)
    #expect(
      throws: DatasetError.malformedFile(
        path: file.path, line: 5, reason: "expected `x y`, got `x y`")
    ) {
      _ = try RegressionDataset.readPTS(file.path)
    }
  }
}
