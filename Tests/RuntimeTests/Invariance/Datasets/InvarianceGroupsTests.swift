// Copyright © 2026 the ssl authors.
//
// Expectations: scripts/fixtures/make_invariance_trees.py (the §8.3 grouping rules with
// glob/re in Python, over tiny trees of empty files).

import Foundation
import Runtime
import Testing

@Suite("Real-world invariance groupings")
struct InvarianceGroupsTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

  static let roots: [InvarianceGroups.Layout: String] = [
    .coil100: "coil100", .aloiViewpoint: "aloi", .aloiIllumination: "aloi",
    .aloiTemperature: "aloi", .alotViewpoint: "alot", .alotIllumination: "alot",
    .alotTemperature: "alot", .exposureErrors: "exposure", .dali: "dali",
    .flickr1024: "flickr1024", .realBlur: "realblur", .folder: "folder",
  ]

  @Test(
    "every layout's groups equal the Python re-implementation's",
    arguments: InvarianceGroups.Layout.allCases)
  func groups(_ layout: InvarianceGroups.Layout) throws {
    let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("inv_trees.json"))
    let expected = try JSONDecoder().decode([String: [[String]]].self, from: data)
    let want = try #require(expected[layout.rawValue])
    let root = Self.fixtures.appendingPathComponent("inv_trees/\(try #require(Self.roots[layout]))")
    let dataset = try InvarianceGroups(layout, root: root.path)
    #expect(dataset.groups.count == want.count)
    #expect(dataset.groups.map(\.paths) == want)
  }

  @Test("a missing root names the folder")
  func missing() {
    #expect(throws: DatasetError.self) {
      _ = try InvarianceGroups(.dali, root: "/nonexistent/dali")
    }
  }
}
