// Copyright © 2026 the ssl authors.

@testable import Lang

/// A parsed test program with its file, for tests that need both.
struct Parsed {
  let file: SourceFile
  let result: ParseResult

  init(_ text: String, name: String = "test.ssl") {
    file = SourceFile(name: name, text: text)
    result = Parser.parse(file, id: SourceFileID(rawValue: 0))
  }

  var statements: [Stmt] { result.statements }
  var diagnostics: [Diagnostic] { result.diagnostics }
  var ids: [DiagnosticID] { result.diagnostics.map(\.id) }
  var dump: String { ASTDump.dump(result.statements, file: file) }

  /// Every diagnostic rendered without colour, concatenated.
  var rendered: String {
    var table = SourceFileTable()
    _ = table.add(file)
    let renderer = DiagnosticRenderer(files: table)
    return result.diagnostics.map(renderer.render).joined()
  }
}

/// Lexes text into token kinds (without the final end-of-file) and diagnostics.
func lex(_ text: String) -> (kinds: [TokenKind], tokens: [Token], diagnostics: [Diagnostic]) {
  var lexer = Lexer(file: SourceFile(name: "t", text: text), id: SourceFileID(rawValue: 0))
  let tokens = lexer.tokenize()
  return (tokens.dropLast().map(\.kind), Array(tokens.dropLast()), lexer.diagnostics)
}
