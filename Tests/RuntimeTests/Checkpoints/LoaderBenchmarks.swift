// Copyright © 2026 the ssl authors.
//
// Opt-in: SSL_BENCH=1 swift test -c release --filter CheckpointBenchmarks. Needs a full-size
// ResNet-50 `.pth`: `python3 scripts/fixtures/make_pth_fixtures.py --bench /tmp/ssl-bench`
// (or SSL_BENCH_PTH=<file>). Prints one JSON line; the target is < 1 s per load.

import Foundation
import Testing

@testable import Runtime

@Suite(.enabled(if: ProcessInfo.processInfo.environment["SSL_BENCH"] == "1"))
struct CheckpointBenchmarks {
  @Test func loadResNet50() throws {
    let env = ProcessInfo.processInfo.environment
    let path = env["SSL_BENCH_PTH"] ?? "/tmp/ssl-bench/resnet50.pth"
    guard FileManager.default.fileExists(atPath: path) else {
      Issue.record("no benchmark checkpoint at \(path); run make_pth_fixtures.py --bench")
      return
    }
    let loader = CheckpointLoader(environment: [:])
    let expected = ResNet.parameterShapes(.resnet50)
    var times: [Double] = []
    var loaded: LoadedCheckpoint?
    for _ in 0..<3 {
      let start = Date()
      loaded = try loader.load(file: URL(fileURLWithPath: path), expected: expected, prefix: nil)
      times.append(Date().timeIntervalSince(start))
    }
    let checkpoint = try #require(loaded)
    let hashStart = Date()
    _ = checkpoint.contentHash()
    let hashTime = Date().timeIntervalSince(hashStart)
    let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print(
      "{\"bench\":\"checkpoint_load_resnet50\",\"file_bytes\":\(bytes),"
        + "\"tensors\":\(checkpoint.stateDict.count),\"best_seconds\":\(times.min() ?? 0),"
        + "\"hash_seconds\":\(hashTime)}")
    #expect(checkpoint.report.isComplete)
  }
}
