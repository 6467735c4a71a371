// Copyright © 2026 the ssl authors.

/// Draws a ``ChartSpec`` as a PNG: layout with real FreeType metrics, then a thin libgd pass.
///
/// Drawing order, back to front: grid, band, fit line or bars, zero line, markers, leaders,
/// frame and ticks, annotation box, legend swatches, then all text at final resolution.
public enum ChartRenderer {
  /// Lays out, draws and atomically writes a chart.
  ///
  /// The destination folder is checked before any drawing, so a bad path fails fast.
  ///
  /// - Parameters:
  ///   - spec: What to draw.
  ///   - path: The PNG file to create or replace.
  /// - Throws: ``ChartError``: ``ChartError/emptyChart(_:)``,
  ///   ``ChartError/invalidSize(width:height:)``, ``ChartError/fontNotFound(searched:)``,
  ///   ``ChartError/cannotWrite(path:reason:)`` and others.
  public static func writePNG(_ spec: ChartSpec, to path: String) throws(ChartError) {
    try validate(spec)
    try PNGWriter.checkDestination(path)
    try PNGWriter.write(try renderPNG(spec), to: path)
  }

  /// Lays out and draws a chart, returning the PNG bytes.
  ///
  /// - Parameter spec: What to draw.
  /// - Returns: The encoded PNG.
  /// - Throws: ``ChartError`` when the spec is empty, the size invalid or no font is found.
  public static func renderPNG(_ spec: ChartSpec) throws(ChartError) -> [UInt8] {
    try validate(spec)
    let fonts = try FontLocator().locate()
    // Fail on a broken font file here, with its path, rather than mid-drawing.
    _ = try GDCanvas.bounds(of: GDCanvas.lineReference, pixelSize: 12, font: fonts.regular)
    _ = try GDCanvas.bounds(of: GDCanvas.lineReference, pixelSize: 12, font: fonts.bold)
    let layout = ChartLayout.make(spec, measurer: FreeTypeTextMeasurer(fonts: fonts))
    let canvas = try GDCanvas(
      width: spec.width, height: spec.height,
      supersampling: supersampling(width: spec.width, height: spec.height), fonts: fonts)
    draw(layout, on: canvas)
    try canvas.finishShapes()
    for text in layout.texts {
      try canvas.draw(text, text.role == .pointLabel ? labelInk : ChartColor.ink)
    }
    return try canvas.pngBytes()
  }

  /// Rejects specs with nothing to draw or an unusable size.
  ///
  /// - Parameter spec: The spec to check.
  /// - Throws: ``ChartError/invalidSize(width:height:)`` or ``ChartError/emptyChart(_:)``.
  public static func validate(_ spec: ChartSpec) throws(ChartError) {
    let sides = ChartError.minimumSide...ChartError.maximumSide
    guard sides.contains(spec.width), sides.contains(spec.height) else {
      throw .invalidSize(width: spec.width, height: spec.height)
    }
    switch spec.content {
    case .scatter(let scatter):
      guard scatter.points.contains(where: { $0.x.isFinite && $0.y.isFinite }) else {
        throw .emptyChart("the scatter has no point with a finite x and y")
      }
    case .bars(let bars):
      guard !bars.categories.isEmpty else { throw .emptyChart("the bar chart has no categories") }
      guard bars.series.contains(where: { $0.values.contains(where: \.isFinite) }) else {
        throw .emptyChart("the bar chart has no finite values")
      }
    case .reliability(let chart):
      guard chart.drawable.contains(where: { !$0.isEmpty }) else {
        throw .emptyChart("the reliability diagram has no bin with images")
      }
    }
  }

  // MARK: - Drawing

  /// Point labels are a shade lighter than axis text, so the data stays in front.
  static let labelInk = ChartColor(hex: 0x303030)
  /// Scatter markers.
  static let pointColor = ChartColor(hex: 0x0072B2)
  /// The fit line and, translucent, its band.
  static let fitColor = ChartColor(hex: 0xD55E00)

  /// 3× supersampling up to about 4 megapixels, then 2×, then none (memory grows with its
  /// square: a 1600×1200 chart draws on a 4800×3600 canvas, 69 MB).
  static func supersampling(width: Int, height: Int) -> Int {
    let pixels = width * height
    return pixels <= 4_000_000 ? 3 : pixels <= 16_000_000 ? 2 : 1
  }

  /// Draws every shape of the layout (text comes later, at final resolution).
  static func draw(_ layout: ChartLayout, on canvas: GDCanvas) {
    let style = layout.style
    let plot = layout.plotRect
    for tick in layout.xAxis.ticks where tick.grid {
      canvas.line(
        from: ChartPoint(x: tick.position, y: plot.y),
        to: ChartPoint(x: tick.position, y: plot.maxY),
        width: style.gridWidth, .grid)
    }
    for tick in layout.yAxis.ticks where tick.grid {
      canvas.line(
        from: ChartPoint(x: plot.x, y: tick.position),
        to: ChartPoint(x: plot.maxX, y: tick.position),
        width: style.gridWidth, .grid)
    }
    canvas.clip(to: plot)
    if let scatter = layout.scatter { drawScatterData(scatter, style: style, on: canvas) }
    if let bars = layout.bars { drawBars(bars, layout: layout, on: canvas) }
    canvas.clip(to: nil)
    if let scatter = layout.scatter { drawMarks(scatter, style: style, on: canvas) }
    drawFrame(layout, on: canvas)
    // Unclipped and over the frame: bins at 0 % or 100 % sit on the plot's edge.
    if let reliability = layout.reliability {
      drawReliability(reliability, style: style, on: canvas)
    }
    if let scatter = layout.scatter, let frame = scatter.annotationFrame {
      canvas.fill(frame, ChartColor.white.withOpacity(0.92))
      canvas.stroke(frame, width: max(1, style.frameWidth * 0.6), ChartColor(hex: 0xB0B0B0))
    }
    for entry in layout.legend?.entries ?? [] {
      if let reliability = layout.reliability {
        drawReliabilitySwatch(entry, reliability, style: style, on: canvas)
      } else {
        canvas.fill(entry.swatch, .series(entry.series))
      }
    }
  }

  private static func drawScatterData(
    _ scatter: ScatterLayout, style: ChartStyle, on canvas: GDCanvas
  ) {
    canvas.fillPolygon(scatter.band, fitColor.withOpacity(0.2))
    canvas.polyline(scatter.line, width: style.lineWidth, fitColor)
  }

  private static func drawMarks(_ scatter: ScatterLayout, style: ChartStyle, on canvas: GDCanvas) {
    let leaderWidth = max(1, style.scale * 2)
    for mark in scatter.marks {
      if let leader = mark.leader {
        canvas.line(from: leader.from, to: leader.to, width: leaderWidth, .leader)
      }
    }
    let edge = max(1, mark(scale: style.scale))
    for mark in scatter.marks {
      canvas.disc(center: mark.center, radius: mark.radius, .white)
      canvas.disc(
        center: mark.center, radius: mark.radius - edge * 0.5, pointColor.darkened(by: 0.35))
      canvas.disc(center: mark.center, radius: mark.radius - edge * 1.5, pointColor)
    }
  }

  private static func mark(scale: Double) -> Double { 2 * scale }

  private static func drawBars(_ bars: BarLayout, layout: ChartLayout, on canvas: GDCanvas) {
    let style = layout.style
    for bar in bars.bars {
      canvas.fill(bar.rect, .series(bar.series))
    }
    if bars.zeroY > layout.plotRect.y + 0.5 && bars.zeroY < layout.plotRect.maxY - 0.5 {
      canvas.line(
        from: ChartPoint(x: layout.plotRect.x, y: bars.zeroY),
        to: ChartPoint(x: layout.plotRect.maxX, y: bars.zeroY), width: style.frameWidth, .frame)
    }
    for bar in bars.bars {
      guard let whisker = bar.whisker else { continue }
      let x = bar.rect.center.x
      let cap = min(bar.rect.width * 0.25, 12 * style.scale)
      let width = max(1, style.frameWidth * 0.8)
      canvas.line(
        from: ChartPoint(x: x, y: whisker.lowerBound), to: ChartPoint(x: x, y: whisker.upperBound),
        width: width, .ink)
      for y in [whisker.lowerBound, whisker.upperBound] {
        canvas.line(
          from: ChartPoint(x: x - cap, y: y), to: ChartPoint(x: x + cap, y: y), width: width, .ink)
      }
    }
  }

  private static func drawFrame(_ layout: ChartLayout, on canvas: GDCanvas) {
    let style = layout.style
    let plot = layout.plotRect
    canvas.stroke(plot, width: style.frameWidth, .frame)
    for tick in layout.xAxis.ticks {
      canvas.line(
        from: ChartPoint(x: tick.position, y: plot.maxY),
        to: ChartPoint(x: tick.position, y: plot.maxY + style.tickLength), width: style.frameWidth,
        .frame)
    }
    for tick in layout.yAxis.ticks {
      canvas.line(
        from: ChartPoint(x: plot.x - style.tickLength, y: tick.position),
        to: ChartPoint(x: plot.x, y: tick.position), width: style.frameWidth, .frame)
    }
  }
}
