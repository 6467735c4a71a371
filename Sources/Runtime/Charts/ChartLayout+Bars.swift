// Copyright © 2026 the ssl authors.

import Foundation

// MARK: - Grouped bars (Figure 2, result tables)

extension ChartLayout {
  /// The angle of category labels that do not fit side by side.
  static let rotatedLabelAngle = 45.0

  /// Lays out grouped bars with a zero line, category labels and a legend.
  static func makeBars(
    _ spec: ChartSpec, _ chart: BarChartSpec, measurer: some TextMeasurer
  ) -> ChartLayout {
    let style = ChartStyle(width: spec.width, height: spec.height)
    let count = max(1, chart.categories.count)
    let labelSizes = chart.categories.map {
      measurer.size(of: $0, pointSize: style.tickFont, bold: false)
    }
    let names = chart.series.count > 1 ? chart.series.map(\.name) : []
    let radians = rotatedLabelAngle * Double.pi / 180

    // Three passes: the slot width decides rotation, rotation the margins, margins the slots.
    var plot = ChartRect(
      x: 0, y: 0, width: Double(spec.width) * 0.8, height: Double(spec.height) * 0.7)
    var range = 0.0...1.0
    var step = 1.0
    var rotate = false
    var block = 0.0
    for _ in 0..<3 {
      (range, step) = valueAxis(chart, length: plot.height, style: style)
      let slot = plot.width / Double(count)
      rotate = labelSizes.contains { $0.width > slot * 0.92 }
      var minimumLeft = 0.0
      var rightOverhang = 0.0
      if rotate {
        block = labelSizes.map { $0.width * sin(radians) + $0.height * cos(radians) }.max() ?? 0
        // A rotated label reaches left of its tick by its whole box width.
        for (i, size) in labelSizes.enumerated() {
          let reach = size.width * cos(radians) + size.height * sin(radians) / 2
          minimumLeft = max(minimumLeft, style.outerPadding + reach - slot * (Double(i) + 0.5))
        }
        rightOverhang = (labelSizes.last?.height ?? 0) * sin(radians) / 2 - slot / 2
      } else {
        block = labelSizes.map(\.height).max() ?? 0
        rightOverhang = (labelSizes.last?.width ?? 0) / 2 - slot / 2
      }
      let legend = ChartLegend.make(
        names: names, style: style, measurer: measurer, right: plot.maxX, top: 0,
        maxWidth: plot.width)
      let needs = FrameNeeds(
        yTickWidth: widestTickLabel(range: range, step: step, style: style, measurer: measurer),
        xLabelBlock: block, legendHeight: legend?.frame.height ?? 0,
        rightOverhang: rightOverhang, minimumLeft: minimumLeft)
      plot = plotRect(spec, style: style, measurer: measurer, needs: needs)
    }

    let yScale = LinearScale(domain: range, start: plot.maxY, end: plot.y)
    let slot = plot.width / Double(count)
    let centers = (0..<chart.categories.count).map { plot.x + slot * (Double($0) + 0.5) }
    let labelTop = plot.maxY + style.tickLength + style.gap
    let categoryTicks = chart.categories.indices.map { i -> ChartAxis.Tick in
      let size = labelSizes[i]
      let center =
        rotate
        ? ChartPoint(
          x: centers[i] - size.width / 2 * cos(radians),
          y: labelTop + (size.width * sin(radians) + size.height * cos(radians)) / 2)
        : ChartPoint(x: centers[i], y: labelTop + size.height / 2)
      let label = ChartText(
        chart.categories[i], center: center, size: size, fontSize: style.tickFont,
        angle: rotate ? rotatedLabelAngle : 0, role: .tick)
      return ChartAxis.Tick(value: nil, position: centers[i], label: label, grid: false)
    }
    var layout = ChartLayout(
      width: spec.width, height: spec.height, style: style, plotRect: plot,
      xAxis: ChartAxis(range: 0...Double(count), step: nil, ticks: categoryTicks),
      yAxis: ChartAxis(
        range: range, step: step,
        ticks: numericTicks(
          range: range, step: step, scale: yScale, horizontal: false, plot: plot, style: style,
          measurer: measurer)))
    layout.placeTitles(spec, measurer: measurer, xLabelBlock: block)
    if let legend = ChartLegend.make(
      names: names, style: style, measurer: measurer, right: plot.maxX, top: 0,
      maxWidth: plot.width)
    {
      // Stack the legend directly above the plot, under the title.
      let top = plot.y - style.gap - legend.frame.height
      layout.legend = ChartLegend.make(
        names: names, style: style, measurer: measurer, right: plot.maxX, top: top,
        maxWidth: plot.width)
    }
    let zeroY = min(max(yScale(0), plot.y), plot.maxY)
    layout.bars = BarLayout(
      bars: barRects(chart, centers: centers, slot: slot, yScale: yScale, plot: plot),
      zeroY: zeroY, rotatedLabels: rotate)
    return layout
  }

  /// The value range (always including 0, snapped to ticks) and its step.
  static func valueAxis(
    _ chart: BarChartSpec, length: Double, style: ChartStyle
  ) -> (ClosedRange<Double>, Double) {
    let target = tickTarget(length: length, spacing: style.tickFont * 4.5)
    if let fixed = chart.yRange, fixed.upperBound > fixed.lowerBound {
      return (
        fixed, ChartTicks.niceStep(span: fixed.upperBound - fixed.lowerBound, targetCount: target)
      )
    }
    var lo = 0.0
    var hi = 0.0
    for series in chart.series {
      for (i, value) in series.values.enumerated() where value.isFinite {
        let error = series.errors.flatMap { i < $0.count && $0[i].isFinite ? abs($0[i]) : nil } ?? 0
        lo = min(lo, value - error)
        hi = max(hi, value + error)
      }
    }
    if hi - lo <= 0 { hi = 1 }
    // A little headroom so the tallest bar does not touch the frame.
    let span = hi - lo
    if hi > 0 { hi += span * 0.04 }
    if lo < 0 { lo -= span * 0.04 }
    let step = ChartTicks.niceStep(span: hi - lo, targetCount: target)
    return (ChartTicks.snapped(lo...hi, step: step), step)
  }

  /// One rectangle per finite value, grouped around each category centre.
  private static func barRects(
    _ chart: BarChartSpec, centers: [Double], slot: Double, yScale: LinearScale, plot: ChartRect
  ) -> [BarLayout.Bar] {
    let seriesCount = max(1, chart.series.count)
    let group = slot * (seriesCount == 1 ? 0.6 : 0.8)
    let width = group / Double(seriesCount)
    let inner = seriesCount == 1 ? 0 : min(width * 0.08, 4)
    func clampY(_ y: Double) -> Double { min(max(y, plot.y), plot.maxY) }
    let zero = clampY(yScale(0))
    var bars: [BarLayout.Bar] = []
    for (c, center) in centers.enumerated() {
      for (s, series) in chart.series.enumerated() {
        guard c < series.values.count, series.values[c].isFinite else { continue }
        let value = series.values[c]
        let top = clampY(yScale(value))
        let left = center - group / 2 + Double(s) * width + inner / 2
        let rect = ChartRect(
          x: left, y: min(top, zero), width: width - inner, height: abs(zero - top))
        var whisker: ClosedRange<Double>?
        if let errors = series.errors, c < errors.count, errors[c].isFinite, errors[c] > 0 {
          let a = clampY(yScale(value + errors[c]))
          let b = clampY(yScale(value - errors[c]))
          whisker = min(a, b)...max(a, b)
        }
        bars.append(
          BarLayout.Bar(category: c, series: s, value: value, rect: rect, whisker: whisker))
      }
    }
    return bars
  }
}
