// Copyright © 2026 the ssl authors.

/// A language session: one interpreter over the standard commands and a fresh bench.
///
/// Scripts, `-e` text and REPL cells all go through ``run(_:name:)``, so they behave the same.
/// The session records every top-level statement with its output and figures as a
/// ``NotebookCell``, which `report` and ``writeReport(to:)`` turn into a document.
public final class Session {
  let interpreter: Interpreter<BenchState>
  private let recorder = NotebookRecorder()
  private var catalog: CompletionCatalog?

  /// Creates a session that writes to `output`.
  ///
  /// - Parameters:
  ///   - output: Where results and diagnostics go.
  ///   - useColor: Colour diagnostics (only on a terminal, and not under `NO_COLOR`).
  ///   - keepGoing: Run the statements after a failing one.
  public init(output: OutputSink, useColor: Bool = false, keepGoing: Bool = false) {
    interpreter = Interpreter(
      state: BenchState.initial(warn: output.warn),
      registry: Interrupts.guarded(StandardLibrary.registry),
      output: recorder.wrap(output))
    interpreter.useColor = useColor
    interpreter.keepGoing = keepGoing
  }

  /// Parses and runs program text. Each top-level statement becomes a notebook cell.
  ///
  /// A pending interrupt (``cancelCurrentStatement()``) is cleared first, so Ctrl-C pressed
  /// during one cell does not stop the next.
  ///
  /// - Parameters:
  ///   - text: Statements.
  ///   - name: The name diagnostics use: a path, `<-e>`, `<repl:N>`.
  /// - Returns: How the run ended.
  @discardableResult
  public func run(_ text: String, name: String) -> RunStatus {
    Interrupts.reset()
    return interpreter.runCells(
      text, name: name, willRun: { recorder.begin($0) }, didRun: { recorder.end() })
  }

  /// Binds a variable to a string before any statement runs (tests bind `$tmp`).
  public func define(_ name: String, string: String) {
    interpreter.define(name, .string(string))
  }

  /// Whether text ends inside an open `{` or `[` and needs another line.
  public static func isIncomplete(_ text: String) -> Bool {
    Interpreter<BenchState>.isIncomplete(text)
  }

  /// Every command name, for completion.
  public var commandNames: [String] {
    interpreter.registry.names + Interpreter<BenchState>.coreVerbs
  }

  /// The process exit status for a run (sysexits: 65 syntax, 70 runtime).
  public static func exitCode(for status: RunStatus) -> Int32 {
    switch status {
    case .ok, .quit: 0
    case .syntaxError: 65
    case .runtimeError: 70
    }
  }

  // MARK: - Interrupts

  /// Asks the running statement to stop: long work fails with `interrupted` at its next
  /// check and, like any failed statement, leaves the session as it was.
  ///
  /// Safe to call from a signal handler once ``clearCancellation()`` has run once (the first
  /// call initialises the flag): it is a single atomic store.
  public static func cancelCurrentStatement() { Interrupts.cancel() }

  /// Whether ``cancelCurrentStatement()`` was called since the last clear or run.
  public static var isCancellationRequested: Bool { Interrupts.isRequested }

  /// Forgets a pending interrupt.
  public static func clearCancellation() { Interrupts.reset() }

  // MARK: - Notebook

  /// The statements run so far with their output and figures.
  public var cells: [NotebookCell] { recorder.cells }

  /// Writes the session so far as Markdown (`.md`) or self-contained HTML (`.html`),
  /// atomically.
  ///
  /// - Parameter path: The report's path; its extension picks the format.
  /// - Throws: ``NotebookReport/Failure`` naming the path when it cannot be written.
  public func writeReport(to path: String) throws(NotebookReport.Failure) {
    try NotebookReport.write(cells, to: path)
  }

  /// The completion words, built on the first Tab.
  var completionCatalog: CompletionCatalog {
    if let catalog { return catalog }
    let built = StandardCompletions.catalog
    catalog = built
    return built
  }
}
