// Copyright © 2026 the ssl authors.

extension Parser.State {
  // MARK: - Statement lists

  /// Parses statements until the end of input, or until the `}` that closes the block
  /// `opener` opened (which is left for the caller).
  ///
  /// Empty statements (blank lines, `;;`) are skipped. A failed statement is dropped after
  /// recovery; the diagnostic says why.
  mutating func parseStatements(opener: Token?) -> [Stmt] {
    var statements: [Stmt] = []
    while true {
      switch current.kind {
      case .newline, .semicolon:
        advance()
      case .endOfFile:
        if let opener { _ = failAtEnd(inside: opener) }
        return statements
      case .rightBrace where opener != nil:
        return statements
      case .rightBrace:
        _ = fail(DiagnosticMessages.unmatchedBrace(at: current.span))
        advance()
      default:
        do throws(Parser.Failure) {
          statements.append(try parseStatement(inBlock: opener != nil))
        } catch {
          recover(inBlock: opener != nil)
        }
      }
    }
  }

  // MARK: - Statements

  /// Parses one statement, through its last token, and checks what follows it.
  mutating func parseStatement(inBlock: Bool) throws(Parser.Failure) -> Stmt {
    guard case .name(let name) = current.kind else {
      switch current.kind {
      case .rightBracket: throw fail(DiagnosticMessages.unmatchedBracket(at: current.span))
      case .leftBrace: throw fail(DiagnosticMessages.unexpectedBrace(at: current.span))
      default:
        throw fail(DiagnosticMessages.expectedStatement(found: describe(current), at: current.span))
      }
    }
    let keyword = name.lowercased()
    if next.kind == .equals, keyword != "let", keyword != "for" {
      // `x = 1`: most likely a `let` without its keyword.
      let span = current.span.merged(with: next.span)
      throw fail(DiagnosticMessages.expectedStatementMissingLet(name: name, at: span))
    }
    switch keyword {
    case "let":
      let statement = try parseLet()
      try expectEndOfStatement(inBlock: inBlock)
      return statement
    case "for":
      // After the closing `}` another statement may follow directly (`for … { … } plot`).
      return try parseFor()
    default:
      return try parseCommand(inBlock: inBlock)
    }
  }

  /// `let NAME = word`
  mutating func parseLet() throws(Parser.Failure) -> Stmt {
    let keyword = advance()
    guard case .name(let name) = current.kind else {
      throw fail(DiagnosticMessages.expectedLetName(found: describe(current), at: current.span))
    }
    let nameSpan = advance().span
    guard current.kind == .equals else {
      throw fail(DiagnosticMessages.expectedLetEquals(name: name, at: current.span))
    }
    advance()
    let value = try parseValue(after: "let \(name) =")
    return Stmt(
      .let(name: name, nameSpan: nameSpan, value: value),
      span: keyword.span.merged(with: value.span))
  }

  /// `for NAME in word { statements }`; the `{` may be on a later line.
  mutating func parseFor() throws(Parser.Failure) -> Stmt {
    let keyword = advance()
    // `for in xs`: the variable is missing, not the `in`.
    let missingVariable = isKeyword("in", current) && !isKeyword("in", next)
    guard case .name(let variable) = current.kind, !missingVariable else {
      throw fail(
        DiagnosticMessages.expectedForVariable(found: describe(current), at: current.span))
    }
    let variableSpan = advance().span
    guard isKeyword("in", current) else {
      throw fail(DiagnosticMessages.expectedForIn(variable: variable, at: current.span))
    }
    advance()
    let sequence = try parseValue(after: "for \(variable) in")
    while current.kind == .newline { advance() }
    switch current.kind {
    case .leftBrace:
      break
    case .endOfFile:
      // The `{` may still come on the next line: a REPL should ask for it.
      isIncomplete = true
      throw fail(DiagnosticMessages.unexpectedEndOfInputBeforeForBody(at: current.span))
    default:
      throw fail(DiagnosticMessages.expectedForBody(found: describe(current), at: current.span))
    }
    let opener = advance()
    let body = parseStatements(opener: opener)
    guard current.kind == .rightBrace else { throw Parser.Failure() }  // reported at the end
    let closer = advance()
    return Stmt(
      .for(variable: variable, variableSpan: variableSpan, sequence: sequence, body: body),
      span: keyword.span.merged(with: closer.span))
  }

  /// `verb word… key=value…`, up to a terminator (or the `}` of the enclosing block).
  mutating func parseCommand(inBlock: Bool) throws(Parser.Failure) -> Stmt {
    let verbToken = advance()
    guard case .name(let verb) = verbToken.kind else { throw Parser.Failure() }
    var arguments: [Expr] = []
    var options: [CommandOption] = []
    var end = verbToken.span
    while true {
      switch current.kind {
      case .newline, .semicolon, .endOfFile:
        let command = CommandSyntax(
          verb: verb, verbSpan: verbToken.span, arguments: arguments, options: options)
        return Stmt(.command(command), span: verbToken.span.merged(with: end))
      case .rightBrace where inBlock:
        let command = CommandSyntax(
          verb: verb, verbSpan: verbToken.span, arguments: arguments, options: options)
        return Stmt(.command(command), span: verbToken.span.merged(with: end))
      case .name(let key) where next.kind == .equals:
        let keySpan = advance().span
        advance()
        let value = try parseValue(after: "\(key)=")
        options.append(CommandOption(key: key, keySpan: keySpan, value: value))
        end = value.span
      case .name, .number, .string, .variable, .leftBracket:
        let word = try parseWord()
        arguments.append(word)
        end = word.span
      case .rightBrace:
        throw fail(DiagnosticMessages.unmatchedBrace(at: current.span))
      case .equals, .comma, .rightBracket, .leftBrace:
        throw fail(misplaced(current))
      }
    }
  }

  /// Checks that a `let` ends here: a terminator, or the `}` of the enclosing block.
  mutating func expectEndOfStatement(inBlock: Bool) throws(Parser.Failure) {
    if current.kind.isTerminator || (inBlock && current.kind == .rightBrace) { return }
    throw fail(
      DiagnosticMessages.expectedEndOfStatement(found: describe(current), at: current.span))
  }
}
