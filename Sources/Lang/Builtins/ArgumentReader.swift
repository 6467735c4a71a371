// Copyright © 2026 the ssl authors.

import Runtime

/// Reads command arguments and turns wrong ones into errors that point at them.
///
/// Lists are flattened where a command takes several names (`load [byol, swav] moco`).
enum ArgumentReader {
  /// The names among the words (lists flattened); any other kind of word is an error.
  static func names(_ words: [Word], for verb: String) throws(RuntimeError) -> [(String, SourceSpan)] {
    var out: [(String, SourceSpan)] = []
    for word in words {
      switch word.value {
      case .symbol(let s), .string(let s): out.append((s, word.span))
      case .list(let items): out += try names(items, for: verb)
      default:
        throw RuntimeError(
          "'\(verb)' expects a name here, got a \(word.value.typeName)", at: word.span)
      }
    }
    return out
  }

  /// A string or bare name.
  static func text(_ word: Word, option: String) throws(RuntimeError) -> String {
    switch word.value {
    case .string(let s), .symbol(let s): return s
    case .number: return word.value.displayText
    default:
      throw RuntimeError("option '\(option)' expects a name or string, got a \(word.value.typeName)", at: word.span)
    }
  }

  /// A list of names (a single name counts as a list of one).
  static func textList(_ word: Word, option: String) throws(RuntimeError) -> [(String, SourceSpan)] {
    if case .list = word.value { return try names([word], for: option) }
    return [(try text(word, option: option), word.span)]
  }

  /// An integer within bounds.
  static func integer(_ word: Word, option: String, in range: ClosedRange<Int>) throws(RuntimeError) -> Int {
    guard case .number(let x) = word.value, x == x.rounded(), let i = Int(exactly: x), range.contains(i)
    else {
      throw RuntimeError(
        "'\(option)' expects a whole number from \(range.lowerBound) to \(range.upperBound), got \(word.value.displayText)",
        at: word.span)
    }
    return i
  }

  /// An image size written `1600x1200`.
  static func size(_ word: Word, option: String) throws(RuntimeError) -> (width: Int, height: Int) {
    let text = word.value.displayText.lowercased()
    let parts = text.split(separator: "x")
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
      (200...10000).contains(w), (200...10000).contains(h)
    else {
      throw RuntimeError(
        "'\(option)' expects WIDTHxHEIGHT in pixels (200–10000), like 1600x1200; got '\(text)'",
        at: word.span)
    }
    return (w, h)
  }

  /// Rejects positional words a command does not take.
  static func expectNoArguments(_ words: ArraySlice<Word>, verb: String, usage: String) throws(RuntimeError) {
    if let extra = words.first {
      throw RuntimeError(
        "unexpected '\(extra.value.displayText)' for '\(verb)'", at: extra.span,
        notes: [DiagnosticNote("usage: \(usage)")])
    }
  }
}
