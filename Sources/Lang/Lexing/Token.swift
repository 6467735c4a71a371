// Copyright © 2026 the ssl authors.

/// One token of a program: what it is and which bytes it covers.
public struct Token: Hashable, Sendable {
  /// The kind of token, with its decoded value.
  public var kind: TokenKind
  /// The token's bytes (for strings, including the quotes; for `\r\n`, both bytes).
  public var span: SourceSpan

  /// Creates a token.
  ///
  /// - Parameters:
  ///   - kind: What the token is.
  ///   - span: The bytes it covers.
  public init(_ kind: TokenKind, span: SourceSpan) {
    self.kind = kind
    self.span = span
  }

  /// The token as a diagnostic shows it after "found": `'600'`, `a newline`, `end of input`.
  ///
  /// - Parameter file: The file the token's span points into.
  /// - Returns: A short description of the token.
  public func describe(in file: SourceFile) -> String {
    switch kind {
    case .newline: "a newline"
    case .endOfFile: "end of input"
    case .name, .number, .string, .variable, .leftBracket, .rightBracket, .leftBrace,
      .rightBrace, .comma, .equals, .semicolon:
      DiagnosticMessages.quoted(file.text(of: span))
    }
  }
}
