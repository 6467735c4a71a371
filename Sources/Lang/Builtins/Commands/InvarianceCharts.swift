// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `plot` after `eval … invariance` (or `show results where group=invariance`): the models ×
/// transforms heatmap of mean whitened cosine S, a `*` on each transform's significantly most
/// invariant model. Significance is recomputed from the rows: the S rows' ± column holds the
/// Hoeffding margin t of their measurement, and a model is marked when its S exceeds every
/// other model's by more than t (``HoeffdingTest/significantMaximum(of:)``).
enum InvarianceCharts {
  /// The heatmap of `rows`, or nil unless they are all invariance rows with S values.
  static func heatmap(_ rows: [ResultRow], title: String) -> InvarianceHeatmap? {
    guard !rows.isEmpty, rows.allSatisfy({ $0.group == "invariance" }) else { return nil }
    let cosine = rows.filter { $0.metric == "cosine" }
    guard !cosine.isEmpty else { return nil }
    // A column per (task, protocol): a transform, or a dataset of views (`realworld`, §8.3).
    func label(_ row: ResultRow) -> String { row.protocol == "realworld" ? "\(row.task) (real)" : row.task }
    var models: [String] = []
    var transforms: [String] = []
    for row in cosine {
      if !models.contains(row.model) { models.append(row.model) }
      if !transforms.contains(label(row)) { transforms.append(label(row)) }
    }
    // The latest row wins where a pair was measured more than once.
    let values = models.map { model in
      transforms.map { t in cosine.last { $0.model == model && label($0) == t }?.value ?? .nan }
    }
    let marks = transforms.enumerated().map { (j, t) -> Int? in
      let column = values.map { $0[j] }
      let margin = cosine.last { label($0) == t && $0.ci95 != nil }?.ci95
      guard let margin, column.filter({ !$0.isNaN }).count >= 2 else { return nil }
      let indexed = column.enumerated().filter { !$0.element.isNaN }
      guard let best = indexed.max(by: { $0.element < $1.element }) else { return nil }
      let runnerUp = indexed.filter { $0.offset != best.offset }.map(\.element).max() ?? -.infinity
      return best.element - runnerUp > margin ? best.offset : nil
    }
    return InvarianceHeatmap(
      title: title.isEmpty ? "Invariance (mean whitened cosine)" : title, models: models,
      transforms: transforms, values: values, marks: marks)
  }

  /// Writes the heatmap where `plot` writes figures (`to=` or the figure folder).
  static func write(
    _ heatmap: InvarianceHeatmap, invocation: Invocation, state: BenchState, out: OutputSink
  ) throws(RuntimeError) {
    var heatmap = heatmap
    if let (_, word) = invocation.option("title") {
      heatmap.title = try ArgumentReader.text(word, option: "title")
    }
    let path: String
    if let (_, word) = invocation.option("to") {
      path = try ArgumentReader.text(word, option: "to")
    } else {
      try PlotCommand.createFolder(state.settings.out, at: invocation.span)
      path = (state.settings.out as NSString).appendingPathComponent("invariance.png")
    }
    do {
      try heatmap.write(to: path)
    } catch {
      throw RuntimeError(String(describing: error), at: invocation.option("to")?.value.span ?? invocation.span)
    }
    out.figureWritten(path)
    out.line("wrote \(path) (\(heatmap.models.count) models × \(heatmap.transforms.count) transforms)")
  }
}
