// Copyright © 2026 the ssl authors.

import Foundation
import Runtime
import Testing

@Suite struct FeatureStatisticsCacheTests {
  @Test func roundTripsAndIgnoresOtherKeys() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ssl-stats-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let features = try FeatureMatrix(rows: 4, columns: 2, values: [1, 2, 3, 5, 4, 4, 0, 7])
    let statistics = try FeatureStatistics(features: features)
    let cache = FeatureStatisticsCache(directory: dir)
    let key = FeatureStatisticsCache.key(model: "abc", reference: "ref", preprocessing: "pre")
    #expect(cache.lookup(key) == nil)
    try cache.store(statistics, for: key)
    #expect(cache.lookup(key) == statistics)
    #expect(cache.lookup(FeatureStatisticsCache.key(model: "abd", reference: "ref", preprocessing: "pre")) == nil)
    // A truncated file is a miss, not a crash.
    let file = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first)
    let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + file))
    try data.prefix(data.count - 3).write(to: URL(fileURLWithPath: dir + "/" + file))
    #expect(cache.lookup(key) == nil)
  }
}
