// Copyright © 2026 the ssl authors.

import Foundation
import Testing

/// The interactive `ssl` driven through a real pseudo-terminal: completion, history across
/// restarts, the continuation prompt, and Ctrl-C / Ctrl-D.
@Suite(.serialized)
struct REPLTerminalTests {
  /// A fresh state folder (history) per test, and no colour so the text is plain.
  final class Fixture {
    let folder: URL

    init() throws {
      folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("ssl-repl-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func start(_ arguments: [String] = []) throws -> PseudoTerminal {
      let env = [
        "HOME": folder.path, "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
        "NO_COLOR": "1", "TERM": "dumb", "PATH": "/usr/bin:/bin",
      ]
      let terminal = try PseudoTerminal(
        executable: CommandLineTests.executable.path, arguments: arguments, environment: env)
      if arguments.isEmpty {
        try terminal.expectPrompt()
        try terminal.waitForLineEditing()
      }
      return terminal
    }
  }

  @Test func tabCompletesCommandsModelsAndOptionKeys() throws {
    let fixture = try Fixture()
    let ssl = try fixture.start()
    ssl.send("loa\t")
    try ssl.expect("ssl> load ")
    ssl.send("by\t")
    try ssl.expect("ssl> load byol ")
    ssl.send("\r")
    try ssl.expect("loaded BYOL")
    try ssl.expectPrompt()
    ssl.send("corr imagenet pets meth\t")
    try ssl.expect("corr imagenet pets method=")
    ssl.send("sp\t")
    try ssl.expect("method=spearman ")
    ssl.send("\u{15}corr imagenet pets me\t\t")  // Ctrl-U, then two Tabs list the choices
    try ssl.expect("method=  metric=")
    ssl.send("\u{4}")
  }

  @Test func historyIsRecalledAfterARestart() throws {
    let fixture = try Fixture()
    let first = try fixture.start()
    first.send("load swav\r")
    try first.expect("loaded SwAV")
    try first.expectPrompt()
    first.send("\u{4}")
    #expect(try first.waitForExit() == 0)

    let second = try fixture.start()
    second.send("\u{1B}[A")
    try second.expect("load swav")
    second.send("\r")
    try second.expect("loaded SwAV")
    let history = fixture.folder.appendingPathComponent("state/ssl/history")
    #expect(FileManager.default.fileExists(atPath: history.path))
  }

  @Test func openBracketsAskForContinuationLines() throws {
    let fixture = try Fixture()
    let ssl = try fixture.start()
    ssl.send("for m in [byol,\r")
    try ssl.expect("...> ")
    ssl.send("swav] {\r")
    try ssl.expect("...> ")
    ssl.send("load $m }\r")
    try ssl.expect("2 models on the bench")
    try ssl.expectPrompt()
  }

  @Test func ctrlCStopsALongStatementAndTheSessionGoesOn() throws {
    let fixture = try Fixture()
    let ssl = try fixture.start()
    ssl.send("load byol\r")
    try ssl.expectPrompt()
    let started = Date()
    ssl.send("sleep 30\r")
    try ssl.expect("sleep 30\r\n")
    Thread.sleep(forTimeInterval: 0.3)
    ssl.send("\u{3}")
    try ssl.expect("error: interrupted")
    try ssl.expectPrompt(timeout: 5)
    #expect(Date().timeIntervalSince(started) < 10)
    ssl.send("models\r")
    let models = try ssl.expectPrompt()
    #expect(models.contains("BYOL"))
    ssl.send("\u{4}")
    #expect(try ssl.waitForExit() == 0)
  }

  @Test func ctrlCAtThePromptClearsTheLineAndCtrlDLeaves() throws {
    let fixture = try Fixture()
    let ssl = try fixture.start()
    ssl.send("load sw")
    try ssl.expect("load sw")
    try ssl.waitForLineEditing()
    ssl.send("\u{3}")
    try ssl.expect("^C")
    try ssl.expectPrompt()
    ssl.send("load byol\r")  // the dropped "load sw" must not be part of this line
    try ssl.expect("loaded BYOL")
    try ssl.expectPrompt()
    ssl.send("\u{4}")
    #expect(try ssl.waitForExit() == 0)
  }

  @Test func ctrlCInAScriptExits130() throws {
    let fixture = try Fixture()
    let ssl = try fixture.start(["-e", "load byol; sleep 30; load swav"])
    try ssl.expect("loaded BYOL")
    Thread.sleep(forTimeInterval: 0.3)
    ssl.send("\u{3}")
    try ssl.expect("error: interrupted")
    #expect(try ssl.waitForExit() == 130)
    #expect(!ssl.transcript.contains("SwAV"))
  }
}

extension PseudoTerminal {
  /// Waits for the `ssl> ` prompt and for libedit to take the terminal, so that control keys
  /// typed next reach the editor.
  @discardableResult
  func expectPrompt(timeout: Double = 10) throws -> String {
    let seen = try expect("ssl> ", timeout: timeout)
    try waitForLineEditing()
    return seen
  }
}
