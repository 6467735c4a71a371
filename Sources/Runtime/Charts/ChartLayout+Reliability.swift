// Copyright © 2026 the ssl authors.

// MARK: - Reliability diagram

extension ChartLayout {
  /// Lays out a reliability diagram: a square plot (so the diagonal runs at 45°) centred in the
  /// image, both axes 0–100 %, the legend (models with their ECE, then the diagonal) stacked
  /// above the plot under the title.
  static func makeReliability(
    _ spec: ChartSpec, _ chart: ReliabilitySpec, measurer: some TextMeasurer
  ) -> ChartLayout {
    let style = ChartStyle(width: spec.width, height: spec.height)
    let range = 0.0...100.0
    let names = chart.series.map(\.name) + [chart.diagonalName]
    let tickHeight = measurer.size(of: "0", pointSize: style.tickFont, bold: false).height
    let lastWidth = measurer.size(of: "100", pointSize: style.tickFont, bold: false).width
    // Two passes: the legend's rows depend on the plot's width, the plot on the legend.
    var plot = ChartRect(
      x: 0, y: 0, width: Double(spec.width) * 0.8, height: Double(spec.height) * 0.75)
    var step = 10.0
    for _ in 0..<2 {
      let side = min(plot.width, plot.height)
      step = ChartTicks.niceStep(
        span: 100, targetCount: tickTarget(length: side, spacing: style.tickFont * 4.5))
      let legend = ChartLegend.make(
        names: names, style: style, measurer: measurer, right: side, top: 0, maxWidth: side)
      let needs = FrameNeeds(
        yTickWidth: widestTickLabel(range: range, step: step, style: style, measurer: measurer),
        xLabelBlock: tickHeight, legendHeight: legend?.frame.height ?? 0,
        rightOverhang: lastWidth / 2, minimumLeft: 0)
      plot = square(plotRect(spec, style: style, measurer: measurer, needs: needs))
    }
    let xScale = LinearScale(domain: range, start: plot.x, end: plot.maxX)
    let yScale = LinearScale(domain: range, start: plot.maxY, end: plot.y)
    var layout = ChartLayout(
      width: spec.width, height: spec.height, style: style, plotRect: plot,
      xAxis: ChartAxis(
        range: range, step: step,
        ticks: numericTicks(
          range: range, step: step, scale: xScale, horizontal: true, plot: plot, style: style,
          measurer: measurer)),
      yAxis: ChartAxis(
        range: range, step: step,
        ticks: numericTicks(
          range: range, step: step, scale: yScale, horizontal: false, plot: plot, style: style,
          measurer: measurer)))
    layout.placeTitles(spec, measurer: measurer, xLabelBlock: tickHeight)
    if var yTitle = layout.yTitle {
      // The square plot is centred, so the y title follows it rather than the image's edge.
      let ticks = widestTickLabel(range: range, step: step, style: style, measurer: measurer)
      let right = plot.x - style.tickLength - style.gap - ticks - style.gap
      yTitle.center.x = max(style.outerPadding, right - yTitle.textHeight) + yTitle.textHeight / 2
      layout.yTitle = yTitle
    }
    if let legend = ChartLegend.make(
      names: names, style: style, measurer: measurer, right: plot.maxX, top: 0,
      maxWidth: plot.width)
    {
      layout.legend = ChartLegend.make(
        names: names, style: style, measurer: measurer, right: plot.maxX,
        top: plot.y - style.gap - legend.frame.height, maxWidth: plot.width)
    }
    let drawable = chart.drawable
    let fullest = Double(drawable.joined().map(\.count).max() ?? 1)
    let radius = style.markerRadius
    let curves = drawable.enumerated().compactMap { index, bins -> ReliabilityLayout.Curve? in
      guard !bins.isEmpty else { return nil }
      let sorted = bins.sorted { $0.confidence < $1.confidence }
      return ReliabilityLayout.Curve(
        series: index, bins: sorted,
        points: sorted.map {
          ChartPoint(x: xScale(clamp($0.confidence) * 100), y: yScale(clamp($0.accuracy) * 100))
        },
        // Area ∝ count: radius from 0.45 (a near-empty bin) to 1.25 (the fullest) markers.
        radii: sorted.map { radius * (0.45 + 0.8 * (Double($0.count) / fullest).squareRoot()) })
    }
    layout.reliability = ReliabilityLayout(
      diagonal: (
        ChartPoint(x: xScale(0), y: yScale(0)), ChartPoint(x: xScale(100), y: yScale(100))
      ),
      curves: curves, diagonalLegendIndex: chart.series.count)
    return layout
  }

  /// The largest square inside `rect`, centred horizontally and keeping its top edge (the
  /// legend and title sit just above it).
  private static func square(_ rect: ChartRect) -> ChartRect {
    let side = max(1, min(rect.width, rect.height))
    return ChartRect(
      x: (rect.x + (rect.width - side) / 2).rounded(), y: rect.y, width: side, height: side)
  }

  private static func clamp(_ value: Double) -> Double { min(max(value, 0), 1) }
}
