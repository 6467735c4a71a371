// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `save [results] "file.csv|json|md"`: exports the last value, or every result.
enum SaveCommand {
  static let usage = "save [results] \"file.csv|file.json|file.md\""

  static var command: Command<BenchState> {
    Command(
      name: "save", summary: "write the last value (or all results) as CSV, JSON or Markdown",
      usage: usage, example: "corr imagenet manyshot; save \"corr.csv\"",
      run: { state, invocation, out throws(RuntimeError) in
        var args = invocation.arguments[...]
        var everything = false
        if let first = args.first, case .symbol(let s) = first.value, s.lowercased() == "results" {
          everything = true
          args = args.dropFirst()
        }
        guard let target = args.first, case .string(let path) = target.value else {
          throw RuntimeError(
            "'save' needs a file name in quotes", at: args.first?.span ?? invocation.span,
            notes: [DiagnosticNote("usage: \(usage)")])
        }
        try ArgumentReader.expectNoArguments(args.dropFirst(), verb: "save", usage: usage)
        let ext = (path as NSString).pathExtension.lowercased()
        guard let format = TableExport.Format(rawValue: ext == "markdown" ? "md" : ext) else {
          throw RuntimeError(
            "cannot save as '.\(ext)': use .csv, .json or .md", at: target.span)
        }
        let table: DataTable
        if everything || state.last == nil {
          table = LastValueTable.results(state.results.rows, title: "results")
        } else if let last = state.last {
          table = LastValueTable.table(last)
        } else {
          return
        }
        do throws(AtomicFile.Failure) {
          try AtomicFile.write(TableExport.render(table, as: format), to: path)
        } catch {
          throw RuntimeError("cannot write '\(path)': \(error.reason)", at: target.span)
        }
        out.line("wrote \(path) (\(table.rows.count) row\(plural(table.rows.count)))")
      })
  }
}
