// Copyright © 2026 the ssl authors.

import TestSupport
import Testing

@testable import Lang

@Suite struct DiagnosticRendererTests {
  /// A table holding one file, the renderer over it, and a span maker.
  struct Fixture {
    var table = SourceFileTable()
    let id: SourceFileID
    let renderer: DiagnosticRenderer

    init(_ text: String, name: String = "script.ssl", useColor: Bool = false) {
      id = table.add(SourceFile(name: name, text: text))
      renderer = DiagnosticRenderer(files: table, useColor: useColor)
    }

    func span(_ start: Int, _ end: Int) -> SourceSpan {
      SourceSpan(file: id, start: start, end: end)
    }
  }

  @Test func theSpecExample() {
    let f = Fixture("load byol\neval petz linear\n")
    let text = f.renderer.render(
      severity: .error, message: "unknown dataset 'petz'", span: f.span(15, 19),
      notes: [DiagnosticNote("did you mean 'pets'?")])
    #expect(
      text == """
        script.ssl:2:6: error: unknown dataset 'petz'
        eval petz linear
             ^~~~
        note: did you mean 'pets'?

        """)
  }

  @Test func tabsAreKeptInTheCaretPrefix() {
    let f = Fixture("\teval\t\tpetz")
    let text = f.renderer.render(severity: .warning, message: "w", span: f.span(7, 11), notes: [])
    #expect(text == "script.ssl:1:8: warning: w\n\teval\t\tpetz\n\t    \t\t^~~~\n")
  }

  @Test func multibyteCharactersBeforeTheSpanCountOnce() {
    let f = Fixture("show \"é🎉\" petz")  // é is 2 bytes, 🎉 is 4
    let start = "show \"é🎉\" ".utf8.count
    let text = f.renderer.render(
      severity: .error, message: "m", span: f.span(start, start + 4), notes: [])
    #expect(text == "script.ssl:1:11: error: m\nshow \"é🎉\" petz\n          ^~~~\n")
  }

  @Test func multibyteCharactersInsideTheSpanCountOnce() {
    let f = Fixture("a \"ééé\"")
    let text = f.renderer.render(severity: .error, message: "m", span: f.span(2, 10), notes: [])
    #expect(text == "script.ssl:1:3: error: m\na \"ééé\"\n  ^~~~~\n")
  }

  @Test func endOfFileSpan() {
    let f = Fixture("for m in x {\n  load $m")
    let end = f.table[f.id].bytes.count
    let text = f.renderer.render(
      severity: .error, message: "unexpected end of input", span: f.span(end, end),
      notes: [DiagnosticNote("'{' opened here", span: f.span(11, 12))])
    #expect(
      text == """
        script.ssl:2:10: error: unexpected end of input
          load $m
                 ^
        script.ssl:1:12: note: '{' opened here

        """)
  }

  @Test func endOfFileAfterATrailingNewline() {
    let f = Fixture("load [a,\n")
    let text = f.renderer.render(severity: .error, message: "m", span: f.span(9, 9), notes: [])
    #expect(text == "script.ssl:2:1: error: m\n\n^\n")
  }

  @Test func multiLineSpansUnderlineTheFirstLineOnly() {
    let f = Fixture("eval [a,\r\n b]")
    let text = f.renderer.render(severity: .error, message: "m", span: f.span(5, 13), notes: [])
    #expect(text == "script.ssl:1:6: error: m\neval [a,\n     ^~~\n")
  }

  @Test func withoutASpan() {
    let f = Fixture("")
    let text = f.renderer.render(
      severity: .error, message: "no models on the bench", span: nil,
      notes: [DiagnosticNote("load one with 'load byol'")])
    #expect(text == "error: no models on the bench\nnote: load one with 'load byol'\n")
  }

  @Test func noteWithTheSameSpanIsNotRelocated() {
    let f = Fixture("x")
    let text = f.renderer.render(
      severity: .error, message: "m", span: f.span(0, 1),
      notes: [DiagnosticNote("n", span: f.span(0, 1))])
    #expect(text == "script.ssl:1:1: error: m\nx\n^\nnote: n\n")
  }

  @Test func spanInAnUnknownFileIsRenderedWithoutLocation() {
    let f = Fixture("x")
    let text = f.renderer.render(
      severity: .error, message: "m", span: SourceSpan(file: .init(rawValue: 7), start: 0, end: 1),
      notes: [])
    #expect(text == "error: m\n")
  }

  @Test func parserDiagnosticRendersThroughTheSameForm() {
    let parsed = Parsed("let x 3", name: "a.ssl")
    #expect(parsed.rendered == "a.ssl:1:7: error: expected '=' after 'let x'\nlet x 3\n      ^\n")
  }

  @Test func colourOnlyWhenAsked() {
    let plain = Fixture("x").renderer.render(
      severity: .error, message: "m", span: nil, notes: [])
    #expect(!plain.contains("\u{1B}"))
    let f = Fixture("x", useColor: true)
    let text = f.renderer.render(severity: .error, message: "m", span: f.span(0, 1), notes: [])
    #expect(
      text
        == "\u{1B}[1mscript.ssl:1:1:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mm\u{1B}[0m\n"
        + "x\n\u{1B}[1;32m^\u{1B}[0m\n")
  }

  /// Every diagnostic, rendered: the golden form of the catalog's wording.
  @Test func renderedDiagnosticsCatalog() {
    var text = ""
    for id in DiagnosticID.allCases {
      guard let example = ParserTests.examples[id] else { continue }
      text += "## \(id.rawValue)\n" + Parsed(example, name: "\(id.rawValue).ssl").rendered + "\n"
    }
    assertSnapshot(text, named: "diagnostics-catalog")
  }
}
