// Copyright © 2026 the ssl authors.

/// A legend: a colour swatch and a name per series, in rows above the plot.
public struct ChartLegend: Hashable, Sendable {
  /// The entries in series order.
  public var entries: [Entry]
  /// The box that holds all entries.
  public var frame: ChartRect

  /// One series' swatch and name.
  public struct Entry: Hashable, Sendable {
    /// The series index, which picks the colour.
    public var series: Int
    /// The filled square.
    public var swatch: ChartRect
    /// The name.
    public var label: ChartText

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - series: The series index.
    ///   - swatch: The swatch square.
    ///   - label: The placed name.
    public init(series: Int, swatch: ChartRect, label: ChartText) {
      self.series = series
      self.swatch = swatch
      self.label = label
    }
  }

  /// Creates a legend.
  ///
  /// - Parameters:
  ///   - entries: The entries.
  ///   - frame: The enclosing box.
  public init(entries: [Entry], frame: ChartRect) {
    self.entries = entries
    self.frame = frame
  }

  /// Lays out entries in rows no wider than `maxWidth`, right-aligned to `right`, from `top` down.
  ///
  /// - Parameters:
  ///   - names: The series names.
  ///   - style: The chart style.
  ///   - measurer: Text metrics.
  ///   - right: The right edge to align to.
  ///   - top: The top of the first row.
  ///   - maxWidth: The widest a row may be.
  /// - Returns: The legend, or `nil` when there are no names.
  static func make(
    names: [String], style: ChartStyle, measurer: some TextMeasurer, right: Double, top: Double,
    maxWidth: Double
  ) -> ChartLegend? {
    guard !names.isEmpty else { return nil }
    let font = style.legendFont
    let sizes = names.map { measurer.size(of: $0, pointSize: font, bold: false) }
    let rowHeight = sizes.map(\.height).max() ?? font
    let swatch = (font * 0.8).rounded()
    let innerGap = (font * 0.35).rounded()
    let entryGap = (font * 1.1).rounded()
    let widths = sizes.map { swatch + innerGap + $0.width }
    // Greedy rows: start a new row when the next entry would pass maxWidth.
    var rows: [[Int]] = [[]]
    var rowWidth = 0.0
    for (index, width) in widths.enumerated() {
      let added = (rows[rows.count - 1].isEmpty ? 0 : entryGap) + width
      if !rows[rows.count - 1].isEmpty && rowWidth + added > maxWidth {
        rows.append([index])
        rowWidth = width
      } else {
        rows[rows.count - 1].append(index)
        rowWidth += added
      }
    }
    var entries: [Entry] = []
    var left = right
    for (rowIndex, row) in rows.enumerated() {
      let total = row.map { widths[$0] }.reduce(0, +) + entryGap * Double(row.count - 1)
      var x = right - total
      left = min(left, x)
      let midY = top + rowHeight * (Double(rowIndex) + 0.5)
      for index in row {
        let square = ChartRect(
          center: ChartPoint(x: x + swatch / 2, y: midY), width: swatch, height: swatch)
        let label = ChartText(
          names[index],
          center: ChartPoint(x: x + swatch + innerGap + sizes[index].width / 2, y: midY),
          size: sizes[index], fontSize: font, role: .legend)
        entries.append(Entry(series: index, swatch: square, label: label))
        x += widths[index] + entryGap
      }
    }
    let frame = ChartRect(
      x: left, y: top, width: right - left, height: rowHeight * Double(rows.count))
    return ChartLegend(entries: entries, frame: frame)
  }
}
