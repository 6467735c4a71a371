// Copyright © 2026 the ssl authors.

/// A grid of saliency overlays: one row per image, one column per model, each cell the image
/// with its occlusion map blended on top (viridis, half opacity) and the attentive diffusion
/// printed under it.
public struct SaliencyGrid: Sendable {
  /// One overlay: the image (same size as the map) and its map.
  public struct Cell: Sendable {
    public var image: RGBImage
    public var map: SaliencyMap
    public var label: String

    public init(image: RGBImage, map: SaliencyMap, label: String) {
      self.image = image
      self.map = map
      self.label = label
    }
  }

  public var title: String
  /// `cells[row][column]`.
  public var cells: [[Cell]]
  /// Opacity of the map over the image.
  public var opacity: Double = 0.5

  public init(title: String, cells: [[Cell]], opacity: Double = 0.5) {
    self.title = title
    self.cells = cells
    self.opacity = opacity
  }

  /// The blended pixels of one cell, row-major RGB bytes (the map's size).
  public static func blend(_ cell: Cell, opacity: Double) -> [UInt8] {
    let map = cell.map
    let heat = map.normalised
    var out = [UInt8](repeating: 0, count: map.width * map.height * 3)
    for y in 0..<map.height {
      for x in 0..<map.width {
        let colour = InvarianceHeatmap.viridis(heat[y * map.width + x])
        let sx = min(x * cell.image.width / max(map.width, 1), cell.image.width - 1)
        let sy = min(y * cell.image.height / max(map.height, 1), cell.image.height - 1)
        let (r, g, b) = cell.image[sx, sy]
        let source = [Double(r), Double(g), Double(b)]
        let paint = [Double(colour.red), Double(colour.green), Double(colour.blue)]
        for c in 0..<3 {
          let mixed: Double = source[c] * (1 - opacity) + paint[c] * opacity
          out[(y * map.width + x) * 3 + c] = UInt8(mixed.rounded())
        }
      }
    }
    return out
  }

  /// Draws the grid as PNG bytes.
  public func renderPNG() throws(ChartError) -> [UInt8] {
    guard let first = cells.first?.first else { throw .emptyChart("the saliency grid has no cells") }
    let side = Double(max(first.map.width, first.map.height))
    let gap = 10.0
    let columns = cells.map(\.count).max() ?? 0
    let w = Int(gap + Double(columns) * (side + gap))
    let h = Int(40 + Double(cells.count) * (side + 28 + gap))
    guard (ChartError.minimumSide...ChartError.maximumSide).contains(max(w, ChartError.minimumSide)),
      (ChartError.minimumSide...ChartError.maximumSide).contains(h)
    else { throw .invalidSize(width: w, height: h) }
    let width = max(w, ChartError.minimumSide)
    let fonts = try FontLocator().locate()
    let canvas = try GDCanvas(width: width, height: h, supersampling: 1, fonts: fonts)
    var texts: [ChartText] = []
    func text(_ s: String, _ x: Double, _ y: Double, size: Double, bold: Bool) throws(ChartError) -> ChartText {
      let b = try GDCanvas.bounds(of: s, pixelSize: size, font: bold ? fonts.bold : fonts.regular)
      return ChartText(s, center: ChartPoint(x: x, y: y), size: (b.right - b.left, b.bottom - b.top),
        fontSize: size, bold: bold, role: bold ? .title : .tick)
    }
    texts.append(try text(title, Double(width) / 2, 18, size: 15, bold: true))
    for (row, line) in cells.enumerated() {
      for (column, cell) in line.enumerated() {
        let x0 = gap + Double(column) * (side + gap)
        let y0 = 36 + Double(row) * (side + 28 + gap)
        let pixels = Self.blend(cell, opacity: opacity)
        for y in 0..<cell.map.height {
          for x in 0..<cell.map.width {
            let i = (y * cell.map.width + x) * 3
            let hex = (Int(pixels[i]) << 16) | (Int(pixels[i + 1]) << 8) | Int(pixels[i + 2])
            canvas.fill(ChartRect(x: x0 + Double(x), y: y0 + Double(y), width: 1, height: 1), ChartColor(hex: hex))
          }
        }
        texts.append(try text(cell.label, x0 + side / 2, y0 + side + 14, size: 12, bold: false))
      }
    }
    try canvas.finishShapes()
    for t in texts { try canvas.draw(t, .ink) }
    return try canvas.pngBytes()
  }

  /// Writes the PNG atomically.
  public func write(to path: String) throws(ChartError) {
    try PNGWriter.checkDestination(path)
    try PNGWriter.write(try renderPNG(), to: path)
  }
}
