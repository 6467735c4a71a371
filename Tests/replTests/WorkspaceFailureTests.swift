// Copyright © 2026 the ssl authors.
//
// A workspace that cannot be written (issue #9): read-only, or on a full disk. Earlier results
// stay readable and intact, new work is refused before it starts or, when the disk fills
// mid-run, computed, shown and kept in the session with a message saying it was not stored.
//
// Read-only: as root (whom permissions do not stop) `ssl` runs as `nobody` through setpriv;
// otherwise the folder is made read-only. Full disk: a 512 KiB tmpfs where mounting is
// allowed (root in a container with CAP_SYS_ADMIN, as here and in CI); elsewhere the test
// records that it could not simulate one.

import Foundation
import Runtime
import Testing

@Suite(.serialized) struct WorkspaceFailureTests {
  let cli = CommandLineTests()
  static let model = KillRecoveryTests.model
  static let tinyset = KillRecoveryTests.tinyset.path

  func scratch(_ name: String) throws -> URL {
    let url = URL(fileURLWithPath: "/tmp/ssl-workspace-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `command` through bash with `ssl` as `$SSL` (the path is quoted for the shell).
  func shell(_ command: String) throws -> CommandLineTests.Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", command]
    var env = ProcessInfo.processInfo.environment
    env["SSL"] = CommandLineTests.executable.path
    env["NO_COLOR"] = "1"
    env["HOME"] = "/tmp"
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return .init(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  func stored(_ workspace: URL) throws -> (rows: Int, intact: Bool) {
    let store = try ResultsStore(readingOnly: workspace.appendingPathComponent("results.sqlite").path)
    return (try store.all().count, try store.integrityCheck())
  }

  func script(_ workspace: URL, _ body: String) -> String {
    "set workspace \"\(workspace.path)\"; load tiny from=\"\(Self.model)\"; "
      + "data t from=\"\(Self.tinyset)\"; " + body
  }

  @Test func readOnlyWorkspaceShowsResultsAndRefusesNewOnesUpFront() throws {
    let dir = try scratch("readonly")
    let ws = dir.appendingPathComponent("ws")
    let first = try cli.ssl(["-e", script(ws, "eval t knn k=5")])
    #expect(first.status == 0, "\(first.stderr)")
    let before = try stored(ws)
    let asRoot = geteuid() == 0
    var runAs = "\"$SSL\""
    if asRoot {
      runAs = "setpriv --reuid=65534 --regid=65534 --clear-groups \"$SSL\""
    } else {
      _ = try shell("chmod -R a-w '\(ws.path)'")
    }
    defer { _ = try? shell("chmod -R u+w '\(ws.path)'") }
    let show = try shell("\(runAs) -e 'set workspace \"\(ws.path)\"; show results where model=tiny'")
    #expect(show.stdout.contains(" knn "), "\(show.stdout)\(show.stderr)")
    #expect(show.stderr.contains("cannot be written (read-only, or the disk is full): results are shown"))
    let eval = try shell("\(runAs) -e '\(script(ws, "eval t linear"))'")
    #expect(eval.status == 70)
    #expect(eval.stderr.contains("cannot write the results database"), "\(eval.stderr)")
    #expect(eval.stderr.contains("nothing was stored, earlier results are intact"))
    #expect(!eval.stderr.contains("extracted"), "work started before the refusal: \(eval.stderr)")
    let after = try stored(ws)
    #expect(after.rows == before.rows && after.intact)
  }

  @Test func fullDiskKeepsEarlierResultsAndShowsNewOnes() throws {
    let dir = try scratch("full")
    let mount = try shell("mount -t tmpfs -o size=512k tmpfs '\(dir.path)'")
    guard mount.status == 0 else {
      // No privilege to mount here: a full disk cannot be simulated faithfully.
      Issue.record("tmpfs mount not permitted (\(mount.stderr)); full-disk case not run")
      return
    }
    defer { _ = try? shell("umount '\(dir.path)'") }
    let ws = dir.appendingPathComponent("ws")
    let first = try cli.ssl(["-e", script(ws, "eval t knn k=5")])
    #expect(first.status == 0, "\(first.stderr)")
    let before = try stored(ws)
    // Leave 40 KiB: the results database still opens, new cache entries and rows do not fit.
    let fill = try shell(
      "used=$(df -k '\(dir.path)' | tail -1 | awk '{print $3}'); "
        + "dd if=/dev/zero of='\(dir.path)/filler' bs=1k count=$((512 - used - 40)) 2>&1")
    #expect(fill.status == 0, "\(fill.stdout)")
    let full = try cli.ssl([
      "-e",
      "set workspace \"\(ws.path)\"; load tiny from=\"\(Self.model)\"; "
        + "data t2 from=\"\(Self.tinyset)\"; eval t2 linear grid=5",
    ])
    #expect(full.status == 0, "\(full.stderr)")
    #expect(full.stdout.contains(" linear "), "the computed result is shown: \(full.stdout)")
    #expect(full.stderr.contains("features not cached"), "\(full.stderr)")
    #expect(full.stderr.contains("not stored") && full.stderr.contains("'save \"results.csv\"'"))
    let after = try stored(ws)
    #expect(after.rows == before.rows && after.intact)
    // Space back: the same statement now stores its row.
    try FileManager.default.removeItem(atPath: dir.appendingPathComponent("filler").path)
    let again = try cli.ssl([
      "-e",
      "set workspace \"\(ws.path)\"; load tiny from=\"\(Self.model)\"; "
        + "data t2 from=\"\(Self.tinyset)\"; eval t2 linear grid=5",
    ])
    #expect(again.status == 0, "\(again.stderr)")
    let last = try stored(ws)
    #expect(last.rows == before.rows + 1 && last.intact)
  }
}
