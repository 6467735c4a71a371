// Copyright © 2026 the ssl authors.

import Testing

@testable import Lang

/// Property tests: random programs never crash the lexer, parser or renderer, every span
/// lies inside its file, and parsing is deterministic.
@Suite struct ParserFuzzTests {
  /// Pieces of the grammar, plus troublemakers, that random programs are built from.
  static let pieces = [
    "load", "eval", "corr", "plot", "let", "for", "in", "byol", "moco-v2", "within-11.25",
    "300w", "600", "1e-6", "-0.5", ".5", "+2", "1.", "\"pets\"", "\"a\\tb\"", "\"bad\\q\"",
    "\"open", "$m", "$", "[", "]", "{", "}", ",", "=", "shot=", "to=", ";", "\n", "\r\n", " ",
    "\t", "# comment", "é", "🎉", "@", "-", ".", "\\", "\u{0}", "\r", "x = 1",
  ]

  static func randomProgram(_ rng: inout SplitMix64) -> String {
    var text = ""
    for _ in 0..<Int.random(in: 0...30, using: &rng) {
      switch Int.random(in: 0..<10, using: &rng) {
      case 0:
        // A random Unicode scalar, including ones outside the BMP.
        let value = UInt32.random(in: 0...0x1_F9FF, using: &rng)
        text.unicodeScalars.append(Unicode.Scalar(value) ?? "?")
      case 1:
        // A random ASCII byte.
        text.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0...127, using: &rng)))
      default:
        text += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
        if Bool.random(using: &rng) { text += " " }
      }
    }
    return text
  }

  @Test func randomProgramsParseSafely() {
    var rng = SplitMix64(seed: 0x55_4C_2026)
    var diagnosed = 0
    var incomplete = 0
    for _ in 0..<3000 {
      let text = Self.randomProgram(&rng)
      let parsed = Parsed(text)
      let size = parsed.file.bytes.count
      func inside(_ span: SourceSpan) -> Bool {
        span.file.rawValue == 0 && 0 <= span.start && span.start <= span.end && span.end <= size
      }
      for diagnostic in parsed.diagnostics {
        #expect(inside(diagnostic.span), "\(text.debugDescription)")
        for note in diagnostic.notes {
          if let span = note.span { #expect(inside(span), "\(text.debugDescription)") }
        }
      }
      for statement in parsed.statements {
        #expect(inside(statement.span), "\(text.debugDescription)")
      }
      if parsed.result.isIncomplete {
        #expect(parsed.ids.contains(.unexpectedEndOfInput), "\(text.debugDescription)")
        incomplete += 1
      }
      #expect(Parsed(text).result == parsed.result, "\(text.debugDescription)")
      _ = parsed.rendered
      _ = parsed.dump
      if !parsed.diagnostics.isEmpty { diagnosed += 1 }
    }
    // The generator must exercise both paths, or the test proves little.
    #expect(diagnosed > 300 && diagnosed < 2900)
    #expect(incomplete > 30)
  }

  @Test func validProgramsFromTheGrammarParseCleanly() {
    var rng = SplitMix64(seed: 7)
    let words = ["byol", "pets", "moco-v2", "600", "1e-6", "\"f.png\"", "$m", "[a, b]", "[]"]
    for _ in 0..<500 {
      var lines: [String] = []
      for _ in 0..<Int.random(in: 1...6, using: &rng) {
        var line = ["load", "eval", "plot"][Int.random(in: 0..<3, using: &rng)]
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
          let word = words[Int.random(in: 0..<words.count, using: &rng)]
          line += Bool.random(using: &rng) ? " \(word)" : " k=\(word)"
        }
        lines.append(line)
      }
      let separator = Bool.random(using: &rng) ? "\n" : "; "
      var text = lines.joined(separator: separator)
      if Bool.random(using: &rng) { text = "for m in [a, b] {\n\(text)\n}" }
      let parsed = Parsed(text)
      #expect(parsed.diagnostics.isEmpty, "\(text.debugDescription)\n\(parsed.rendered)")
      #expect(!parsed.result.isIncomplete)
    }
  }
}
