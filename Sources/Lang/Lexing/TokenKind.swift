// Copyright © 2026 the ssl authors.

/// The kinds of token the ``Lexer`` produces, with the decoded value where there is one.
///
/// Comments and whitespace other than newlines produce no tokens. Keywords (`let`, `for`,
/// `in`) are ordinary names; the parser recognises them by position.
public enum TokenKind: Hashable, Sendable {
  /// A bare name (`byol`, `moco-v2`, `within-11.25`, `300w`).
  case name(String)
  /// A number literal, with its value (`600`, `1e-6`, `-0.5`, `.5`).
  case number(Double)
  /// A string literal, with escapes resolved and without its quotes.
  case string(String)
  /// A variable reference `$name`, stored without the `$`.
  case variable(String)
  /// `[`
  case leftBracket
  /// `]`
  case rightBracket
  /// `{`
  case leftBrace
  /// `}`
  case rightBrace
  /// `,`
  case comma
  /// `=`
  case equals
  /// `;`, a statement terminator.
  case semicolon
  /// A line break (`\n` or `\r\n`), a statement terminator.
  case newline
  /// The end of the input; always the last token.
  case endOfFile

  /// Whether the token ends a statement (`;`, a newline, the end of input).
  public var isTerminator: Bool {
    switch self {
    case .semicolon, .newline, .endOfFile: true
    case .name, .number, .string, .variable, .leftBracket, .rightBracket, .leftBrace,
      .rightBrace, .comma, .equals:
      false
    }
  }

  /// Whether the token can start a word of a command (a name, number, string, variable or
  /// list).
  public var startsWord: Bool {
    switch self {
    case .name, .number, .string, .variable, .leftBracket: true
    case .rightBracket, .leftBrace, .rightBrace, .comma, .equals, .semicolon, .newline,
      .endOfFile:
      false
    }
  }
}
