// Copyright © 2026 the ssl authors.

/// `report "file.md|html"`: writes the session so far as a notebook.
enum ReportCommand {
  static let usage = "report \"file.md|file.html\""

  static var command: Command<BenchState> {
    Command(
      name: "report",
      summary: "write the session so far (statements, output, figures) as Markdown or HTML",
      usage: usage, example: "load all; corr imagenet manyshot; plot; report \"session.html\"",
      run: { _, invocation, out throws(RuntimeError) in
        guard let target = invocation.arguments.first, case .string(let path) = target.value else {
          throw RuntimeError(
            "'report' needs a file name in quotes",
            at: invocation.arguments.first?.span ?? invocation.span,
            notes: [DiagnosticNote("usage: \(usage)")])
        }
        try ArgumentReader.expectNoArguments(
          invocation.arguments.dropFirst(), verb: "report", usage: usage)
        let written: (cells: Int, figures: Int)
        do throws(NotebookReport.Failure) {
          written = try NotebookReport.write(out.cells(), to: path)
        } catch {
          throw RuntimeError(error.description, at: target.span)
        }
        let figures =
          written.figures == 0 ? "" : ", \(written.figures) figure\(plural(written.figures))"
        out.line("wrote \(path) (\(written.cells) cell\(plural(written.cells))\(figures))")
      })
  }
}
