// Copyright © 2026 the ssl authors.

/// What ``Parser/parse(_:id:)`` returns: the statements it could read and every problem found.
///
/// A program with diagnostics should not be run: ``statements`` then holds only the
/// statements that parsed cleanly, which is enough for tooling (completion, `ASTDump`) but not
/// for execution.
public struct ParseResult: Hashable, Sendable {
  /// The statements, in source order.
  public var statements: [Stmt]
  /// Lexer and parser diagnostics, sorted by position.
  public var diagnostics: [Diagnostic]
  /// Whether the input stopped inside an open `{` or `[` (or before the `{` of a `for`), so
  /// a REPL should read a continuation line instead of reporting the error.
  public var isIncomplete: Bool

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - statements: The parsed statements.
  ///   - diagnostics: The problems found.
  ///   - isIncomplete: Whether more input could complete the program.
  public init(statements: [Stmt], diagnostics: [Diagnostic], isIncomplete: Bool) {
    self.statements = statements
    self.diagnostics = diagnostics
    self.isIncomplete = isIncomplete
  }
}
