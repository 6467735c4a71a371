// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `plot [scatter|bars] [to=…] [size=…] [title=…]`: draws the last value as a PNG.
enum PlotCommand {
  static let usage = "plot [scatter|bars] [to=\"file.png\"] [size=1600x1200] [title=\"…\"]"

  static var command: Command<BenchState> {
    Command(
      name: "plot",
      summary: "draw the last value: a correlation as a Figure 1 scatter or Figure 2 bars, results as grouped bars",
      usage: usage, example: "corr imagenet manyshot; plot; plot bars to=\"fig2.png\"",
      options: [
        OptionSpec("to", "the PNG to write (default: <out>/<what>.png; 'set out' changes <out>)"),
        OptionSpec("size", "width x height in pixels (default 1600x1200)"),
        OptionSpec("title", "a title above the plot"),
      ],
      run: { state, invocation, out throws(RuntimeError) in
        guard let last = state.last else {
          throw RuntimeError(
            "nothing to plot yet", at: invocation.span,
            notes: [DiagnosticNote("run 'corr imagenet manyshot' or 'show results' first")])
        }
        let kinds = try ArgumentReader.names(invocation.arguments, for: "plot").filter {
          $0.0.lowercased() != "corr"  // `plot corr bars` reads naturally; `corr` adds nothing
        }
        guard kinds.count <= 1 else {
          throw RuntimeError("'plot' takes one kind (scatter or bars)", at: kinds[1].1)
        }
        let kind = kinds.first.map { ($0.0.lowercased(), $0.1) }
        if case .results(let rows, let title) = last, kind == nil,
          let heatmap = InvarianceCharts.heatmap(rows, title: title)
        {
          try InvarianceCharts.write(heatmap, invocation: invocation, state: state, out: out)
          return
        }
        var (spec, name) = try chart(for: last, kind: kind)
        if case .results(let rows, let title) = last, kind == nil,
          let diagram = CalibrationCharts.reliability(rows, title: title, state: state)
        {
          (spec, name) = (diagram, "reliability")
        }
        if let (_, word) = invocation.option("size") {
          (spec.width, spec.height) = try ArgumentReader.size(word, option: "size")
        }
        if let (_, word) = invocation.option("title") {
          spec.title = try ArgumentReader.text(word, option: "title")
        }
        let path: String
        if let (_, word) = invocation.option("to") {
          path = try ArgumentReader.text(word, option: "to")
        } else {
          try createFolder(state.settings.out, at: invocation.span)
          path = (state.settings.out as NSString).appendingPathComponent(name + ".png")
        }
        do {
          try ChartRenderer.writePNG(spec, to: path)
        } catch {
          throw RuntimeError(
            String(describing: error), at: invocation.option("to")?.value.span ?? invocation.span)
        }
        out.figureWritten(path)
        out.line("wrote \(path) (\(spec.width)×\(spec.height))")
      })
  }

  static func chart(for last: LastValue, kind: (String, SourceSpan)?) throws(RuntimeError) -> (
    ChartSpec, String
  ) {
    switch last {
    case .correlation(let analysis, let query):
      switch kind?.0 {
      case nil, "scatter":
        return (CorrelationCharts.scatter(analysis, query), CorrelationCharts.fileName(query, bars: false))
      case "bars":
        return (CorrelationCharts.bars(analysis, query), CorrelationCharts.fileName(query, bars: true))
      case let other?:
        throw RuntimeError(
          "a correlation plots as 'scatter' or 'bars', not '\(other)'", at: kind?.1,
          suggestion: NameSuggestion.nearest(to: other, among: ["scatter", "bars"]))
      }
    case .results(let rows, let title):
      if let kind, kind.0 != "bars" {
        throw RuntimeError("results plot as grouped 'bars', not '\(kind.0)'", at: kind.1)
      }
      return (try ResultCharts.groupedBars(rows, title: title), "results")
    }
  }

  /// Creates the default figure folder (and its parents) when missing.
  static func createFolder(_ path: String, at span: SourceSpan) throws(RuntimeError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw RuntimeError("cannot create the figure folder '\(path)'", at: span)
    }
  }
}
