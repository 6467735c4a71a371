// Copyright © 2026 the ssl authors.
//
// kill -9 at arbitrary moments of a real run loses nothing (issue #5, #9): the `ssl`
// executable extracts features for a 432-image dataset (the tinyset images, each copied 8
// times) with the tiny committed model, sweeps a linear probe and a kNN and stores the
// results; it is SIGKILLed after a pseudo-random delay, again and again on the same workspace.
// After every kill: the results database passes `PRAGMA integrity_check`, no result or cache
// entry that existed before the kill is gone, and every indexed cache entry loads whole. Then
// an uninterrupted rerun completes, and one more run extracts nothing.
//
// SSL_KILL_ITERATIONS=n changes the number of kills (default 10).

import Foundation
import Runtime
import Testing

struct KillRecoveryTests {
  static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let model = tests.appendingPathComponent(
    "RuntimeTests/Fixtures/resnet_tiny_bottleneck.safetensors").path
  static let tinyset = tests.appendingPathComponent("LangTests/Fixtures/tinyset")

  static let script = """
    set workspace "$ws"
    load tiny from="$model"
    data big from="$data"
    eval big linear
    eval big knn k=5
    """

  /// A folder dataset with every tinyset image copied `copies` times.
  static func makeDataset(at root: URL, copies: Int) throws {
    let fm = FileManager.default
    for split in ["train", "test"] {
      let source = tinyset.appendingPathComponent(split)
      for label in try fm.contentsOfDirectory(atPath: source.path) {
        let folder = root.appendingPathComponent("\(split)/\(label)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for image in try fm.contentsOfDirectory(atPath: source.appendingPathComponent(label).path) {
          for k in 0..<copies {
            try fm.copyItem(
              at: source.appendingPathComponent("\(label)/\(image)"),
              to: folder.appendingPathComponent("\(k)-\(image)"))
          }
        }
      }
    }
  }

  /// Starts `ssl` on the script; kills it after `delay` seconds unless it ended.
  /// - Returns: The exit status, or nil when it was killed.
  static func run(root: URL, workspace: URL, killAfter delay: Double?) throws -> (Int32?, String) {
    let process = Process()
    process.executableURL = CommandLineTests.executable
    let scriptFile = root.appendingPathComponent("kill.ssl")
    try script.write(to: scriptFile, atomically: true, encoding: .utf8)
    process.arguments = [
      "-D", "ws=\(workspace.path)", "-D", "model=\(model)",
      "-D", "data=\(root.appendingPathComponent("data").path)", scriptFile.path,
    ]
    let log = root.appendingPathComponent("stderr.txt")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: log)
    try process.run()
    if let delay {
      let deadline = Date().addingTimeInterval(delay)
      while process.isRunning && Date() < deadline { usleep(5_000) }
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return (nil, "")
      }
    }
    process.waitUntilExit()
    return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
  }

  /// What survives in the workspace: stored results and whole cache entries.
  static func survivors(_ workspace: URL) throws -> (results: Int, cache: Set<String>) {
    let db = workspace.appendingPathComponent("results.sqlite").path
    var results = 0
    if FileManager.default.fileExists(atPath: db) {
      let store = try ResultsStore(path: db)
      #expect(try store.integrityCheck(), "integrity_check failed on \(db)")
      results = try store.all().count
    }
    let cache = FeatureCache(directory: workspace.appendingPathComponent("features").path)
    var digests: Set<String> = []
    for entry in cache.entries() {
      let set = try #require(try cache.lookup(entry.key), "indexed entry does not load")
      #expect(set.values.count == entry.rows * entry.columns && set.labels.count == entry.rows)
      digests.insert(entry.key.digest)
    }
    return (results, digests)
  }

  @Test func sigkillAtRandomMomentsLosesNothing() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-kill-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try Self.makeDataset(at: root.appendingPathComponent("data"), copies: 8)
    // How long an uninterrupted run takes here (its own workspace).
    let start = Date()
    let (baseline, baseLog) = try Self.run(
      root: root, workspace: root.appendingPathComponent("baseline"), killAfter: nil)
    let duration = Date().timeIntervalSince(start)
    try #require(baseline == 0, "baseline run failed: \(baseLog)")

    let workspace = root.appendingPathComponent("ws")
    let iterations = ProcessInfo.processInfo.environment["SSL_KILL_ITERATIONS"].flatMap(Int.init) ?? 10
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var before = try Self.survivors(workspace)
    var killed = 0
    for _ in 0..<iterations {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let fraction = Double(state >> 11) / Double(1 << 53)
      let (status, log) = try Self.run(
        root: root, workspace: workspace, killAfter: 0.2 + fraction * duration * 0.9)
      if status == nil { killed += 1 } else { #expect(status == 0, "\(log)") }
      let after = try Self.survivors(workspace)
      #expect(after.results >= before.results, "results lost: \(before.results) → \(after.results)")
      #expect(after.cache.isSuperset(of: before.cache), "cache entries lost")
      before = after
    }
    #expect(killed > 0)
    // A rerun completes from where the kills left it; the next one extracts nothing.
    let (rerun, rerunLog) = try Self.run(root: root, workspace: workspace, killAfter: nil)
    #expect(rerun == 0, "\(rerunLog)")
    let final = try Self.survivors(workspace)
    #expect(final.cache.count == 3)  // train, val, test
    #expect(final.results >= 2)
    let (again, againLog) = try Self.run(root: root, workspace: workspace, killAfter: nil)
    #expect(again == 0)
    #expect(!againLog.contains("extracted"), "\(againLog)")
  }
}
