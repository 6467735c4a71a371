// Copyright © 2026 the ssl authors.

/// A language session: one interpreter over the standard commands and a fresh bench.
///
/// Scripts, `-e` text and REPL cells all go through ``run(_:name:)``, so they behave the same.
public final class Session {
  private let interpreter: Interpreter<BenchState>

  /// Creates a session that writes to `output`.
  ///
  /// - Parameters:
  ///   - output: Where results and diagnostics go.
  ///   - useColor: Colour diagnostics (only on a terminal, and not under `NO_COLOR`).
  ///   - keepGoing: Run the statements after a failing one.
  public init(output: OutputSink, useColor: Bool = false, keepGoing: Bool = false) {
    interpreter = Interpreter(state: BenchState(), registry: StandardLibrary.registry, output: output)
    interpreter.useColor = useColor
    interpreter.keepGoing = keepGoing
  }

  /// Parses and runs program text.
  ///
  /// - Parameters:
  ///   - text: Statements.
  ///   - name: The name diagnostics use: a path, `<-e>`, `<repl:N>`.
  /// - Returns: How the run ended.
  @discardableResult
  public func run(_ text: String, name: String) -> RunStatus {
    interpreter.run(text, name: name)
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
}
