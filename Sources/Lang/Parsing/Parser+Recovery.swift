// Copyright © 2026 the ssl authors.

extension Parser.State {
  /// Skips the rest of a failed statement.
  ///
  /// Stops before the next `;` or newline at bracket depth 0, or before a `}` at depth 0 that
  /// closes the current block (`inBlock`), and leaves that token for the statement loop. A
  /// `}` at depth 0 outside any block is skipped with the rest of the statement. Brackets
  /// opened while skipping are tracked, so `600 [a,\n b]` skips the whole list, and when the
  /// input ends inside one, the result is incomplete like any other open bracket.
  mutating func recover(inBlock: Bool) {
    var openers: [Token] = []
    while true {
      switch current.kind {
      case .endOfFile:
        if let opener = openers.last { _ = failAtEnd(inside: opener) }
        return
      case .newline, .semicolon:
        if openers.isEmpty { return }
        advance()
      case .rightBrace where openers.isEmpty:
        if inBlock { return }
        advance()
      case .leftBrace, .leftBracket:
        openers.append(advance())
      case .rightBrace, .rightBracket:
        if !openers.isEmpty { openers.removeLast() }
        advance()
      case .name, .number, .string, .variable, .comma, .equals:
        advance()
      }
    }
  }
}
