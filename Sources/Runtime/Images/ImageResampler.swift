// Copyright © 2026 the ssl authors.
//
// Pillow's two-pass resize for 8-bit RGB (`ImagingResampleInner`): a horizontal pass over only
// the source rows the vertical pass will read, rounded and clamped to 8 bits, then a vertical
// pass. A pass is skipped when its axis keeps its size, as Pillow does. Pillow 13 runs the
// vertical pass first when the height shrinks by more than twice as many pixels as the width
// (`inH − outH > 0 && inH − outH > 2 (inW − outW)`); earlier Pillow (the seed code's) always
// runs horizontal first. ``ResamplePassOrder`` picks one; the rounding between passes makes
// the order visible in the last bit. Every output pixel
// depends only on its own coefficients, so a crop of the result can be computed directly:
// `resize(_:width:height:filter:crop:)` runs both passes over the cropped window only and gives
// the same bytes as resizing everything and cropping afterwards.

/// A rectangle of whole pixels.
public struct PixelRect: Hashable, Sendable {
  /// The first column.
  public var x: Int
  /// The first row.
  public var y: Int
  /// The number of columns.
  public var width: Int
  /// The number of rows.
  public var height: Int

  /// Creates a rectangle.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
}

/// Which separable pass runs first (the 8-bit rounding between passes makes it matter).
public enum ResamplePassOrder: String, CaseIterable, Codable, Sendable {
  /// Pillow ≥ 13: vertical first when the height shrinks by more than twice the width's shrink.
  case pillow13
  /// Pillow ≤ 12 (the seed code's): always horizontal first.
  case horizontalFirst

  /// Whether the vertical pass runs first for this resize.
  func verticalFirst(inW: Int, inH: Int, outW: Int, outH: Int) -> Bool {
    switch self {
    case .pillow13: return inH - outH > 0 && inH - outH > 2 * (inW - outW)
    case .horizontalFirst: return false
    }
  }
}

/// Resizes ``RGBImage``s exactly like Pillow's `Image.resize` (8-bit, no `reducing_gap`).
public enum ImageResampler {
  /// The pass order used when none is given: the installed reference Pillow's (13).
  public static let defaultOrder = ResamplePassOrder.pillow13

  /// Resizes an image, optionally keeping only a window of the result.
  ///
  /// - Parameters:
  ///   - image: The source.
  ///   - width: The width of the full resized image.
  ///   - height: The height of the full resized image.
  ///   - filter: The resampling filter.
  ///   - crop: The window of the resized image to return; `nil` for all of it.
  ///   - order: Which pass runs first (Pillow 13 or earlier Pillow).
  /// - Returns: The resized (and cropped) image.
  /// - Precondition: both sizes ≥ 1, the source is not empty and `crop` lies inside
  ///   `width × height`.
  public static func resize(
    _ image: RGBImage, width: Int, height: Int, filter: ResampleFilter, crop: PixelRect? = nil,
    order: ResamplePassOrder = defaultOrder
  ) -> RGBImage {
    let window = crop ?? PixelRect(x: 0, y: 0, width: width, height: height)
    precondition(width >= 1 && height >= 1 && image.width >= 1 && image.height >= 1, "empty")
    precondition(
      window.x >= 0 && window.y >= 0 && window.width >= 0 && window.height >= 0
        && window.x + window.width <= width && window.y + window.height <= height,
      "crop \(window) outside \(width)×\(height)")
    var out = [UInt8](repeating: 0, count: window.width * window.height * 3)
    image.pixels.withUnsafeBufferPointer { src in
      out.withUnsafeMutableBufferPointer { dst in
        guard let s = src.baseAddress, let d = dst.baseAddress else { return }
        resize(
          s, width: image.width, height: image.height, toWidth: width, height: height,
          filter: filter, window: window, order: order, into: d)
      }
    }
    return RGBImage(width: window.width, height: window.height, pixels: out)
  }

  /// The pointer form: writes `window.width * window.height * 3` bytes to `out`.
  static func resize(
    _ src: UnsafePointer<UInt8>, width inW: Int, height inH: Int, toWidth outW: Int,
    height outH: Int, filter: ResampleFilter, window: PixelRect, order: ResamplePassOrder,
    into out: UnsafeMutablePointer<UInt8>
  ) {
    if window.width == 0 || window.height == 0 { return }
    let needHorizontal = outW != inW
    let needVertical = outH != inH
    let columns = window.x..<(window.x + window.width)
    let rows = window.y..<(window.y + window.height)
    if needHorizontal && needVertical
      && order.verticalFirst(inW: inW, inH: inH, outW: outW, outH: outH)
    {
      // Vertical pass over the source columns the horizontal pass reads, then horizontal.
      let h = ResampleCoefficients(inSize: inW, outSize: outW, filter: filter, outputs: columns)
      let v = ResampleCoefficients(inSize: inH, outSize: outH, filter: filter, outputs: rows)
      let span = h.sourceSpan(of: columns)
      let spanBytes = span.count * 3
      let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, window.height * spanBytes))
      defer { buffer.deallocate() }
      verticalPass(
        src + span.lowerBound * 3, stride: inW * 3, firstRow: 0, coefficients: v, rows: rows,
        rowBytes: spanBytes, into: buffer)
      horizontalPass(
        UnsafePointer(buffer), stride: spanBytes, rows: 0..<window.height, coefficients: h,
        columns: columns, firstColumn: span.lowerBound, into: out)
      return
    }
    let vertical =
      needVertical
      ? ResampleCoefficients(inSize: inH, outSize: outH, filter: filter, outputs: rows) : nil
    // The source rows the vertical pass reads (or the window's rows when it is skipped).
    let span = vertical?.sourceSpan(of: rows) ?? rows
    let rowBytes = window.width * 3

    // Horizontal pass: span rows × window columns, or a view of the source when skipped.
    var temp: UnsafeMutablePointer<UInt8>? = nil
    defer { temp?.deallocate() }
    let tempBase: UnsafePointer<UInt8>
    let tempStride: Int
    if needHorizontal {
      let h = ResampleCoefficients(inSize: inW, outSize: outW, filter: filter, outputs: columns)
      let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, span.count * rowBytes))
      temp = buffer
      horizontalPass(
        src, stride: inW * 3, rows: span, coefficients: h, columns: columns, firstColumn: 0,
        into: buffer)
      tempStride = rowBytes
      tempBase = UnsafePointer(buffer)
    } else {
      tempStride = inW * 3
      tempBase = src + span.lowerBound * tempStride + window.x * 3
    }
    if let vertical {
      verticalPass(
        tempBase, stride: tempStride, firstRow: span.lowerBound, coefficients: vertical,
        rows: rows, rowBytes: rowBytes, into: out)
    } else {
      for r in 0..<window.height {
        (out + r * rowBytes).update(from: tempBase + r * tempStride, count: rowBytes)
      }
    }
  }

  /// Converts a fixed-point sum to a byte: shift out the fraction, clamp to 0…255.
  @inline(__always)
  static func clip8(_ sum: Int32) -> UInt8 {
    let v = sum >> ResampleCoefficients.precisionBits
    return v < 0 ? 0 : (v > 255 ? 255 : UInt8(truncatingIfNeeded: v))
  }

  /// Resamples each of `rows` along x, keeping output `columns`; `src` starts at source
  /// column `firstColumn`.
  private static func horizontalPass(
    _ src: UnsafePointer<UInt8>, stride: Int, rows: Range<Int>,
    coefficients c: ResampleCoefficients,
    columns: Range<Int>, firstColumn: Int, into out: UnsafeMutablePointer<UInt8>
  ) {
    c.weights.withUnsafeBufferPointer { weights in
      c.first.withUnsafeBufferPointer { first in
        c.count.withUnsafeBufferPointer { count in
          guard let wBase = weights.baseAddress else { return }
          var o = out
          for y in rows {
            let line = src + y * stride
            for x in columns {
              let e = x - c.firstOutput
              let k = wBase + e * c.kernelSize
              var p = line + (first[e] - firstColumn) * 3
              var s0 = ResampleCoefficients.half
              var s1 = s0
              var s2 = s0
              for j in 0..<count[e] {
                let w = k[j]
                s0 &+= Int32(p[0]) &* w
                s1 &+= Int32(p[1]) &* w
                s2 &+= Int32(p[2]) &* w
                p += 3
              }
              o[0] = clip8(s0)
              o[1] = clip8(s1)
              o[2] = clip8(s2)
              o += 3
            }
          }
        }
      }
    }
  }

  /// Resamples along y: output row `r` of `rows` mixes the temp rows its coefficients name.
  private static func verticalPass(
    _ temp: UnsafePointer<UInt8>, stride: Int, firstRow: Int, coefficients c: ResampleCoefficients,
    rows: Range<Int>, rowBytes: Int, into out: UnsafeMutablePointer<UInt8>
  ) {
    let acc = UnsafeMutablePointer<Int32>.allocate(capacity: rowBytes)
    defer { acc.deallocate() }
    c.weights.withUnsafeBufferPointer { weights in
      guard let wBase = weights.baseAddress else { return }
      for (r, y) in rows.enumerated() {
        acc.initialize(repeating: ResampleCoefficients.half, count: rowBytes)
        let e = y - c.firstOutput
        let k = wBase + e * c.kernelSize
        for j in 0..<c.count[e] {
          let w = k[j]
          let line = temp + (c.first[e] + j - firstRow) * stride
          for i in 0..<rowBytes { acc[i] &+= Int32(line[i]) &* w }
        }
        let o = out + r * rowBytes
        for i in 0..<rowBytes { o[i] = clip8(acc[i]) }
      }
    }
  }
}
