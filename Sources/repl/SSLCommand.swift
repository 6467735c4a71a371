// Copyright © 2026 the ssl authors.

import ArgumentParser
import Foundation
import Lang

/// The `ssl` executable: runs a script, inline text, or an interactive session.
@main
struct SSLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ssl",
    abstract: "Measure how pre-trained vision backbones transfer.",
    discussion: """
      Runs .ssl scripts, inline statements (-e) or, with neither, an interactive session.
        ssl examples/quickstart.ssl
        ssl -e "load all; corr imagenet manyshot; plot"
      Exit status: 0 success, 64 usage, 65 syntax error, 66 unreadable script, 70 runtime error.
      """,
    version: "ssl \(SessionInfo.version)")

  @Argument(help: "A script to run.")
  var script: String?

  @Option(name: .customShort("e"), help: "Statements to run (repeatable), instead of a script.")
  var inline: [String] = []

  @Option(
    name: .customShort("D"),
    help: ArgumentHelp("Bind a variable before running, like 'let' (repeatable).", valueName: "name=value"))
  var defines: [String] = []

  @Flag(help: "Keep running after a failing statement (the exit status still reports it).")
  var keepGoing = false

  @Flag(help: "Never colour diagnostics (also: the NO_COLOR environment variable).")
  var noColor = false

  func validate() throws {
    if script != nil, !inline.isEmpty {
      throw ValidationError("give either a script or -e text, not both")
    }
    for define in defines where !define.contains("=") || define.hasPrefix("=") {
      throw ValidationError("-D expects name=value, got '\(define)'")
    }
  }

  func run() throws {
    let color = !noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
      && isatty(STDERR_FILENO) != 0
    let session = Session(
      output: StandardStreams.sink, useColor: color, keepGoing: keepGoing)
    for define in defines {
      let parts = define.split(separator: "=", maxSplits: 1)
      session.define(String(parts[0]), string: parts.count > 1 ? String(parts[1]) : "")
    }
    if let script {
      guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
        let reason = FileManager.default.fileExists(atPath: script) ? "cannot read" : "no such file"
        StandardStreams.sink.warn("ssl: \(reason): \(script)\n")
        throw ExitCode(66)
      }
      try finish(session.run(text, name: script))
    } else if !inline.isEmpty {
      try finish(session.run(inline.joined(separator: "\n"), name: "<-e>"))
    } else if isatty(STDIN_FILENO) == 0 {
      let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
      try finish(session.run(text, name: "<stdin>"))
    } else {
      var repl = REPL(session: session, reader: EditLineReader())
      repl.loop()
    }
  }

  private func finish(_ status: RunStatus) throws {
    let code = Session.exitCode(for: status)
    if code != 0 { throw ExitCode(code) }
  }
}
