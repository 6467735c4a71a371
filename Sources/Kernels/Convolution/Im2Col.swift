// Copyright © 2026 the ssl authors.
//
// Im2Col.swift — unfolds convolution patches into a matrix so the convolution becomes a GEMM.
//
// Algorithm: row r = (c, kh, kw) of the column matrix holds, for every output pixel (oh, ow),
// the input value x[c, oh·sH − pH + kh·dH, ow·sW − pW + kw·dW], or 0 where that falls in the
// padding. For each (row, oh) the valid `ow` range is computed once, so the inner loop is a
// plain copy (stride 1) or a strided gather (stride 2) with no bounds tests; padding is written
// as zero runs. With a 1×1 kernel this is exactly the strided gather a 1×1 stride-2
// convolution needs.
//
// Layouts: input [N, C, H, W]; columns for images n0..<n0+g:
//   // [C*KH*KW, g*OH*OW]   column index = j·OH·OW + oh·OW + ow   (j = n − n0)
// One image (g = 1) gives the classic [C*KH*KW, OH*OW], which `W[O, C*KH*KW] × cols` turns
// straight into the image's [O, OH*OW] NCHW output.
//
// Reference: `ReferenceConv2D` (the tests compare im2col + reference GEMM to it).

/// Patch unfolding (im2col) for ``Conv2D``.
public enum Im2Col {
  /// Elements of the column matrix for `images` images, C·KH·KW · images·OH·OW, or for
  /// `rows` output rows of one image, C·KH·KW · rows·OW.
  public static func columnCount(
    _ geometry: Conv2DGeometry, images: Int = 1, rows: Int? = nil
  ) -> Int {
    geometry.patchSize * images * (rows.map { $0 * geometry.outWidth } ?? geometry.outPlane)
  }

  /// Unfolds images `images` of `input` into `columns`.
  ///
  /// - Parameters:
  ///   - input: the batch, [N, C, H, W].
  ///   - geometry: the convolution geometry (must be valid).
  ///   - images: the images to unfold, a sub-range of `0..<N`.
  ///   - outputRows: the output rows to unfold (all by default); a band of rows gives the
  ///     columns of that band only, `// [C*KH*KW, g*rows*OW]`.
  ///   - columns: receives `// [C*KH*KW, g*OH*OW]` with g = `images.count`; at least
  ///     ``columnCount(_:images:rows:)`` elements.
  public static func fill(
    input: UnsafeBufferPointer<Float>, geometry g: Conv2DGeometry, images: Range<Int>,
    outputRows: Range<Int>? = nil, columns: UnsafeMutableBufferPointer<Float>
  ) {
    let band = outputRows ?? 0..<g.outHeight
    precondition(band.lowerBound >= 0 && band.upperBound <= g.outHeight, "Im2Col: bad rows")
    precondition(g.isValid, "Im2Col: invalid geometry \(g)")
    precondition(input.count == g.inputCount, "Im2Col: input has \(input.count) elements")
    precondition(images.lowerBound >= 0 && images.upperBound <= g.batch, "Im2Col: bad images")
    precondition(
      columns.count >= columnCount(g, images: images.count, rows: band.count),
      "Im2Col: columns short")
    guard let src = input.baseAddress, let dst = columns.baseAddress, !images.isEmpty else {
      return
    }
    let rows = g.patchSize
    let count = images.count
    let ctx = UncheckedSendable((src, dst))
    let span = band.count * g.outWidth
    // One work item = one (row, image) pair: rows·OW elements.
    Parallel.forEachChunk(count: rows * count, minChunk: max(1, 8_192 / max(1, span))) { range in
      let (src, dst) = ctx.value
      for item in range {
        let r = item / count
        let j = item % count
        fillRow(
          r, image: images.lowerBound + j, geometry: g, outputRows: band, input: src,
          out: dst + r * count * span + j * span)
      }
    }
  }

  /// Writes row `r` = (c, kh, kw) of one image's patch matrix for output rows `band`:
  /// band.count·OW values.
  @inline(__always)
  private static func fillRow(
    _ r: Int, image n: Int, geometry g: Conv2DGeometry, outputRows band: Range<Int>,
    input: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>
  ) {
    let kk = g.kernelHeight * g.kernelWidth
    let c = r / kk
    let kh = (r / g.kernelWidth) % g.kernelHeight
    let kw = r % g.kernelWidth
    let plane = input + (n * g.inChannels + c) * g.inPlane  // [H, W]
    let ihOffset = kh * g.dilationHeight - g.padHeight
    let iwOffset = kw * g.dilationWidth - g.padWidth
    let sw = g.strideWidth
    let ow = g.outWidth
    // Valid ow: 0 ≤ ow·sw + iwOffset ≤ W − 1.
    let lo = min(ow, iwOffset >= 0 ? 0 : (-iwOffset + sw - 1) / sw)
    let last = g.inWidth - 1 - iwOffset
    let hi = max(lo, min(ow, last < 0 ? 0 : last / sw + 1))
    for oh in band {
      let ih = oh * g.strideHeight + ihOffset
      let row = out + (oh - band.lowerBound) * ow
      guard ih >= 0 && ih < g.inHeight else {
        row.update(repeating: 0, count: ow)
        continue
      }
      if lo > 0 { row.update(repeating: 0, count: lo) }
      let inRow = plane + ih * g.inWidth + iwOffset  // inRow[ow·sw] is x[c, ih, iw]
      if sw == 1 {
        (row + lo).update(from: inRow + lo, count: hi - lo)
      } else if sw == 2 {
        stride2Gather(from: inRow, into: row, lo: lo, hi: hi)
      } else {
        for x in lo..<hi { row[x] = inRow[x * sw] }
      }
      if hi < ow { (row + hi).update(repeating: 0, count: ow - hi) }
    }
  }

  /// `row[x] = inRow[2x]` for x in `lo..<hi`, four at a time: one 8-float load keeps its even
  /// lanes (the stem and every stride-2 layer; the scalar gather was ~2 % of a forward).
  /// A vector reads up to inRow[2x + 7], so it runs only while x + 5 ≤ hi (then 2x + 7 <
  /// 2(hi − 1), an index the scalar loop would read too); the rest is scalar.
  @inline(__always)
  private static func stride2Gather(
    from inRow: UnsafePointer<Float>, into row: UnsafeMutablePointer<Float>, lo: Int, hi: Int
  ) {
    var x = lo
    let source = UnsafeRawPointer(inRow)
    let target = UnsafeMutableRawPointer(row)
    while x + 5 <= hi {
      let pair = source.loadUnaligned(fromByteOffset: 8 * x, as: SIMD8<Float>.self)
      target.storeBytes(of: pair.evenHalf, toByteOffset: 4 * x, as: SIMD4<Float>.self)
      x += 4
    }
    while x < hi {
      row[x] = inRow[2 * x]
      x += 1
    }
  }
}
