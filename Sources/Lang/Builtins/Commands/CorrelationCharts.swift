// Copyright © 2026 the ssl authors.

import Runtime

/// Figure 1 (scatter with fit and band) and Figure 2 (per-task bars) from a correlation.
enum CorrelationCharts {
  /// The Figure 1 panel: ImageNet top-1 against the average transfer log-odds (or the one
  /// column's transformed value), with the least-squares line, its 95% band, and r.
  static func scatter(_ analysis: CorrelationAnalysis, _ query: CorrelationQuery) -> ChartSpec {
    let single = analysis.rows.count == 1 && !query.isGroup
    let points: [CorrelationPoint]
    let stat: TaskCorrelation?
    let yLabel: String
    if single, let only = analysis.rows.first {
      points = analysis.pointsByColumn[only.column] ?? []
      stat = only
      yLabel = "\(only.column.task) \(only.column.metric) (\(CorrCommand.transformName(only.transform)))"
    } else {
      points = analysis.averagePoints
      stat = analysis.average
      yLabel = "average transfer log-odds"
    }
    let xs = points.map(\.imagenetTop1)
    let ys = points.map(\.y)
    var fit: FitBand?
    if xs.count >= 3, let lo = xs.min(), let hi = xs.max(), hi > lo {
      let line = LinearFit.leastSquares(x: xs, y: ys)
      let grid = (0...60).map { lo + (hi - lo) * Double($0) / 60 }
      let bands = grid.map { line.confidenceBand(at: $0) }
      fit = FitBand(
        xs: grid, ys: grid.map { line.predict($0) }, lower: bands.map(\.lowerBound),
        upper: bands.map(\.upperBound))
    }
    var annotation: String?
    if let stat {
      annotation =
        query.method == "spearman"
        ? "ρ = \(formatFixed(stat.spearman.rho, decimals: 2))"
        : "r = \(formatFixed(stat.pearson.r, decimals: 2))"
    }
    return ChartSpec(
      title: title(query), xLabel: query.xLabel, yLabel: yLabel,
      content: .scatter(
        ScatterSpec(
          points: points.map { LabeledPoint(x: $0.imagenetTop1, y: $0.y, label: $0.model) },
          fit: fit, annotation: annotation)))
  }

  /// Figure 2: Pearson r and Spearman ρ per task of a group.
  static func bars(_ analysis: CorrelationAnalysis, _ query: CorrelationQuery) -> ChartSpec {
    // Name each bar by its task, adding the protocol or metric only where the task has several.
    let columns = analysis.rows.map(\.column)
    let categories = columns.map { column -> String in
      var parts = [column.task]
      let sameTask = columns.filter { $0.task == column.task }
      if Set(sameTask.map(\.protocol)).count > 1 { parts.append(column.protocol) }
      if sameTask.filter({ $0.protocol == column.protocol }).count > 1 { parts.append(column.metric) }
      return parts.joined(separator: " ")
    }
    var series: [BarSeries] = []
    if query.method != "spearman" {
      series.append(BarSeries(name: "Pearson r", values: analysis.rows.map(\.pearson.r), errors: nil))
    }
    if query.method != "pearson" {
      series.append(BarSeries(name: "Spearman ρ", values: analysis.rows.map(\.spearman.rho), errors: nil))
    }
    // Correlations live in [-1, 1]: the axis stops at 1 and goes below 0 only when needed.
    let lowest = series.flatMap(\.values).filter(\.isFinite).min() ?? 0
    let range = min(0, ((lowest - 0.05) * 5).rounded(.down) / 5)...1.0
    return ChartSpec(
      title: title(query), xLabel: "", yLabel: query.x == "imagenet" ? "correlation with ImageNet top-1" : "correlation with \(query.x)",
      content: .bars(BarChartSpec(categories: categories, series: series, yRange: range)))
  }

  static func title(_ query: CorrelationQuery) -> String {
    let names = [
      "manyshot": "Many-shot", "fewshot": "Few-shot (Kornblith)", "cdfsl": "Few-shot (CD-FSL)",
      "detection": "Detection", "dense": "Dense prediction",
    ]
    var title = names[query.target] ?? query.target
    if query.x != "imagenet" { title += " vs \(query.x)" }
    if !query.filterValues.isEmpty { title += " " + query.filterValues.joined(separator: ", ") }
    return title
  }

  /// `corr-manyshot-linear`, `corr-pets-bars`.
  static func fileName(_ query: CorrelationQuery, bars: Bool) -> String {
    var parts = ["corr"] + (query.x == "imagenet" ? [] : [query.x]) + [query.target] + query.filterValues
    if bars { parts.append("bars") }
    let raw = parts.joined(separator: "-").lowercased()
    let allowed = raw.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "-" }
    return String(allowed).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
  }
}
