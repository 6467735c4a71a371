// Copyright © 2026 the ssl authors.

extension Interpreter {
  /// Runs program text as ``run(_:name:)`` does, one top-level statement at a time, telling
  /// the caller where each statement starts and ends so that a session can record it as a
  /// notebook cell.
  ///
  /// The statements, their atomicity, the diagnostics and the returned status are those of
  /// ``run(_:name:)``: this walks the same parse with the same `execute` and `report`.
  ///
  /// - Parameters:
  ///   - text: The program.
  ///   - name: The name shown in diagnostics.
  ///   - willRun: Called with a statement's text (and the comment lines just above it) before
  ///     it runs; for text that does not parse, once with the whole text.
  ///   - didRun: Called after each `willRun`, however the statement ended.
  /// - Returns: How the run ended.
  func runCells(
    _ text: String, name: String, willRun: (String) -> Void, didRun: () -> Void
  ) -> RunStatus {
    let id = files.add(SourceFile(name: name, text: text))
    let file = files[id]
    let parsed = Parser.parse(file, id: id)
    if !parsed.diagnostics.isEmpty {
      willRun(Self.trimmed(text[...]))
      defer { didRun() }
      let renderer = DiagnosticRenderer(files: files, useColor: useColor)
      for diagnostic in parsed.diagnostics { output.warn(renderer.render(diagnostic)) }
      return .syntaxError
    }
    var status = RunStatus.ok
    var previousEnd = 0
    for statement in parsed.statements {
      var lead = file.text(of: SourceSpan(file: id, start: previousEnd, end: statement.span.start))
      if previousEnd > 0 {
        // What follows the previous statement on its own line (`; ` or a trailing comment)
        // belongs to that statement, not to this one.
        lead = lead.firstIndex(of: "\n").map { String(lead[lead.index(after: $0)...]) } ?? ""
      }
      willRun(Self.trimmed((lead + file.text(of: statement.span))[...]))
      previousEnd = statement.span.end
      defer { didRun() }
      do {
        try execute(statement)
      } catch {
        switch error {
        case .quit:
          return .quit
        case .failed(let failure):
          report(failure)
          status = .runtimeError
          if !keepGoing { return status }
        }
      }
    }
    return status
  }

  /// Text without surrounding blank lines and spaces.
  private static func trimmed(_ text: Substring) -> String {
    String(
      text.drop { $0.isWhitespace || $0 == ";" }.reversed().drop(while: \.isWhitespace).reversed())
  }
}
