// Copyright © 2026 the ssl authors.

/// Reads `.ssl` programs into ``Stmt``s.
///
/// The grammar is small:
///
/// ```
/// program   = { statement | ";" | NEWLINE }
/// statement = "let" NAME "=" word
///           | "for" NAME "in" word { NEWLINE } "{" program "}"
///           | NAME { word | NAME "=" word }
/// word      = NAME | NUMBER | STRING | VARIABLE | "[" { word | "," | NEWLINE } "]"
/// ```
///
/// A `let` or command ends at `;`, a newline, the end of input or (inside a block) the `}`
/// closing it; after the `}` of a `for`, another statement may follow on the same line.
/// Keywords (`let`, `for`, `in`) are matched in any case.
///
/// The parser is a recursive descent over the whole token array. It recovers from errors
/// (`Parser+Recovery.swift`): after a problem it skips to the next terminator at
/// bracket depth 0, or to the `}` closing the current block, and goes on, so one run reports
/// every independent mistake.
public enum Parser {
  /// Parses a whole program.
  ///
  /// - Parameters:
  ///   - file: The program text.
  ///   - id: The file's identifier, used in every span.
  /// - Returns: The statements, the diagnostics (lexer and parser, in source order) and
  ///   whether the input ended inside an open block or list.
  public static func parse(_ file: SourceFile, id: SourceFileID) -> ParseResult {
    var lexer = Lexer(file: file, id: id)
    let tokens = lexer.tokenize()
    var state = State(file: file, tokens: tokens)
    let statements = state.parseStatements(opener: nil)
    // Both lists are already in source order; a stable sort interleaves them.
    let diagnostics = (lexer.diagnostics + state.diagnostics).enumerated()
      .sorted { ($0.element.span.start, $0.offset) < ($1.element.span.start, $1.offset) }
      .map(\.element)
    return ParseResult(
      statements: statements, diagnostics: diagnostics, isIncomplete: state.isIncomplete)
  }

  /// The parser's working state: the tokens, a cursor, and what has been found so far.
  struct State {
    let file: SourceFile
    let tokens: [Token]
    /// Index of the current token; never past the final `endOfFile`.
    var index = 0
    var diagnostics: [Diagnostic] = []
    var isIncomplete = false

    init(file: SourceFile, tokens: [Token]) {
      self.file = file
      self.tokens = tokens
    }

    // MARK: - Cursor

    var current: Token { tokens[index] }

    /// The token after the current one (the last token when at the end).
    var next: Token { tokens[min(index + 1, tokens.count - 1)] }

    /// Moves past the current token and returns it; stays on `endOfFile`.
    @discardableResult
    mutating func advance() -> Token {
      let token = tokens[index]
      if index < tokens.count - 1 { index += 1 }
      return token
    }

    /// Whether a token is the name `keyword`, in any case.
    func isKeyword(_ keyword: String, _ token: Token) -> Bool {
      if case .name(let name) = token.kind { return name.lowercased() == keyword }
      return false
    }

    // MARK: - Reporting

    /// `'600'`, `a newline`, `end of input`.
    func describe(_ token: Token) -> String { token.describe(in: file) }

    func line(of span: SourceSpan) -> Int { file.location(of: span.start).line }

    /// Records a diagnostic and returns the marker error that starts recovery.
    mutating func fail(_ diagnostic: Diagnostic) -> Failure {
      diagnostics.append(diagnostic)
      return Failure()
    }

    /// Reports that the input ended inside the block or list `opener` opened.
    mutating func failAtEnd(inside opener: Token) -> Failure {
      isIncomplete = true
      let symbol = opener.kind == .leftBrace ? "{" : "["
      return fail(
        DiagnosticMessages.unexpectedEndOfInput(
          opener: symbol, openerSpan: opener.span, openerLine: line(of: opener.span),
          at: current.span))
    }
  }

  /// Thrown after a diagnostic has been recorded, to unwind to the statement loop.
  struct Failure: Error {}
}
