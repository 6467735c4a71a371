// Copyright © 2026 the ssl authors.

import Foundation

/// How a run of some program text ended.
public enum RunStatus: Sendable, Equatable {
  /// Every statement completed.
  case ok
  /// The text did not parse; nothing ran.
  case syntaxError
  /// A statement failed; the statements before it completed.
  case runtimeError
  /// A `quit` statement ran.
  case quit
}

/// Runs statements against a session state: the core of the language.
///
/// The interpreter knows commands only through its ``CommandRegistry``; it gives meaning
/// itself only to `let`, `for`, `source`, `help` and `quit`. Each statement runs on a copy of
/// ``state`` that replaces the state only when the statement completes, so a failure leaves
/// the session exactly as it was.
public final class Interpreter<State> {
  /// The session state (the bench, results, settings…), owned by the builtins.
  public internal(set) var state: State
  /// Every program text run so far, so that spans can be rendered.
  public internal(set) var files = SourceFileTable()
  /// The commands.
  public let registry: CommandRegistry<State>
  /// Where output goes.
  public var output: OutputSink
  /// Whether diagnostics are coloured.
  public var useColor = false
  /// Keep running the statements after a failing one (the script option `--keep-going`).
  public var keepGoing = false

  var variables: [String: Word] = [:]
  var frames: [RuntimeError.Frame] = []

  /// Creates an interpreter over an initial state.
  public init(state: State, registry: CommandRegistry<State>, output: OutputSink) {
    self.state = state
    self.registry = registry
    self.output = output
  }

  /// Parses and runs program text; diagnostics and errors are printed to the output's
  /// warning stream.
  ///
  /// - Parameters:
  ///   - text: The program.
  ///   - name: The name shown in diagnostics (a path, `<-e>`, `<repl:3>`).
  /// - Returns: How the run ended.
  @discardableResult
  public func run(_ text: String, name: String) -> RunStatus {
    runCells(text, name: name, willRun: { _ in }, didRun: {})
  }

  /// Reports whether text is an unfinished statement (an open `{` or `[`), so a REPL can
  /// ask for a continuation line instead of reporting an error.
  public static func isIncomplete(_ text: String) -> Bool {
    let file = SourceFile(name: "<input>", text: text)
    return Parser.parse(file, id: SourceFileID(rawValue: 0)).isIncomplete
  }

  /// Binds a variable from outside the program (the span points at nothing in particular).
  public func define(_ name: String, _ value: Value) {
    let id = files.add(SourceFile(name: "<defined>", text: ""))
    variables[name] = Word(value, span: SourceSpan(file: id, start: 0, end: 0))
  }

  /// The names bound by `let` and `for`.
  public var variableNames: [String] { variables.keys.sorted() }

  func report(_ error: RuntimeError) {
    let renderer = DiagnosticRenderer(files: files, useColor: useColor)
    var text = renderer.render(
      severity: .error, message: error.message, span: error.span, notes: error.notes)
    for frame in error.stack {
      let file = files[frame.span.file]
      let (line, column) = file.location(of: frame.span.start)
      text += "  in '\(frame.file)', sourced at \(file.name):\(line):\(column)\n"
    }
    output.warn(text)
  }
}

/// Why execution stopped early.
enum Interruption: Error {
  /// A statement failed.
  case failed(RuntimeError)
  /// `quit` ran.
  case quit
}
