// Copyright © 2026 the ssl authors.
//
// The only Swift file that calls libgd (house rule 4). Shapes are drawn on a canvas
// `supersampling` times larger and shrunk with `gdImageCopyResampled`, which averages each
// block of pixels: that antialiases thick lines, discs and polygon edges, which libgd's own
// `gdAntiAliased` mode cannot (it draws 1-pixel lines only). Text is then set at final size
// with FreeType, which antialiases glyphs itself and stays crisper than shrunk text.

import CGD
import Foundation

/// A drawing surface over a libgd true-colour image, in layout pixels.
final class GDCanvas {
  /// The final width in pixels.
  let width: Int
  /// The final height in pixels.
  let height: Int
  /// How many canvas pixels make one final pixel along each axis while drawing shapes.
  let supersampling: Int
  private let fonts: FontLocator.Fonts
  private let shapes: gdImagePtr
  private var output: gdImagePtr?
  /// Line metrics per font file and size: FreeType asks are cheap but not free.
  private var lineMetrics: [String: TextBounds] = [:]

  /// Ink bounds of a string relative to its baseline origin (y grows downwards).
  struct TextBounds {
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
  }

  /// Creates a white canvas.
  init(width: Int, height: Int, supersampling: Int, fonts: FontLocator.Fonts) throws(ChartError) {
    guard
      let image = gdImageCreateTrueColor(
        Int32(width * supersampling), Int32(height * supersampling))
    else { throw .encodingFailed(reason: "libgd could not allocate a \(width)×\(height) image") }
    self.width = width
    self.height = height
    self.supersampling = supersampling
    self.fonts = fonts
    shapes = image
    gdImageAlphaBlending(image, 1)
    gdImageFilledRectangle(
      image, 0, 0, Int32(width * supersampling) - 1, Int32(height * supersampling) - 1,
      color(.white, in: image))
  }

  deinit {
    gdImageDestroy(shapes)
    if let output { gdImageDestroy(output) }
  }

  // MARK: - Shapes (supersampled)

  /// Fills a rectangle.
  func fill(_ rect: ChartRect, _ paint: ChartColor) {
    gdImageFilledRectangle(
      shapes, scaled(rect.x), scaled(rect.y), scaled(rect.maxX) - 1, scaled(rect.maxY) - 1,
      color(paint, in: shapes))
  }

  /// Strokes a rectangle's outline, the stroke centred on its edges.
  func stroke(_ rect: ChartRect, width lineWidth: Double, _ paint: ChartColor) {
    let h = lineWidth / 2
    fill(
      ChartRect(x: rect.x - h, y: rect.y - h, width: rect.width + lineWidth, height: lineWidth),
      paint)
    fill(
      ChartRect(x: rect.x - h, y: rect.maxY - h, width: rect.width + lineWidth, height: lineWidth),
      paint)
    fill(
      ChartRect(x: rect.x - h, y: rect.y - h, width: lineWidth, height: rect.height + lineWidth),
      paint)
    fill(
      ChartRect(x: rect.maxX - h, y: rect.y - h, width: lineWidth, height: rect.height + lineWidth),
      paint)
  }

  /// Draws a straight line of the given width.
  func line(from a: ChartPoint, to b: ChartPoint, width lineWidth: Double, _ paint: ChartColor) {
    gdImageSetThickness(shapes, max(1, Int32((lineWidth * Double(supersampling)).rounded())))
    gdImageLine(
      shapes, scaled(a.x), scaled(a.y), scaled(b.x), scaled(b.y), color(paint, in: shapes))
    gdImageSetThickness(shapes, 1)
  }

  /// Draws connected segments with round joins (an opaque colour; joins would double alpha).
  func polyline(_ points: [ChartPoint], width lineWidth: Double, _ paint: ChartColor) {
    for (a, b) in zip(points, points.dropFirst()) {
      line(from: a, to: b, width: lineWidth, paint)
    }
    for point in points.dropFirst().dropLast() {
      disc(center: point, radius: lineWidth / 2, paint)
    }
  }

  /// Fills a polygon; a translucent colour blends over what is already drawn.
  func fillPolygon(_ points: [ChartPoint], _ paint: ChartColor) {
    guard points.count >= 3 else { return }
    var vertices = points.map { gdPoint(x: scaled($0.x), y: scaled($0.y)) }
    gdImageFilledPolygon(shapes, &vertices, Int32(vertices.count), color(paint, in: shapes))
  }

  /// Fills a circle.
  func disc(center: ChartPoint, radius: Double, _ paint: ChartColor) {
    let diameter = max(1, Int32((2 * radius * Double(supersampling)).rounded()))
    gdImageFilledEllipse(
      shapes, scaled(center.x), scaled(center.y), diameter, diameter, color(paint, in: shapes))
  }

  /// Restricts later shapes to a rectangle, or lifts the restriction with `nil`.
  func clip(to rect: ChartRect?) {
    guard let rect else {
      gdImageSetClip(
        shapes, 0, 0, Int32(width * supersampling) - 1, Int32(height * supersampling) - 1)
      return
    }
    gdImageSetClip(shapes, scaled(rect.x), scaled(rect.y), scaled(rect.maxX), scaled(rect.maxY))
  }

  // MARK: - Text (final size)

  /// Shrinks the shapes to the final size; call once, before drawing text.
  func finishShapes() throws(ChartError) {
    guard output == nil else { return }
    guard let image = gdImageCreateTrueColor(Int32(width), Int32(height)) else {
      throw .encodingFailed(reason: "libgd could not allocate a \(width)×\(height) image")
    }
    gdImageCopyResampled(
      image, shapes, 0, 0, 0, 0, Int32(width), Int32(height), Int32(width * supersampling),
      Int32(height * supersampling))
    gdImageAlphaBlending(image, 1)
    output = image
  }

  /// Sets a placed text: its box centred on `text.center`, turned by `text.angle`.
  func draw(_ text: ChartText, _ paint: ChartColor) throws(ChartError) {
    try finishShapes()
    guard let image = output, !text.text.isEmpty else { return }
    let font = text.bold ? fonts.bold : fonts.regular
    let own = try Self.bounds(of: text.text, pixelSize: text.fontSize, font: font)
    let line = try metrics(pixelSize: text.fontSize, font: font)
    // The baseline origin relative to the box centre, in the text's own frame (y down)…
    let dx = -(own.right - own.left) / 2 - own.left
    let dy = -(line.bottom - line.top) / 2 - line.top
    // …turned counter-clockwise on screen, where y grows downwards.
    let radians = text.angle * Double.pi / 180
    let x = text.center.x + dx * cos(radians) + dy * sin(radians)
    let y = text.center.y - dx * sin(radians) + dy * cos(radians)
    var corners = [Int32](repeating: 0, count: 8)
    let failure = gdImageStringFT(
      image, &corners, color(paint, in: image), font, text.fontSize * 0.75, radians,
      Int32(x.rounded()), Int32(y.rounded()), text.text)
    if let failure { throw .textRenderingFailed(font: font, reason: String(cString: failure)) }
  }

  /// The PNG encoding of the finished image.
  func pngBytes() throws(ChartError) -> [UInt8] {
    try finishShapes()
    guard let image = output else { throw .encodingFailed(reason: "no image") }
    var size: Int32 = 0
    guard let data = gdImagePngPtr(image, &size), size > 0 else {
      throw .encodingFailed(reason: "gdImagePngPtr returned no data")
    }
    defer { gdFree(data) }
    return Array(UnsafeRawBufferPointer(start: data, count: Int(size)))
  }

  private func metrics(pixelSize: Double, font: String) throws(ChartError) -> TextBounds {
    let key = "\(font)@\(pixelSize)"
    if let known = lineMetrics[key] { return known }
    let measured = try Self.bounds(of: Self.lineReference, pixelSize: pixelSize, font: font)
    lineMetrics[key] = measured
    return measured
  }

  private func scaled(_ value: Double) -> Int32 {
    Int32((value * Double(supersampling)).rounded())
  }

  private func color(_ paint: ChartColor, in image: gdImagePtr) -> Int32 {
    let alpha = Int32(((1 - min(max(paint.opacity, 0), 1)) * 127).rounded())
    return gdImageColorAllocateAlpha(
      image, Int32(paint.red), Int32(paint.green), Int32(paint.blue), alpha)
  }

  // MARK: - Measuring and decoding (no canvas needed)

  /// The string whose ink spans a font's full line: tall capitals and deep descenders.
  static let lineReference = "HÅgjy|"

  /// libgd's FreeType font cache is not thread-safe until set up once.
  private static let fontCacheReady: Bool = gdFontCacheSetup() == 0

  /// The ink bounds of `text` measured by FreeType without drawing (`gdImageStringFT(NULL, …)`).
  static func bounds(of text: String, pixelSize: Double, font: String) throws(ChartError)
    -> TextBounds
  {
    guard !text.isEmpty else { return TextBounds(left: 0, right: 0, top: 0, bottom: 0) }
    _ = fontCacheReady
    var corners = [Int32](repeating: 0, count: 8)
    // 0.75: libgd sets type at 96 dpi, so a point is 4/3 pixel.
    let failure = gdImageStringFT(nil, &corners, 0, font, pixelSize * 0.75, 0, 0, 0, text)
    if let failure { throw .textRenderingFailed(font: font, reason: String(cString: failure)) }
    // corners: lower-left (0,1), lower-right (2,3), upper-right (4,5), upper-left (6,7).
    return TextBounds(
      left: Double(min(corners[0], corners[6])), right: Double(max(corners[2], corners[4])),
      top: Double(min(corners[5], corners[7])), bottom: Double(max(corners[1], corners[3])))
  }

  /// Decodes PNG bytes into 0xRRGGBB pixels, or `nil` when libgd cannot read them.
  static func decodePNG(_ bytes: [UInt8]) -> (width: Int, height: Int, pixels: [UInt32])? {
    var copy = bytes
    let decoded = copy.withUnsafeMutableBytes { buffer in
      gdImageCreateFromPngPtr(Int32(buffer.count), buffer.baseAddress)
    }
    guard let image = decoded else { return nil }
    defer { gdImageDestroy(image) }
    let width = Int(image.pointee.sx)
    let height = Int(image.pointee.sy)
    var pixels = [UInt32](repeating: 0, count: width * height)
    for y in 0..<height {
      for x in 0..<width {
        pixels[y * width + x] =
          UInt32(truncatingIfNeeded: gdImageGetTrueColorPixel(image, Int32(x), Int32(y)))
          & 0xFF_FFFF
      }
    }
    return (width, height, pixels)
  }
}
