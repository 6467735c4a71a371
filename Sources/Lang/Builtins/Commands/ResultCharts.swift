// Copyright © 2026 the ssl authors.

import Runtime

/// Grouped bars for the rows of `show results`: tasks along x, one bar per model.
enum ResultCharts {
  static func groupedBars(_ rows: [ResultRow], title: String) throws(RuntimeError) -> ChartSpec {
    guard !rows.isEmpty else { throw RuntimeError("no results to plot", at: nil) }
    let metrics = Set(rows.map(\.metric))
    func column(_ r: ResultRow) -> String {
      var text = r.task
      if Set(rows.filter { $0.task == r.task }.map(\.protocol)).count > 1 { text += " " + r.protocol }
      if metrics.count > 1 { text += " " + r.metric }
      return text
    }
    var categories: [String] = []
    var models: [String] = []
    for row in rows {
      let c = column(row)
      if !categories.contains(c) { categories.append(c) }
      if !models.contains(row.model) { models.append(row.model) }
    }
    guard models.count <= 16 else {
      throw RuntimeError(
        "\(models.count) models are too many bars to read; narrow 'show results' (e.g. model=[byol, swav])",
        at: nil)
    }
    let series = models.map { model -> BarSeries in
      let values = categories.map { c in
        rows.first { $0.model == model && column($0) == c }?.value ?? .nan
      }
      let errors = categories.map { c in rows.first { $0.model == model && column($0) == c }?.ci95 ?? 0 }
      return BarSeries(name: model, values: values, errors: errors.contains { $0 > 0 } ? errors : nil)
    }
    let units = Set(rows.map(\.metric)).sorted().joined(separator: ", ")
    return ChartSpec(
      title: title, xLabel: "", yLabel: units,
      content: .bars(BarChartSpec(categories: categories, series: series, yRange: nil)))
  }
}
