// Copyright © 2026 the ssl authors.

import Testing

@testable import Lang

@Suite struct LexerTests {
  // MARK: - Token kinds

  @Test func punctuationAndTerminators() {
    let result = lex("[ ] { } , = ; \n")
    #expect(
      result.kinds == [
        .leftBracket, .rightBracket, .leftBrace, .rightBrace, .comma, .equals, .semicolon,
        .newline,
      ])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func everyKindInOneProgram() {
    let result = lex(#"let xs = [pets, "a b"]; for m in $xs { eval $m 1e-6 }"#)
    #expect(
      result.kinds == [
        .name("let"), .name("xs"), .equals, .leftBracket, .name("pets"), .comma,
        .string("a b"), .rightBracket, .semicolon, .name("for"), .name("m"), .name("in"),
        .variable("xs"), .leftBrace, .name("eval"), .variable("m"), .number(1e-6), .rightBrace,
      ])
  }

  @Test func endOfFileIsLastAndRepeats() {
    var lexer = Lexer(file: SourceFile(name: "t", text: "a"), id: SourceFileID(rawValue: 0))
    #expect(lexer.next().kind == .name("a"))
    let end = lexer.next()
    #expect(end.kind == .endOfFile)
    #expect(end.span.start == 1 && end.span.end == 1)
    #expect(lexer.next().kind == .endOfFile)
  }

  @Test func emptyInput() {
    #expect(lex("").kinds.isEmpty)
    #expect(lex("   \t # only a comment").kinds.isEmpty)
  }

  // MARK: - Names

  @Test(arguments: [
    "byol", "moco-v2", "deepcluster-v2", "within-11.25", "resnet50", "mean-per-class", "AP50",
    "_private", "a.b", "x_1-y.2", "300w", "3d", "1.2.3", "1e", "12abc",
  ])
  func names(_ text: String) {
    let result = lex(text)
    #expect(result.kinds == [.name(text)])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func joinersNeedALetterOrDigitAfterThem() {
    #expect(lex("a- b").kinds == [.name("a"), .name("b")])
    #expect(lex("a- b").diagnostics.map(\.id) == [.unexpectedCharacter])
    #expect(lex("a--b").kinds == [.name("a"), .name("b")])
    #expect(lex("a.").kinds == [.name("a")])
    #expect(lex("a_-_b").kinds == [.name("a_"), .name("_b")])
  }

  // MARK: - Numbers

  @Test(arguments: [
    ("600", 600.0), ("1e-6", 1e-6), ("-0.5", -0.5), (".5", 0.5), ("2.5E+3", 2500.0),
    ("+2", 2.0), ("-.25", -0.25), ("0", 0.0), ("1E3", 1000.0), ("007", 7.0),
  ])
  func numbers(_ text: String, _ value: Double) {
    let result = lex(text)
    #expect(result.kinds == [.number(value)])
    #expect(result.tokens.first?.span.end == text.utf8.count)
    #expect(result.diagnostics.isEmpty)
  }

  @Test func numberThenDotIsNumberThenBadCharacter() {
    let result = lex("1.")
    #expect(result.kinds == [.number(1)])
    #expect(result.diagnostics.map(\.id) == [.unexpectedCharacter])
  }

  @Test func signedNumberRunningIntoLettersIsInvalid() {
    let result = lex("-3d .5x")
    #expect(result.diagnostics.map(\.id) == [.invalidNumber, .invalidNumber])
    #expect(result.tokens.map(\.span.end) == [3, 7])
  }

  @Test func loneSignsAndDotsAreUnexpected() {
    let result = lex("- + . -x")
    #expect(result.kinds == [.name("x")])
    #expect(result.diagnostics.map(\.id) == Array(repeating: .unexpectedCharacter, count: 4))
    #expect(result.diagnostics.map(\.message).first == "unexpected character '-'")
  }

  @Test func numbersSeparatedByPunctuation() {
    #expect(lex("[1,2]").kinds == [.leftBracket, .number(1), .comma, .number(2), .rightBracket])
    #expect(lex("shot=20").kinds == [.name("shot"), .equals, .number(20)])
    #expect(lex("lr=-1e-3").kinds == [.name("lr"), .equals, .number(-1e-3)])
  }

  // MARK: - Strings

  @Test func stringEscapes() {
    let result = lex(#""a\"b\\c\nd\te" "" "é ü""#)
    #expect(result.kinds == [.string("a\"b\\c\nd\te"), .string(""), .string("é ü")])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func invalidEscapeIsReportedAndKept() {
    let source = MarkedSource(#""a1️⃣\qb""#)
    let result = lex(source.text)
    #expect(result.kinds == [.string(#"a\qb"#)])
    #expect(result.diagnostics.map(\.id) == [.invalidEscape])
    #expect(result.diagnostics.first?.span.start == source[1])
    #expect(result.diagnostics.first?.span.end == source[1] + 2)
    #expect(result.diagnostics.first?.message == #"invalid escape '\q' in string"#)
  }

  @Test func unterminatedStringStopsAtTheLineEnd() {
    let result = lex("\"abc\nload")
    #expect(result.kinds == [.string("abc"), .newline, .name("load")])
    #expect(result.diagnostics.map(\.id) == [.unterminatedString])
    #expect(
      result.diagnostics.first?.span == SourceSpan(file: .init(rawValue: 0), start: 0, end: 4))
  }

  @Test func unterminatedStringAtEndOfInput() {
    #expect(lex(#""abc"#).diagnostics.map(\.id) == [.unterminatedString])
    #expect(lex(#""abc\"#).diagnostics.map(\.id) == [.unterminatedString])
    #expect(lex("\"abc\r\n").kinds == [.string("abc"), .newline])
  }

  // MARK: - Variables

  @Test func variables() {
    #expect(
      lex("$m $moco-v2 $_x").kinds == [.variable("m"), .variable("moco-v2"), .variable("_x")])
    let bad = lex("$ $1")
    #expect(bad.diagnostics.map(\.id) == [.invalidVariableName, .invalidVariableName])
    #expect(bad.kinds == [.number(1)])
  }

  // MARK: - Comments, blanks, line endings

  @Test func commentsRunToTheEndOfTheLine() {
    #expect(
      lex("load a # load b ; c\nplot").kinds == [
        .name("load"), .name("a"), .newline, .name("plot"),
      ])
  }

  @Test func crlfIsOneNewline() {
    let result = lex("a\r\nb # c\r\nd\re")
    #expect(result.kinds == [.name("a"), .newline, .name("b"), .newline, .name("d"), .name("e")])
    #expect(result.tokens[1].span.start == 1 && result.tokens[1].span.end == 3)
  }

  // MARK: - Bad characters

  @Test func unexpectedCharactersAreSkippedWithTheirBytes() {
    let source = MarkedSource("eval 1️⃣é x 2️⃣🎉 3️⃣@")
    let result = lex(source.text)
    #expect(result.kinds == [.name("eval"), .name("x")])
    #expect(result.diagnostics.map(\.span.start) == [source[1], source[2], source[3]])
    #expect(result.diagnostics.map(\.span.end) == [source[1] + 2, source[2] + 4, source[3] + 1])
    #expect(
      result.diagnostics.map(\.message) == [
        "unexpected character 'é'", "unexpected character '🎉'", "unexpected character '@'",
      ])
  }

  @Test func controlCharactersAreShownAsCodePoints() {
    #expect(lex("\u{7}").diagnostics.first?.message == "unexpected character U+7")
    #expect(lex("\u{A0}").diagnostics.first?.message == "unexpected character U+A0")
  }

  // MARK: - Spans

  @Test func spansAreUTF8ByteOffsets() {
    let source = MarkedSource(#"1️⃣"é" 2️⃣x"#)
    let result = lex(source.text)
    #expect(result.tokens.map(\.span.start) == [source[1], source[2]])
    #expect(result.tokens[0].span.end == source[2] - 1)
  }
}
