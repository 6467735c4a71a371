// Copyright © 2026 the ssl authors.

/// Pixel geometry for a ``ChartSpec``: the plot rectangle, axes, every text box and mark.
///
/// Layout is pure: it depends only on the spec and a ``TextMeasurer``, never on libgd, so tests
/// snapshot ``textDescription`` with ``ApproximateTextMeasurer`` while the renderer uses
/// FreeType metrics. Margins are sized from the measured tick labels and titles (the y margin
/// from the widest tick label, the bottom from the category labels, rotated or not), so long
/// labels are never clipped; axis ticks come from ``ChartTicks``.
public struct ChartLayout: Sendable {
  /// The image width in pixels.
  public var width: Int
  /// The image height in pixels.
  public var height: Int
  /// The sizes used.
  public var style: ChartStyle
  /// The plot area inside the frame.
  public var plotRect: ChartRect
  /// The horizontal axis (numeric for scatter, categories for bars).
  public var xAxis: ChartAxis
  /// The vertical axis.
  public var yAxis: ChartAxis
  /// The chart title, or `nil`.
  public var title: ChartText?
  /// The x-axis title, or `nil`.
  public var xTitle: ChartText?
  /// The y-axis title (rotated 90°), or `nil`.
  public var yTitle: ChartText?
  /// Scatter geometry, for a scatter spec.
  public var scatter: ScatterLayout?
  /// Bar geometry, for a bar spec.
  public var bars: BarLayout?
  /// The curves of a reliability diagram.
  public var reliability: ReliabilityLayout?
  /// The legend, for bars with two or more series.
  public var legend: ChartLegend?

  /// Lays out a spec.
  ///
  /// Empty input still lays out (axes over `0...1`); ``ChartRenderer`` rejects it before drawing.
  ///
  /// - Parameters:
  ///   - spec: What to draw.
  ///   - measurer: Text metrics (``ApproximateTextMeasurer`` in tests).
  /// - Returns: The geometry.
  public static func make(_ spec: ChartSpec, measurer: some TextMeasurer) -> ChartLayout {
    switch spec.content {
    case .scatter(let scatter):
      return makeScatter(spec, scatter, measurer: measurer)
    case .bars(let bars):
      return makeBars(spec, bars, measurer: measurer)
    case .reliability(let chart):
      return makeReliability(spec, chart, measurer: measurer)
    }
  }

  /// Every text on the chart, in drawing order.
  public var texts: [ChartText] {
    var all: [ChartText] = []
    all += [title, xTitle, yTitle].compactMap { $0 }
    all += xAxis.ticks.map(\.label) + yAxis.ticks.map(\.label)
    if let scatter {
      all += scatter.marks.compactMap(\.label)
      all += [scatter.annotation].compactMap { $0 }
    }
    all += legend?.entries.map(\.label) ?? []
    return all
  }

  // MARK: - Frame (shared by both kinds)

  /// What the margins must hold besides the titles.
  struct FrameNeeds {
    /// The widest y tick label.
    var yTickWidth: Double
    /// The height of the block under the x axis (tick or category labels).
    var xLabelBlock: Double
    /// The height of the legend above the plot, 0 for none.
    var legendHeight: Double
    /// How far the last x label sticks out past the plot's right edge.
    var rightOverhang: Double
    /// The least left margin (rotated category labels reach left of the plot).
    var minimumLeft: Double
  }

  /// The plot rectangle left after the margins for titles, tick labels and legend.
  static func plotRect(
    _ spec: ChartSpec, style: ChartStyle, measurer: some TextMeasurer, needs: FrameNeeds
  ) -> ChartRect {
    let pad = style.outerPadding
    let tickBlock = style.tickLength + style.gap
    var left = pad + needs.yTickWidth + tickBlock
    if let yTitle = axisTitleSize(spec.yLabel, style: style, measurer: measurer) {
      left += yTitle.height + style.gap
    }
    left = max(left, needs.minimumLeft)
    var bottom = pad + needs.xLabelBlock + tickBlock
    if let xTitle = axisTitleSize(spec.xLabel, style: style, measurer: measurer) {
      bottom += xTitle.height + style.gap
    }
    let halfTick = measurer.size(of: "0", pointSize: style.tickFont, bold: false).height / 2
    var top = pad
    if let title = spec.title, !title.isEmpty {
      top += measurer.size(of: title, pointSize: style.titleFont, bold: true).height + style.gap
    }
    if needs.legendHeight > 0 { top += needs.legendHeight + style.gap }
    top = max(top, pad + halfTick)
    let right = pad + max(0, needs.rightOverhang)
    return ChartRect(
      x: left, y: top, width: Double(spec.width) - left - right,
      height: Double(spec.height) - top - bottom)
  }

  /// The size of an axis title, or `nil` when the label is empty.
  static func axisTitleSize(
    _ text: String, style: ChartStyle, measurer: some TextMeasurer
  ) -> (width: Double, height: Double)? {
    text.isEmpty ? nil : measurer.size(of: text, pointSize: style.axisTitleFont, bold: false)
  }

  /// The chart title and axis titles, placed around a finished plot rectangle.
  ///
  /// - Parameter xLabelBlock: The height of the tick or category labels under the x axis.
  mutating func placeTitles(_ spec: ChartSpec, measurer: some TextMeasurer, xLabelBlock: Double) {
    let pad = style.outerPadding
    if let text = spec.title, !text.isEmpty {
      let size = measurer.size(of: text, pointSize: style.titleFont, bold: true)
      let x = min(
        max(plotRect.center.x, pad + size.width / 2), Double(width) - pad - size.width / 2)
      title = ChartText(
        text, center: ChartPoint(x: x, y: pad + size.height / 2), size: size,
        fontSize: style.titleFont, bold: true, role: .title)
    }
    if let size = Self.axisTitleSize(spec.xLabel, style: style, measurer: measurer) {
      let y = plotRect.maxY + style.tickLength + style.gap + xLabelBlock + style.gap
      xTitle = ChartText(
        spec.xLabel, center: ChartPoint(x: plotRect.center.x, y: y + size.height / 2), size: size,
        fontSize: style.axisTitleFont, role: .axisTitle)
    }
    if let size = Self.axisTitleSize(spec.yLabel, style: style, measurer: measurer) {
      // Centred on the plot, but slid (not clipped) when it is taller than the plot.
      let half = size.width / 2
      let y = min(max(plotRect.center.y, pad + half), Double(height) - pad - half)
      yTitle = ChartText(
        spec.yLabel, center: ChartPoint(x: pad + size.height / 2, y: y), size: size,
        fontSize: style.axisTitleFont, angle: 90, role: .axisTitle)
    }
  }

  // MARK: - Numeric axes

  /// About one tick per `spacing` pixels, between 3 and 10 intervals.
  static func tickTarget(length: Double, spacing: Double) -> Int {
    min(10, max(3, Int((length / spacing).rounded())))
  }

  /// The ticks of a numeric axis inside `range`, with labels beside the frame.
  static func numericTicks(
    range: ClosedRange<Double>, step: Double, scale: LinearScale, horizontal: Bool,
    plot: ChartRect, style: ChartStyle, measurer: some TextMeasurer
  ) -> [ChartAxis.Tick] {
    ChartTicks.ticks(in: range, step: step).map { value in
      let text = ChartTicks.label(value, step: step)
      let size = measurer.size(of: text, pointSize: style.tickFont, bold: false)
      let position = scale(value)
      let offset = style.tickLength + style.gap
      let center =
        horizontal
        ? ChartPoint(x: position, y: plot.maxY + offset + size.height / 2)
        : ChartPoint(x: plot.x - offset - size.width / 2, y: position)
      let label = ChartText(
        text, center: center, size: size, fontSize: style.tickFont, role: .tick)
      return ChartAxis.Tick(value: value, position: position, label: label, grid: true)
    }
  }

  /// The widest label among the ticks of `range` at `step`.
  static func widestTickLabel(
    range: ClosedRange<Double>, step: Double, style: ChartStyle, measurer: some TextMeasurer
  ) -> Double {
    ChartTicks.ticks(in: range, step: step).map {
      measurer.size(of: ChartTicks.label($0, step: step), pointSize: style.tickFont, bold: false)
        .width
    }.max() ?? 0
  }

  /// The smallest and largest finite value, or `0...1` when there are none.
  static func extent(_ values: [Double]) -> ClosedRange<Double> {
    let finite = values.filter(\.isFinite)
    guard let lo = finite.min(), let hi = finite.max() else { return 0...1 }
    return lo...hi
  }

  /// The range grown by `fraction` of its span on each side; a single value gets ±1 (or ±10%).
  static func padded(_ range: ClosedRange<Double>, fraction: Double) -> ClosedRange<Double> {
    let span = range.upperBound - range.lowerBound
    guard span > 0 else {
      let half = range.lowerBound == 0 ? 1 : abs(range.lowerBound) * 0.1
      return (range.lowerBound - half)...(range.upperBound + half)
    }
    return (range.lowerBound - span * fraction)...(range.upperBound + span * fraction)
  }
}
