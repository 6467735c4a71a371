// Copyright © 2026 the ssl authors.

// MARK: - Reliability diagram

extension ChartRenderer {
  static let diagonalColor = ChartColor(hex: 0x8A8A8A)

  /// The dashed diagonal, then each model's polyline and its count-sized markers.
  static func drawReliability(
    _ reliability: ReliabilityLayout, style: ChartStyle, on canvas: GDCanvas
  ) {
    let (from, to) = reliability.diagonal
    dashed(from: from, to: to, width: style.lineWidth * 0.6, dash: style.tickFont * 0.6, on: canvas)
    for curve in reliability.curves {
      let colour = ChartColor.series(curve.series)
      canvas.polyline(curve.points, width: style.lineWidth * 0.7, colour)
    }
    // Markers after every line, so no line crosses a marker of another model.
    let edge = max(1, style.scale * 2)
    for curve in reliability.curves {
      let colour = ChartColor.series(curve.series)
      for (point, radius) in zip(curve.points, curve.radii) {
        canvas.disc(center: point, radius: radius + edge, .white)
        canvas.disc(center: point, radius: radius, colour)
      }
    }
  }

  /// A legend swatch as a short line: solid with a marker for a model, dashed for the diagonal.
  static func drawReliabilitySwatch(
    _ entry: ChartLegend.Entry, _ reliability: ReliabilityLayout, style: ChartStyle,
    on canvas: GDCanvas
  ) {
    let box = entry.swatch
    let y = box.center.y
    let from = ChartPoint(x: box.x - box.width * 0.6, y: y)
    let to = ChartPoint(x: box.maxX, y: y)
    if entry.series == reliability.diagonalLegendIndex {
      dashed(from: from, to: to, width: style.lineWidth * 0.6, dash: box.width * 0.35, on: canvas)
    } else {
      let colour = ChartColor.series(entry.series)
      canvas.line(from: from, to: to, width: style.lineWidth * 0.7, colour)
      canvas.disc(center: ChartPoint(x: (from.x + to.x) / 2, y: y), radius: box.height * 0.4, colour)
    }
  }

  /// A dashed straight line (libgd's own dash styles do not survive supersampling).
  private static func dashed(
    from: ChartPoint, to: ChartPoint, width: Double, dash: Double, on canvas: GDCanvas
  ) {
    let dx = to.x - from.x
    let dy = to.y - from.y
    let length = (dx * dx + dy * dy).squareRoot()
    guard length > 0, dash > 0 else { return }
    var start = 0.0
    while start < length {
      let end = min(start + dash, length)
      canvas.line(
        from: ChartPoint(x: from.x + dx * start / length, y: from.y + dy * start / length),
        to: ChartPoint(x: from.x + dx * end / length, y: from.y + dy * end / length),
        width: width, diagonalColor)
      start += dash * 1.8
    }
  }
}
