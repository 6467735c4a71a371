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
        ssl --report session.html examples/quickstart.ssl
      Exit status: 0 success, 64 usage, 65 syntax error, 66 unreadable script, 70 runtime error,
      73 report not written, 130 interrupted (Ctrl-C).
      """,
    version: "ssl \(SessionInfo.version)")

  @Argument(help: "A script to run.")
  var script: String?

  @Option(name: .customShort("e"), help: "Statements to run (repeatable), instead of a script.")
  var inline: [String] = []

  @Option(
    name: .customShort("D"),
    help: ArgumentHelp(
      "Bind a variable before running, like 'let' (repeatable).", valueName: "name=value"))
  var defines: [String] = []

  @Option(
    help: ArgumentHelp(
      "Write the session (statements, output, figures) as a .md or .html notebook at the end.",
      valueName: "file"))
  var report: String?

  @Flag(help: "Keep running after a failing statement (the exit status still reports it).")
  var keepGoing = false

  @Flag(help: "Never colour diagnostics and prompts (also: NO_COLOR, or TERM=dumb).")
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
    let environment = ProcessInfo.processInfo.environment
    let color =
      !noColor && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
      && StandardStreams.errorIsTerminal
    let session = Session(output: StandardStreams.sink, useColor: color, keepGoing: keepGoing)
    for define in defines {
      let parts = define.split(separator: "=", maxSplits: 1)
      session.define(String(parts[0]), string: parts.count > 1 ? String(parts[1]) : "")
    }
    let status: RunStatus?
    if let script {
      guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
        let reason = FileManager.default.fileExists(atPath: script) ? "cannot read" : "no such file"
        StandardStreams.sink.warn("ssl: \(reason): \(script)\n")
        throw ExitCode(66)
      }
      status = runScript(text, name: script, in: session)
    } else if !inline.isEmpty {
      status = runScript(inline.joined(separator: "\n"), name: "<-e>", in: session)
    } else if isatty(STDIN_FILENO) == 0 {
      let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
      status = runScript(text, name: "<stdin>", in: session)
    } else {
      var repl = REPL(
        session: session, reader: EditLineReader { session.completions(forLine: $0, cursor: $1) })
      if color, isatty(STDOUT_FILENO) != 0 {
        repl.prompts = (Self.colored("ssl>") + " ", Self.colored("...>") + " ")
      }
      repl.loop()
      status = nil
    }
    if let report {
      do throws(NotebookReport.Failure) {
        try session.writeReport(to: report)
      } catch {
        StandardStreams.sink.warn("ssl: \(error)\n")
        throw ExitCode(73)
      }
    }
    if let status { try finish(status) }
  }

  /// Runs non-interactive text with Ctrl-C stopping it gracefully.
  private func runScript(_ text: String, name: String, in session: Session) -> RunStatus {
    InterruptHandler.install(.script)
    return session.run(text, name: name)
  }

  private func finish(_ status: RunStatus) throws {
    if Session.isCancellationRequested { throw ExitCode(InterruptHandler.exitStatus) }
    let code = Session.exitCode(for: status)
    if code != 0 { throw ExitCode(code) }
  }

  /// A prompt in bold blue, wrapped in libedit's ignore markers (\u{1}) so that the escape
  /// sequences do not count towards the prompt's width.
  private static func colored(_ prompt: String) -> String {
    "\u{1}\u{1B}[1;34m\u{1}" + prompt + "\u{1}\u{1B}[0m\u{1}"
  }
}
