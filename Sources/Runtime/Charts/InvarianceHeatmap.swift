// Copyright © 2026 the ssl authors.

import Foundation

/// A models × transforms heatmap of invariance (mean whitened cosine S), one cell per pair, the
/// value printed in the cell and a `*` on each column's significantly most invariant model
/// (Hoeffding + Bonferroni, §8.6).
public struct InvarianceHeatmap: Sendable {
  public var title: String
  /// Row labels (models).
  public var models: [String]
  /// Column labels (transforms).
  public var transforms: [String]
  /// `values[model][transform]`; NaN draws an empty cell.
  public var values: [[Double]]
  /// Per transform, the row index of the significant maximum (nil when none is significant).
  public var marks: [Int?]

  public init(title: String, models: [String], transforms: [String], values: [[Double]], marks: [Int?]) {
    self.title = title
    self.models = models
    self.transforms = transforms
    self.values = values
    self.marks = marks
  }

  static let cell = 54.0
  static let fontSize = 12.0

  /// Lays out and draws the heatmap as PNG bytes.
  public func renderPNG() throws(ChartError) -> [UInt8] {
    guard !models.isEmpty, !transforms.isEmpty else { throw .emptyChart("the heatmap has no models or transforms") }
    let fonts = try FontLocator().locate()
    func width(_ text: String) throws(ChartError) -> Double {
      let b = try GDCanvas.bounds(of: text, pixelSize: Self.fontSize, font: fonts.regular)
      return b.right - b.left
    }
    var labelWidth = 0.0
    for model in models { labelWidth = max(labelWidth, try width(model)) }
    var headerHeight = 0.0
    for transform in transforms { headerHeight = max(headerHeight, try width(transform)) }
    let left = labelWidth + 24
    let top = headerHeight + 56
    let legend = 70.0
    let w = Int(left + Self.cell * Double(transforms.count) + legend + 16)
    let h = Int(top + Self.cell * Double(models.count) + 24)
    guard (ChartError.minimumSide...ChartError.maximumSide).contains(w),
      (ChartError.minimumSide...ChartError.maximumSide).contains(h)
    else { throw .invalidSize(width: w, height: h) }
    let finite = values.joined().filter(\.isFinite)
    let lo = min(finite.min() ?? 0, 0)
    let hi = max(finite.max() ?? 1, lo + 1e-12)
    let canvas = try GDCanvas(width: w, height: h, supersampling: 1, fonts: fonts)
    var texts: [(ChartText, ChartColor)] = []
    func text(_ s: String, _ x: Double, _ y: Double, angle: Double = 0, bold: Bool = false, size: Double = Self.fontSize, role: ChartText.Role = .tick) throws(ChartError) -> ChartText {
      let b = try GDCanvas.bounds(of: s, pixelSize: size, font: bold ? fonts.bold : fonts.regular)
      return ChartText(s, center: ChartPoint(x: x, y: y), size: (b.right - b.left, b.bottom - b.top),
        fontSize: size, bold: bold, angle: angle, role: role)
    }
    texts.append((try text(title, Double(w) / 2, 18, bold: true, size: 15, role: .title), .ink))
    for (j, transform) in transforms.enumerated() {
      let x = left + Self.cell * (Double(j) + 0.5)
      texts.append((try text(transform, x, top - 8 - (try width(transform)) / 2, angle: 90), .ink))
    }
    for (i, model) in models.enumerated() {
      let y = top + Self.cell * (Double(i) + 0.5)
      texts.append((try text(model, 12 + (try width(model)) / 2, y), .ink))
      for j in transforms.indices {
        let value = j < values[i].count ? values[i][j] : .nan
        let rect = ChartRect(x: left + Self.cell * Double(j), y: top + Self.cell * Double(i), width: Self.cell, height: Self.cell)
        guard value.isFinite else {
          canvas.stroke(rect, width: 1, .grid)
          continue
        }
        let t = (value - lo) / (hi - lo)
        let colour = Self.viridis(t)
        canvas.fill(rect, colour)
        canvas.stroke(rect, width: 1, .white)
        let ink: ChartColor = t > 0.55 ? .ink : .white
        let marked = j < marks.count && marks[j] == i
        let label = String(format: "%.2f", value) + (marked ? "*" : "")
        texts.append((try text(label, rect.center.x, rect.center.y, bold: marked), ink))
      }
    }
    // Colour bar.
    let barX = left + Self.cell * Double(transforms.count) + 16
    let barHeight = Self.cell * Double(models.count)
    for step in 0..<Int(barHeight) {
      let t = 1 - Double(step) / max(barHeight - 1, 1)
      canvas.fill(ChartRect(x: barX, y: top + Double(step), width: 14, height: 1), Self.viridis(t))
    }
    texts.append((try text(String(format: "%.2f", hi), barX + 36, top + 6), .ink))
    texts.append((try text(String(format: "%.2f", lo), barX + 36, top + barHeight - 6), .ink))
    texts.append((try text("* significant (Hoeffding, Bonferroni)", Double(w) / 2, 38, size: 11, role: .legend), .ink))
    try canvas.finishShapes()
    for (t, colour) in texts { try canvas.draw(t, colour) }
    return try canvas.pngBytes()
  }

  /// Writes the PNG atomically.
  public func write(to path: String) throws(ChartError) {
    try PNGWriter.checkDestination(path)
    try PNGWriter.write(try renderPNG(), to: path)
  }

  /// Viridis, piecewise-linear through 6 of matplotlib's control colours.
  static func viridis(_ t: Double) -> ChartColor {
    let stops = [0x440154, 0x414487, 0x2A788E, 0x22A884, 0x7AD151, 0xFDE725]
    let x = min(max(t.isFinite ? t : 0, 0), 1) * Double(stops.count - 1)
    let i = min(Int(x), stops.count - 2)
    let f = x - Double(i)
    func channel(_ hex: Int, _ shift: Int) -> Double { Double((hex >> shift) & 0xFF) }
    func mix(_ shift: Int) -> Int { Int((channel(stops[i], shift) * (1 - f) + channel(stops[i + 1], shift) * f).rounded()) }
    return ChartColor(hex: (mix(16) << 16) | (mix(8) << 8) | mix(0))
  }
}
