// Copyright © 2026 the ssl authors.

/// Where the cursor is, worked out from the text before it: in a string, at a statement's
/// verb, at an argument, or after `key=`.
struct CompletionContext {
  enum Kind: Equatable {
    case path
    case verb
    case argument(verb: String, index: Int, inList: Bool, usedKeys: [String])
    case optionValue(verb: String, key: String)
  }

  var kind: Kind
  /// The word being completed (after the last word break, or the string's text so far).
  var word: String

  /// Nil inside a comment, where there is nothing to complete.
  init?(_ prefix: String) {
    var inString = false
    var inComment = false
    var stringStart = prefix.startIndex
    var statementStart = prefix.startIndex
    var i = prefix.startIndex
    while i < prefix.endIndex {
      let c = prefix[i]
      let next = prefix.index(after: i)
      if inComment {
        if c == "\n" {
          inComment = false
          statementStart = next
        }
      } else if inString {
        if c == "\\", next < prefix.endIndex {
          i = prefix.index(after: next)
          continue
        }
        if c == "\"" { inString = false }
      } else if c == "\"" {
        inString = true
        stringStart = next
      } else if c == "#" {
        inComment = true
      } else if ";{}\n".contains(c) {
        statementStart = next
      }
      i = next
    }
    if inComment { return nil }
    if inString {
      kind = .path
      word = String(prefix[stringStart...])
      return
    }
    let statement = prefix[statementStart...]
    let wordStart =
      statement.lastIndex { Session.completionWordBreaks.contains($0) }
      .map { statement.index(after: $0) } ?? statement.startIndex
    word = String(statement[wordStart...])
    kind = Self.kind(before: statement[..<wordStart])
  }

  /// Splits the statement before the word into top-level words (a list is one word) and
  /// decides what the word is.
  private static func kind(before: Substring) -> Kind {
    var tokens: [String] = []
    var current = ""
    var depth = 0
    var listOpener: String?  // the text before the innermost open `[`
    for c in before {
      if c == "[" {
        if depth == 0 { listOpener = current }
        depth += 1
      } else if c == "]" {
        depth = max(0, depth - 1)
      }
      if depth == 0, c.isWhitespace {
        if !current.isEmpty { tokens.append(current) }
        current = ""
      } else {
        current.append(c)
      }
    }
    let inList = depth > 0
    guard let verb = tokens.first?.lowercased() ?? (inList ? nil : current.isEmpty ? nil : "")
    else {
      return .verb
    }
    if verb.isEmpty {
      // `before` ends inside a word only at `key=`: the word follows an `=`.
      return .optionValue(verb: "", key: String(current.dropLast()).lowercased())
    }
    let pending = inList ? listOpener ?? "" : current
    if pending.hasSuffix("=") {
      return .optionValue(verb: verb, key: String(pending.dropLast()).lowercased())
    }
    let rest = tokens.dropFirst()
    let usedKeys = rest.compactMap { token in
      token.firstIndex(of: "=").map { String(token[..<$0]).lowercased() }
    }
    let positional = rest.filter { !$0.contains("=") }.count
    return .argument(verb: verb, index: positional, inList: inList, usedKeys: usedKeys)
  }
}
