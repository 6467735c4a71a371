// Copyright © 2026 the ssl authors.

import Foundation
import Testing

/// Runs the built `ssl` executable (it sits next to the test bundle in the build folder) and
/// checks exit statuses and streams.
struct CommandLineTests {
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static var executable: URL {
    let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return me.deletingLastPathComponent().appendingPathComponent("ssl")
  }

  func ssl(_ arguments: [String], stdin: String? = nil, cwd: URL? = nil) throws -> Run {
    let process = Process()
    process.executableURL = Self.executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    process.environment = env
    if let cwd { process.currentDirectoryURL = cwd }
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  @Test func executableWasBuilt() {
    #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path))
  }

  @Test func versionAndHelp() throws {
    let version = try ssl(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("ssl 0."))
    let help = try ssl(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: ssl"))
    #expect(help.stdout.contains("-e"))
  }

  @Test func inlineTextRuns() throws {
    let run = try ssl(["-e", "load byol; unload byol"])
    #expect(run.status == 0)
    #expect(
      run.stdout
        == "loaded BYOL — 50 published results, no weights loaded\n1 model on the bench\n"
        + "0 models on the bench\n")
    #expect(run.stderr == "")
  }

  @Test func syntaxErrorExits65AndRunsNothing() throws {
    let run = try ssl(["-e", "load byol\nload \"open"])
    #expect(run.status == 65)
    #expect(run.stdout == "")
    #expect(run.stderr.hasPrefix("<-e>:2:6: error: "))
  }

  @Test func runtimeErrorExits70AfterEarlierStatements() throws {
    let run = try ssl(["-e", "load byol; load petz"])
    #expect(run.status == 70)
    #expect(run.stdout.hasPrefix("loaded BYOL"))
    #expect(run.stderr.hasPrefix("<-e>:1:17: error: unknown model 'petz'"))
  }

  @Test func keepGoingRunsPastAFailure() throws {
    let run = try ssl(["--keep-going", "-e", "load petz; load byol"])
    #expect(run.status == 70)
    #expect(run.stdout.hasPrefix("loaded BYOL"))
  }

  @Test func usageErrorsExit64() throws {
    #expect(try ssl(["--no-such-flag"]).status == 64)
    #expect(try ssl(["script.ssl", "-e", "models"]).status == 64)
  }

  @Test func missingScriptExits66NamingIt() throws {
    let run = try ssl(["/nonexistent/x.ssl"])
    #expect(run.status == 66)
    #expect(run.stderr.contains("/nonexistent/x.ssl"))
  }

  @Test func scriptFileAndStandardInput() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ssl-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("s.ssl")
    try "load all\ncorr imagenet pets method=pearson\n".write(to: script, atomically: true, encoding: .utf8)
    let run = try ssl([script.path])
    #expect(run.status == 0)
    #expect(run.stdout.contains("Pets"))
    let piped = try ssl([], stdin: "load swav\nmodels\n")
    #expect(piped.status == 0)
    #expect(piped.stdout.contains("SwAV"))
  }
}
