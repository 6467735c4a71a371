// Copyright © 2026 the ssl authors.

import Testing

@testable import Lang

@Suite struct ParserTests {
  // MARK: - Helpers

  /// Parses marked source and checks that it yields exactly the given diagnostics, each
  /// starting at its marker.
  func expectDiagnostics(
    _ marked: String, _ expected: [(DiagnosticID, marker: Int)], incomplete: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let source = MarkedSource(marked)
    let parsed = Parsed(source.text)
    #expect(
      parsed.ids == expected.map(\.0), "\(parsed.rendered)", sourceLocation: sourceLocation)
    #expect(
      parsed.diagnostics.map(\.span.start) == expected.map { source[$0.marker] },
      sourceLocation: sourceLocation)
    #expect(parsed.result.isIncomplete == incomplete, sourceLocation: sourceLocation)
  }

  func command(_ statement: Stmt?) -> CommandSyntax? {
    guard case .command(let command)? = statement?.kind else { return nil }
    return command
  }

  // MARK: - Programs

  @Test func theCardExample() {
    let parsed = Parsed("load byol; eval pets linear; corr imagenet manyshot; plot")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.statements.compactMap { command($0)?.verb } == ["load", "eval", "corr", "plot"])
    #expect(
      command(parsed.statements[1])?.arguments.map(\.kind) == [.name("pets"), .name("linear")])
  }

  @Test func emptyStatementsAreIgnored() {
    let parsed = Parsed(";;\n\n  ; # nothing\nplot;;\n")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.statements.count == 1)
    #expect(Parsed("").statements.isEmpty)
  }

  @Test func argumentsAndOptionsAreKeptApart() {
    let source = MarkedSource(#"eval pets 1️⃣shot=20 linear 2️⃣to = "f.png" [a]"#)
    let parsed = Parsed(source.text)
    #expect(parsed.diagnostics.isEmpty)
    let eval = command(parsed.statements.first)
    #expect(eval?.arguments.count == 3)
    #expect(eval?.arguments.prefix(2).map(\.kind) == [.name("pets"), .name("linear")])
    #expect(eval?.options.map(\.key) == ["shot", "to"])
    #expect(eval?.options.map(\.value.kind) == [.number(20), .string("f.png")])
    #expect(eval?.options.map(\.keySpan.start) == [source[1], source[2]])
    #expect(eval?.options.map(\.keySpan.end) == [source[1] + 4, source[2] + 2])
  }

  @Test func listsNestAndSeparateByCommasOrLines() {
    let parsed = Parsed("let xs = [a, b c\n  [], [1 [\"s\"]],\n $v,]")
    #expect(parsed.diagnostics.isEmpty)
    guard case .let(let name, _, let value)? = parsed.statements.first?.kind else {
      Issue.record("not a let")
      return
    }
    #expect(name == "xs")
    let span = SourceSpan(file: .init(rawValue: 0), start: 0, end: 0)
    func strip(_ e: Expr) -> Expr {
      switch e.kind {
      case .list(let items): Expr(.list(items.map(strip)), span: span)
      default: Expr(e.kind, span: span)
      }
    }
    let expected = Expr(
      .list([
        Expr(.name("a"), span: span), Expr(.name("b"), span: span), Expr(.name("c"), span: span),
        Expr(.list([]), span: span),
        Expr(
          .list([
            Expr(.number(1), span: span), Expr(.list([Expr(.string("s"), span: span)]), span: span),
          ]), span: span),
        Expr(.variable("v"), span: span),
      ]), span: span)
    #expect(strip(value) == expected)
  }

  @Test func forBodiesMayStartOnALaterLine() {
    let parsed = Parsed("for m in [byol, swav]\n\n{\n  load $m; eval pets linear\n}\nplot")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.statements.count == 2)
    guard case .for(let variable, _, _, let body)? = parsed.statements.first?.kind else {
      Issue.record("not a for")
      return
    }
    #expect(variable == "m")
    #expect(body.compactMap { command($0)?.verb } == ["load", "eval"])
  }

  @Test func closingBraceMayEndACommandAndBeFollowedByAStatement() {
    let parsed = Parsed("for m in [a] { load $m } plot")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.statements.count == 2)
    #expect(command(parsed.statements.last)?.verb == "plot")
  }

  @Test func nestedForLoops() {
    let parsed = Parsed("for a in [x] { for b in [y] { show $a $b }; let c = 1 }")
    #expect(parsed.diagnostics.isEmpty)
    guard case .for(_, _, _, let body)? = parsed.statements.first?.kind else {
      Issue.record("not a for")
      return
    }
    #expect(body.count == 2)
  }

  @Test func keywordsAreCaseInsensitive() {
    let parsed = Parsed("LET x = 1\nFor m In [a] { load $m }")
    #expect(parsed.diagnostics.isEmpty)
    guard case .let? = parsed.statements.first?.kind, case .for? = parsed.statements.last?.kind
    else {
      Issue.record("keywords not recognised")
      return
    }
  }

  // MARK: - Spans

  @Test func statementSpansCoverFirstToLastToken() {
    let source = MarkedSource(
      "1️⃣eval pets [a,\n b] shot=202️⃣ ; 3️⃣for m in x {\n load $m\n}4️⃣\n")
    let parsed = Parsed(source.text)
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.statements.map(\.span.start) == [source[1], source[3]])
    #expect(parsed.statements.map(\.span.end) == [source[2], source[4]])
    #expect(command(parsed.statements.first)?.verbSpan.end == source[1] + 4)
  }

  // MARK: - Diagnostics at markers

  @Test func statementsMustStartWithAName() {
    expectDiagnostics(
      "1️⃣600\n2️⃣\"x\"\n3️⃣]\n4️⃣{ a }\n5️⃣, b\nok",
      [
        (.expectedStatement, 1), (.expectedStatement, 2), (.unmatchedBracket, 3),
        (.unexpectedBrace, 4), (.expectedStatement, 5),
      ])
  }

  @Test func missingLetIsSuggested() {
    let parsed = Parsed("x = 1")
    #expect(parsed.ids == [.expectedStatement])
    #expect(parsed.diagnostics.first?.notes.first?.message == "to bind a name, write 'let x = …'")
  }

  @Test func letErrors() {
    expectDiagnostics(
      "let 1️⃣= 3\nlet 2️⃣600 = 3\nlet x 3️⃣3\nlet y =4️⃣\nlet z = a 5️⃣b\nlet w = a6️⃣=b",
      [
        (.expectedLetName, 1), (.expectedLetName, 2), (.expectedLetEquals, 3),
        (.expectedValue, 4), (.expectedEndOfStatement, 5), (.expectedEndOfStatement, 6),
      ])
  }

  @Test func letMessagesMatchTheCatalog() {
    #expect(Parsed("let x 3").diagnostics.first?.message == "expected '=' after 'let x'")
  }

  @Test func forErrors() {
    expectDiagnostics(
      "for 1️⃣600 in x {}\nfor 2️⃣in x {}\nfor m 3️⃣of x {}\nfor m in4️⃣\nfor m in x 5️⃣load\nok",
      [
        (.expectedForVariable, 1), (.expectedForVariable, 2), (.expectedForIn, 3),
        (.expectedValue, 4), (.expectedForBody, 5),
      ])
  }

  @Test func commandErrors() {
    expectDiagnostics(
      "eval a=b1️⃣=c\neval 6002️⃣=3\neval a3️⃣, b\neval a 4️⃣]\nload 5️⃣{x}\neval shot=6️⃣\nok 7️⃣}",
      [
        (.misplacedEquals, 1), (.misplacedEquals, 2), (.unexpectedComma, 3),
        (.unmatchedBracket, 4), (.unexpectedBrace, 5), (.expectedValue, 6), (.unmatchedBrace, 7),
      ])
  }

  @Test func optionsInsideListsAreReportedAndTheListGoesOn() {
    let source = MarkedSource("eval [a, 1️⃣k=v, b, [2️⃣j = [c]]] linear")
    let parsed = Parsed(source.text)
    #expect(parsed.ids == [.optionInList, .optionInList])
    #expect(parsed.diagnostics.map(\.span.start) == [source[1], source[2]])
    #expect(parsed.diagnostics.first?.message == "options cannot appear inside a list")
    #expect(command(parsed.statements.first)?.arguments.count == 2)
  }

  @Test func listInterruptedBySemicolon() {
    let parsed = Parsed("eval [a; b]")
    #expect(parsed.ids.first == .expectedListClose)
    #expect(parsed.diagnostics.first?.notes.first?.span?.start == 5)
  }

  @Test func recoveryReportsEveryIndependentError() {
    expectDiagnostics(
      "1️⃣600 [a,\n b] c\neval ok\nlet 2️⃣= 1\nfor m in [a] {\n  load 3️⃣,\n  plot\n}\n4️⃣}\nshow",
      [(.expectedStatement, 1), (.expectedLetName, 2), (.unexpectedComma, 3), (.unmatchedBrace, 4)])
    let parsed = Parsed(
      "600 [a,\n b] c\neval ok\nlet = 1\nfor m in [a] {\n  load ,\n  plot\n}\n}\nshow")
    #expect(parsed.statements.compactMap { command($0)?.verb } == ["eval", "show"])
    guard case .for(_, _, _, let body)? = parsed.statements.dropFirst().first?.kind else {
      Issue.record("the for loop was lost in recovery")
      return
    }
    #expect(body.compactMap { command($0)?.verb } == ["plot"])
  }

  @Test func errorInsideBlockDoesNotEscapeIt() {
    expectDiagnostics("for m in x { load a 1️⃣, }\nplot", [(.unexpectedComma, 1)])
    #expect(Parsed("for m in x { load a , }\nplot").statements.count == 2)
  }

  @Test func lexerAndParserDiagnosticsAreMergedInOrder() {
    expectDiagnostics(
      "eval 1️⃣@ a \"x2️⃣\\q\"\n3️⃣600\nload 4️⃣\"b",
      [
        (.unexpectedCharacter, 1), (.invalidEscape, 2), (.expectedStatement, 3),
        (.unterminatedString, 4),
      ])
  }

  // MARK: - Incomplete input

  @Test func openBlockIsIncomplete() {
    expectDiagnostics("for m in x {\n  load $m\n1️⃣", [(.unexpectedEndOfInput, 1)], incomplete: true)
    let parsed = Parsed("\nfor m in x {")
    #expect(
      parsed.diagnostics.first?.message
        == "unexpected end of input: '{' opened on line 2 is not closed")
    #expect(parsed.diagnostics.first?.notes.first?.span?.start == 12)
  }

  @Test func openListIsIncomplete() {
    expectDiagnostics("let xs = [a,\n b1️⃣", [(.unexpectedEndOfInput, 1)], incomplete: true)
    expectDiagnostics("eval [[a]1️⃣", [(.unexpectedEndOfInput, 1)], incomplete: true)
  }

  @Test func forHeaderAwaitingItsBodyIsIncomplete() {
    expectDiagnostics("for m in [a, b]\n1️⃣", [(.unexpectedEndOfInput, 1)], incomplete: true)
  }

  @Test func unterminatedStringIsNotIncomplete() {
    expectDiagnostics("load 1️⃣\"abc", [(.unterminatedString, 1)])
  }

  @Test func closedInputIsComplete() {
    #expect(!Parsed("for m in x {\n load $m\n}").result.isIncomplete)
    #expect(!Parsed("eval [a]").result.isIncomplete)
    #expect(!Parsed("eval a]").result.isIncomplete)
  }

  // MARK: - Catalog

  /// One program per diagnostic ID; every ID must appear here (rule 47: each diagnostic has a
  /// golden case), and each example must produce its ID first.
  static let examples: [DiagnosticID: String] = [
    .expectedEndOfStatement: "let x = a b",
    .expectedForBody: "for m in x load",
    .expectedForIn: "for m of x {}",
    .expectedForVariable: "for 600 in x {}",
    .expectedLetEquals: "let x 3",
    .expectedLetName: "let = 3",
    .expectedListClose: "eval [a; b",
    .expectedStatement: "600",
    .expectedValue: "eval shot=",
    .invalidEscape: #"load "a\q""#,
    .invalidNumber: "eval -3d",
    .invalidVariableName: "load $",
    .misplacedEquals: "eval a=b=c",
    .optionInList: "eval [k=v]",
    .unexpectedBrace: "load {x}",
    .unexpectedCharacter: "load @",
    .unexpectedComma: "eval a, b",
    .unexpectedEndOfInput: "for m in x {\n  load $m",
    .unmatchedBrace: "}",
    .unmatchedBracket: "eval a]",
    .unterminatedString: #"load "abc"#,
  ]

  @Test func everyDiagnosticHasAnExample() {
    #expect(Set(Self.examples.keys) == Set(DiagnosticID.allCases))
    for (id, text) in Self.examples {
      #expect(Parsed(text).ids.first == id, "\(text)")
    }
  }

  @Test func diagnosticIDsAreSorted() {
    let names = DiagnosticID.allCases.map(\.rawValue)
    #expect(names == names.sorted())
  }
}
