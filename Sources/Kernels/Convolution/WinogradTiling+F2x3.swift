// Copyright © 2026 the ssl authors.
//
// WinogradTiling+F2x3.swift — hand-specialised F(2×2, 3×3) tile transforms.
//
// The generic transforms in WinogradTiling.swift multiply α×α matrices in loops over arrays;
// profiled on ResNet-50's 3×3 layers (batch 16) they cost 3–8× the GEMMs they feed, which made
// Winograd slower than im2col. With F(2,3)'s matrices written out, each transform is a handful
// of SIMD4 adds:
//   Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1]     (input:  V = Bᵀ·d·B)
//   Aᵀ = [1 1 1 0; 0 1 −1 −1]                         (output: Y = Aᵀ·M·A)
// Input: rows are SIMD4 vectors (the column index j in the lanes), so Bᵀ·d is lane-wise adds
// of rows; four channels' results are then transposed so ·B is lane-wise too and each V[ξ]
// gets one vector store of 4 consecutive channels. Output: M[ξ]'s channels are contiguous, so
// Aᵀ·M·A runs on 4-channel vectors straight from memory. Measured per core on ResNet-50's
// 256- and 512-channel layers (batch 8), against one channel at a time: see Kernels/README.md. Interior tiles read the input directly; tiles
// touching the padding or the edge are gathered into a zero-filled 4×4 patch first.
// Same layouts as WinogradTiling.swift. Bit-for-bit the same sums as the generic path except
// for operand order (all coefficients are 0 or ±1, so no rounding from the matrices).

extension WinogradTiling {
  /// Step 1 for F(2,3): V[ξ][t − t0][c] = (Bᵀ·d·B)[ξ].
  func transformInputF2x3(
    _ input: UnsafeBufferPointer<Float>, tiles: Range<Int>,
    into v: UnsafeMutableBufferPointer<Float>
  ) {
    guard let x = input.baseAddress, let vp = v.baseAddress else { return }
    let ctx = UncheckedSendable((x, vp))
    let (height, width, channels, plane) = (g.inHeight, g.inWidth, g.inChannels, g.inPlane)
    let stride = block * channels
    Parallel.forEachChunk(count: tiles.count, minChunk: 16) { chunk in
      let (x, vp) = ctx.value
      for local in chunk {
        let (n, oh, ow) = origin(tiles.lowerBound + local)
        let ih0 = oh - g.padHeight
        let iw0 = ow - g.padWidth
        let interior = ih0 >= 0 && iw0 >= 0 && ih0 + 4 <= height && iw0 + 4 <= width
        let out = vp + local * channels
        let image = x + n * channels * plane
        func patch(_ c: Int) -> (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) {
          if interior {
            let raw = UnsafeRawPointer(image + c * plane + ih0 * width + iw0)
            return (
              raw.loadUnaligned(as: SIMD4<Float>.self),
              raw.loadUnaligned(fromByteOffset: 4 * width, as: SIMD4<Float>.self),
              raw.loadUnaligned(fromByteOffset: 8 * width, as: SIMD4<Float>.self),
              raw.loadUnaligned(fromByteOffset: 12 * width, as: SIMD4<Float>.self))
          }
          return gatherPatch(image + c * plane, ih0: ih0, iw0: iw0, height: height, width: width)
        }
        // Four channels at a time: Bᵀ·d per channel (lanes = columns), then a 4×4 transpose
        // puts the channels in the lanes, so ·B is lane-wise too and each V[ξ] gets one
        // 4-channel vector store (V's channels are contiguous).
        var c = 0
        while c + 4 <= channels {
          let r0 = Self.leftF2x3(patch(c))
          let r1 = Self.leftF2x3(patch(c + 1))
          let r2 = Self.leftF2x3(patch(c + 2))
          let r3 = Self.leftF2x3(patch(c + 3))
          let o = out + c
          Self.storeRows4F2x3(r0.0, r1.0, r2.0, r3.0, to: o, stride: stride)
          Self.storeRows4F2x3(r0.1, r1.1, r2.1, r3.1, to: o + 4 * stride, stride: stride)
          Self.storeRows4F2x3(r0.2, r1.2, r2.2, r3.2, to: o + 8 * stride, stride: stride)
          Self.storeRows4F2x3(r0.3, r1.3, r2.3, r3.3, to: o + 12 * stride, stride: stride)
          c += 4
        }
        while c < channels {  // the remaining 0–3 channels, one at a time
          let t = Self.leftF2x3(patch(c))
          // ·B: the same combinations across lanes; V[ξ = 4i + j] goes to out[ξ·stride + c].
          let o = out + c
          Self.storeRowF2x3(t.0, to: o, stride: stride)
          Self.storeRowF2x3(t.1, to: o + 4 * stride, stride: stride)
          Self.storeRowF2x3(t.2, to: o + 8 * stride, stride: stride)
          Self.storeRowF2x3(t.3, to: o + 12 * stride, stride: stride)
          c += 1
        }
      }
    }
  }

  /// Bᵀ·d: lane-wise row combinations of a 4×4 patch (rows as vectors).
  @inline(__always)
  private static func leftF2x3(
    _ d: (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>)
  ) -> (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) {
    (d.0 - d.2, d.1 + d.2, d.2 - d.1, d.1 - d.3)
  }

  /// Rows `a…d` (row i of Bᵀ·d for four consecutive channels) times B: after a transpose
  /// each column is a 4-channel vector, and V[4i + j] gets one vector store.
  @inline(__always)
  private static func storeRows4F2x3(
    _ a: SIMD4<Float>, _ b: SIMD4<Float>, _ c: SIMD4<Float>, _ d: SIMD4<Float>,
    to row: UnsafeMutablePointer<Float>, stride: Int
  ) {
    let (u0, u1, u2, u3) = transpose4(a, b, c, d)
    let raw = UnsafeMutableRawPointer(row)
    raw.storeBytes(of: u0 - u2, as: SIMD4<Float>.self)
    raw.storeBytes(of: u1 + u2, toByteOffset: 4 * stride, as: SIMD4<Float>.self)
    raw.storeBytes(of: u2 - u1, toByteOffset: 8 * stride, as: SIMD4<Float>.self)
    raw.storeBytes(of: u1 - u3, toByteOffset: 12 * stride, as: SIMD4<Float>.self)
  }

  /// The 4×4 transpose of rows `a…d`.
  @inline(__always)
  static func transpose4(
    _ a: SIMD4<Float>, _ b: SIMD4<Float>, _ c: SIMD4<Float>, _ d: SIMD4<Float>
  ) -> (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) {
    (
      SIMD4(a.x, b.x, c.x, d.x), SIMD4(a.y, b.y, c.y, d.y), SIMD4(a.z, b.z, c.z, d.z),
      SIMD4(a.w, b.w, c.w, d.w)
    )
  }

  /// Row `t` of Bᵀ·d times B: four values `stride` apart.
  @inline(__always)
  private static func storeRowF2x3(
    _ t: SIMD4<Float>, to row: UnsafeMutablePointer<Float>, stride: Int
  ) {
    row[0] = t.x - t.z
    row[stride] = t.y + t.z
    row[2 * stride] = t.z - t.y
    row[3 * stride] = t.y - t.w
  }

  /// A 4×4 patch with zeros outside the input plane.
  @inline(__always)
  private func gatherPatch(
    _ plane: UnsafePointer<Float>, ih0: Int, iw0: Int, height: Int, width: Int
  ) -> (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) {
    // Rows inside the plane are one vector load when all four columns are inside, or one
    // load and a lane shift on the left edge (pad 1); only other edges go element by element.
    let fullRow = iw0 >= 0 && iw0 + 4 <= width
    let leftEdge = iw0 == -1 && width >= 4
    func row(_ i: Int) -> SIMD4<Float> {
      let ih = ih0 + i
      guard ih >= 0 && ih < height else { return SIMD4() }
      let start = UnsafeRawPointer(plane + ih * width)
      if fullRow { return start.loadUnaligned(fromByteOffset: 4 * iw0, as: SIMD4<Float>.self) }
      if leftEdge {
        let v = start.loadUnaligned(as: SIMD4<Float>.self)
        return SIMD4(0, v.x, v.y, v.z)
      }
      var r = SIMD4<Float>()
      for j in 0..<4 {
        let iw = iw0 + j
        if iw >= 0 && iw < width { r[j] = plane[ih * width + iw] }
      }
      return r
    }
    return (row(0), row(1), row(2), row(3))
  }

  /// Step 3 for F(2,3): Y = Aᵀ·M·A per tile and output channel, then the epilogue.
  func transformOutputF2x3(
    _ mm: UnsafeBufferPointer<Float>, tiles: Range<Int>, epilogue: Conv2DEpilogue,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    guard let mp = mm.baseAddress, let y = output.baseAddress else { return }
    let ctx = UncheckedSendable((mp, y, epilogue))
    let (outHeight, outWidth, channels) = (g.outHeight, g.outWidth, g.outChannels)
    let stride = block * channels
    Parallel.forEachChunk(count: tiles.count, minChunk: 16) { chunk in
      let (mp, y, epilogue) = ctx.value
      let bias = epilogue.bias?.baseAddress
      let residual = epilogue.residual?.baseAddress
      for local in chunk {
        let (n, oh, ow) = origin(tiles.lowerBound + local)
        let full = oh + 2 <= outHeight && ow + 2 <= outWidth
        // Four output channels at a time: M's channels are contiguous, so each M[ξ] is one
        // 4-channel vector load and Aᵀ·M·A is lane-wise; a transpose then gives each channel
        // its 2×2 values. The last 0–3 channels go one at a time.
        var o = 0
        while o + 4 <= channels {
          let s = UnsafeRawPointer(mp + local * channels + o)
          func m(_ xi: Int) -> SIMD4<Float> {
            s.loadUnaligned(fromByteOffset: 4 * xi * stride, as: SIMD4<Float>.self)
          }
          // Aᵀ·M, rows 0 and 1, column j; then ·A.
          let a0 = m(0) + m(4) + m(8)
          let a1 = m(1) + m(5) + m(9)
          let a2 = m(2) + m(6) + m(10)
          let a3 = m(3) + m(7) + m(11)
          let b0 = m(4) - m(8) - m(12)
          let b1 = m(5) - m(9) - m(13)
          let b2 = m(6) - m(10) - m(14)
          let b3 = m(7) - m(11) - m(15)
          let (v0, v1, v2, v3) = Self.transpose4(
            a0 + a1 + a2, a1 - a2 - a3, b0 + b1 + b2, b1 - b2 - b3)
          write(v0, channel: o)
          write(v1, channel: o + 1)
          write(v2, channel: o + 2)
          write(v3, channel: o + 3)
          o += 4
        }
        while o < channels {
          let s = mp + local * channels + o
          func row(_ i: Int) -> SIMD4<Float> {
            let r = s + 4 * i * stride
            return SIMD4(r[0], r[stride], r[2 * stride], r[3 * stride])
          }
          let (m0, m1, m2, m3) = (row(0), row(1), row(2), row(3))
          let u0 = m0 + m1 + m2  // Aᵀ·M, row 0
          let u1 = m1 - m2 - m3  // Aᵀ·M, row 1
          write(
            SIMD4<Float>(
              u0.x + u0.y + u0.z, u0.y - u0.z - u0.w, u1.x + u1.y + u1.z, u1.y - u1.z - u1.w),
            channel: o)
          o += 1
        }
        /// Channel `o`'s 2×2 outputs (y00, y01, y10, y11) plus the epilogue, into NCHW.
        func write(_ conv: SIMD4<Float>, channel o: Int) {
          var values = conv
          if let bias { values += SIMD4(repeating: bias[o]) }
          let base = ((n * channels + o) * outHeight + oh) * outWidth + ow
          if full {
            if let residual {
              values += SIMD4(
                residual[base], residual[base + 1], residual[base + outWidth],
                residual[base + outWidth + 1])
            }
            if epilogue.relu { values.replace(with: 0, where: values .< 0) }
            y[base] = values.x
            y[base + 1] = values.y
            y[base + outWidth] = values.z
            y[base + outWidth + 1] = values.w
          } else {
            for i in 0..<min(2, outHeight - oh) {
              for j in 0..<min(2, outWidth - ow) {
                let index = base + i * outWidth + j
                var value = values[2 * i + j]
                if let residual { value += residual[index] }
                if epilogue.relu { value = value < 0 ? 0 : value }
                y[index] = value
              }
            }
          }
        }
      }
    }
  }
}
