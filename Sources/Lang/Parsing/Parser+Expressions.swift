// Copyright © 2026 the ssl authors.

extension Parser.State {
  /// Parses the word after `=`, `let x =` or `for m in`; `context` names what came before,
  /// for the message when the word is missing.
  mutating func parseValue(after context: String) throws(Parser.Failure) -> Expr {
    guard current.kind.startsWord else {
      throw fail(
        DiagnosticMessages.expectedValue(
          after: context, found: describe(current), at: current.span))
    }
    return try parseWord()
  }

  /// Parses one word: a name, number, string, variable or list. The caller has checked that
  /// the current token starts one.
  mutating func parseWord() throws(Parser.Failure) -> Expr {
    let token = current
    switch token.kind {
    case .name(let name):
      advance()
      return Expr(.name(name), span: token.span)
    case .number(let value):
      advance()
      return Expr(.number(value), span: token.span)
    case .string(let value):
      advance()
      return Expr(.string(value), span: token.span)
    case .variable(let name):
      advance()
      return Expr(.variable(name), span: token.span)
    case .leftBracket:
      return try parseList()
    case .rightBracket, .leftBrace, .rightBrace, .comma, .equals, .semicolon, .newline,
      .endOfFile:
      throw fail(misplaced(token))
    }
  }

  /// `[ word, word … ]`: elements are separated by commas and/or line breaks; lists nest and
  /// may be empty. An option inside a list is reported and skipped, and the list goes on,
  /// since its extent is still clear.
  mutating func parseList() throws(Parser.Failure) -> Expr {
    let opener = advance()
    var elements: [Expr] = []
    while true {
      switch current.kind {
      case .newline, .comma:
        advance()
      case .rightBracket:
        let closer = advance()
        return Expr(.list(elements), span: opener.span.merged(with: closer.span))
      case .endOfFile:
        throw failAtEnd(inside: opener)
      case .name where next.kind == .equals:
        let keySpan = advance().span
        var span = keySpan.merged(with: advance().span)
        if current.kind.startsWord { span = span.merged(with: try parseWord().span) }
        diagnostics.append(DiagnosticMessages.optionInList(at: span))
      case .name, .number, .string, .variable, .leftBracket:
        elements.append(try parseWord())
      case .semicolon, .rightBrace:
        throw fail(
          DiagnosticMessages.expectedListClose(
            found: describe(current), at: current.span, opener: opener.span,
            openerLine: line(of: opener.span)))
      case .equals, .leftBrace:
        throw fail(misplaced(current))
      }
    }
  }

  /// The diagnostic for a punctuation token that cannot appear where it is.
  func misplaced(_ token: Token) -> Diagnostic {
    switch token.kind {
    case .equals: DiagnosticMessages.misplacedEquals(at: token.span)
    case .comma: DiagnosticMessages.unexpectedComma(at: token.span)
    case .rightBracket: DiagnosticMessages.unmatchedBracket(at: token.span)
    case .rightBrace: DiagnosticMessages.unmatchedBrace(at: token.span)
    case .leftBrace: DiagnosticMessages.unexpectedBrace(at: token.span)
    case .name, .number, .string, .variable, .leftBracket, .semicolon, .newline, .endOfFile:
      DiagnosticMessages.expectedEndOfStatement(found: describe(token), at: token.span)
    }
  }
}
