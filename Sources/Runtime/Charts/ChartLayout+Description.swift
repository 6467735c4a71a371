// Copyright © 2026 the ssl authors.

import Foundation

// MARK: - Text form for snapshots

extension ChartLayout {
  /// A stable, line-per-item text form of the layout for snapshot tests.
  ///
  /// Lists the canvas and plot rectangle, both axes (range, step, each tick's value, pixel
  /// position and label box), the titles, then the scatter marks (marker, label box, leader),
  /// band and line sizes and the annotation, or the bars and zero line, and the legend.
  /// Pixels are printed with one decimal, so tiny floating-point noise never changes a snapshot.
  public var textDescription: String {
    var lines: [String] = []
    let kind = scatter != nil ? "scatter" : reliability != nil ? "reliability" : "bars"
    lines.append("chart \(width)x\(height) \(kind)")
    lines.append("plot \(Self.format(plotRect))")
    if let title { lines.append("title \(Self.format(title))") }
    lines.append(Self.describe(axis: xAxis, name: "x"))
    for tick in xAxis.ticks { lines.append(Self.describe(tick: tick, horizontal: true)) }
    lines.append(Self.describe(axis: yAxis, name: "y"))
    for tick in yAxis.ticks { lines.append(Self.describe(tick: tick, horizontal: false)) }
    if let xTitle { lines.append("x title \(Self.format(xTitle))") }
    if let yTitle { lines.append("y title \(Self.format(yTitle))") }
    if let scatter { lines += Self.describe(scatter) }
    if let bars {
      lines.append(
        "zero line y=\(Self.format(bars.zeroY))" + (bars.rotatedLabels ? " rotated labels" : ""))
      for bar in bars.bars {
        var line =
          "bar category=\(bar.category) series=\(bar.series) value=\(Self.formatValue(bar.value))"
          + " rect \(Self.format(bar.rect))"
        if let whisker = bar.whisker {
          line += " whisker \(Self.format(whisker.lowerBound))...\(Self.format(whisker.upperBound))"
        }
        lines.append(line)
      }
    }
    if let reliability {
      let (from, to) = reliability.diagonal
      lines.append("diagonal from \(Self.format(from)) to \(Self.format(to))")
      for curve in reliability.curves {
        lines.append("curve series=\(curve.series) points=\(curve.points.count)")
        for (bin, (point, radius)) in zip(curve.bins, zip(curve.points, curve.radii)) {
          lines.append(
            "  bin confidence=\(Self.formatValue(bin.confidence))"
              + " accuracy=\(Self.formatValue(bin.accuracy)) count=\(bin.count)"
              + " at \(Self.format(point)) r=\(Self.format(radius))")
        }
      }
    }
    if let legend {
      lines.append("legend \(Self.format(legend.frame))")
      for entry in legend.entries {
        lines.append(
          "  series \(entry.series) swatch \(Self.format(entry.swatch)) \(Self.format(entry.label))"
        )
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func describe(_ scatter: ScatterLayout) -> [String] {
    var lines: [String] = []
    if let annotation = scatter.annotation, let frame = scatter.annotationFrame {
      lines.append("annotation frame \(format(frame)) \(format(annotation))")
    }
    lines.append("band \(scatter.band.count) vertices, line \(scatter.line.count) vertices")
    if let first = scatter.line.first, let last = scatter.line.last {
      lines.append("  line from \(format(first)) to \(format(last))")
    }
    for mark in scatter.marks {
      var line =
        "point (\(formatValue(mark.point.x)), \(formatValue(mark.point.y)))"
        + " at \(format(mark.center))"
        + " r=\(format(mark.radius))"
      if let label = mark.label { line += " label \(format(label))" }
      if let leader = mark.leader {
        line += " leader \(format(leader.from))->\(format(leader.to))"
      }
      lines.append(line)
    }
    return lines
  }

  private static func describe(axis: ChartAxis, name: String) -> String {
    let step = axis.step.map { " step \(format($0))" } ?? " categories"
    return "\(name) axis \(format(axis.range.lowerBound))...\(format(axis.range.upperBound))"
      + step + " ticks=\(axis.ticks.count)"
  }

  private static func describe(tick: ChartAxis.Tick, horizontal: Bool) -> String {
    let value = tick.value.map { format($0) } ?? "-"
    let coordinate = horizontal ? "x" : "y"
    return "  tick \(value) \(coordinate)=\(format(tick.position)) \(format(tick.label))"
      + (tick.grid ? "" : " no-grid")
  }

  // MARK: - Formatting

  static func format(_ value: Double) -> String {
    let text = String(format: "%.1f", value)
    return text == "-0.0" ? "0.0" : text
  }

  /// Data values keep four significant digits (`59.5`, `0.62`), pixels one decimal.
  static func formatValue(_ value: Double) -> String {
    String(format: "%.4g", value)
  }

  static func format(_ point: ChartPoint) -> String {
    "(\(format(point.x)), \(format(point.y)))"
  }

  static func format(_ rect: ChartRect) -> String {
    "[x=\(format(rect.x)) y=\(format(rect.y)) w=\(format(rect.width)) h=\(format(rect.height))]"
  }

  static func format(_ text: ChartText) -> String {
    var result = "\"\(text.text)\" \(format(text.box)) size=\(format(text.fontSize))"
    if text.bold { result += " bold" }
    if text.angle != 0 { result += " angle=\(format(text.angle))" }
    return result
  }
}
