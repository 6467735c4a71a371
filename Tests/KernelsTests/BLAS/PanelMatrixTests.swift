// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import TestSupport
import Testing

/// `PanelMatrix`'s two thin products against the Double-summing `ReferenceGEMM`, on shapes that
/// cut every panel and block edge (n, d not multiples of 16; K not a multiple of 6; K < 6; one
/// row; one column), through both C kernels (AVX2 + FMA when the CPU has it, and the portable
/// twin), with one and two threads. The thin operands are Double values that are exact in
/// float32, so the float32 reference sees the same operands the kernels round to.
@Suite(.serialized) struct PanelMatrixTests {
  /// (n, d, K)
  static let shapes: [(Int, Int, Int)] = [
    (1, 1, 1), (1, 17, 5), (17, 1, 7), (16, 16, 6), (33, 40, 13), (70, 35, 37), (129, 65, 2),
    (200, 300, 12),
  ]

  /// Tolerance: rtol 1e-5, atol 1e-5·√(reduction length) — fp32 sums of ≤ 300 O(1) terms.
  @Test(arguments: shapes.indices, [false, true])
  func productsMatchReference(index: Int, portable: Bool) {
    let (n, d, k) = Self.shapes[index]
    var rng = SeededGenerator(seed: UInt64(400 + index))
    let x = uniformFloats(n * d, using: &rng)
    let w = uniformFloats(k * d, using: &rng)
    let g = uniformFloats(n * k, using: &rng)
    let bias = (0..<k).map { Double($0) - 0.5 }
    var expectedZ = [Float](repeating: 0, count: n * k)
    var expectedO = [Float](repeating: 0, count: k * d)
    x.withUnsafeBufferPointer { xb in
      w.withUnsafeBufferPointer { wb in
        expectedZ.withUnsafeMutableBufferPointer {
          ReferenceGEMM.sgemm(transB: true, m: n, n: k, k: d, a: xb, lda: d, b: wb, ldb: d,
            c: $0, ldc: k)
        }
      }
      g.withUnsafeBufferPointer { gb in
        expectedO.withUnsafeMutableBufferPointer {
          ReferenceGEMM.sgemm(transA: true, m: k, n: d, k: n, a: gb, lda: k, b: xb, ldb: d,
            c: $0, ldc: d)
        }
      }
    }
    let before = BLASThreads.current
    defer { BLASThreads.set(before) }
    for threads in [1, 2] {
      BLASThreads.set(threads)
      let run = {
        let panels = x.withUnsafeBufferPointer { PanelMatrix(rows: n, columns: d, values: $0) }
        // NaN-filled outputs: every element must be written.
        var z = [Double](repeating: .nan, count: n * k)
        var zb = [Double](repeating: .nan, count: n * k)
        var o = [Double](repeating: .nan, count: k * d)
        w.map(Double.init).withUnsafeBufferPointer { wb in
          z.withUnsafeMutableBufferPointer { panels.timesTransposed(wb, outputs: k, into: $0) }
          bias.withUnsafeBufferPointer { bb in
            zb.withUnsafeMutableBufferPointer {
              panels.timesTransposed(wb, bias: bb, outputs: k, into: $0)
            }
          }
        }
        g.map(Double.init).withUnsafeBufferPointer { gb in
          o.withUnsafeMutableBufferPointer { panels.transposedTimes(gb, outputs: k, into: $0) }
        }
        return (z, zb, o)
      }
      let (z, zb, o) = portable ? withPortablePanelKernels(run) : run()
      let label = "n\(n) d\(d) K\(k) threads \(threads) portable \(portable)"
      let z64 = expectedZ.map(Double.init)
      assertClose(z, z64, rtol: 1e-5, atol: 1e-5 * Double(d).squareRoot(), "X·Wᵀ \(label)")
      // The bias is added in Double to the widened float32 sum: exactly z + b.
      #expect(zb == z.indices.map { z[$0] + bias[$0 % k] }, "X·Wᵀ + b \(label)")
      assertClose(
        o, expectedO.map(Double.init), rtol: 1e-5, atol: 1e-5 * Double(n).squareRoot(),
        "Gᵀ·X \(label)")
    }
  }

  /// The two paths differ only by FMA rounding: each output is the same ordered float32 sum.
  @Test func acceleratedAndPortableAgreeClosely() {
    let (n, d, k) = (300, 257, 37)
    var rng = SeededGenerator(seed: 77)
    let x = normalFloats(n * d, using: &rng)
    let w = normalFloats(k * d, using: &rng).map(Double.init)
    let panels = x.withUnsafeBufferPointer { PanelMatrix(rows: n, columns: d, values: $0) }
    func product() -> [Double] {
      var z = [Double](repeating: 0, count: n * k)
      w.withUnsafeBufferPointer { wb in
        z.withUnsafeMutableBufferPointer { panels.timesTransposed(wb, outputs: k, into: $0) }
      }
      return z
    }
    let fast = product()
    let portable = withPortablePanelKernels(product)
    let scale = fast.map(abs).max() ?? 1
    let gap = zip(fast, portable).map { abs($0 - $1) }.max() ?? 0
    #expect(gap <= 1e-5 * scale, "max gap \(gap) vs max |z| \(scale)")
  }

  @Test func emptyShapesWriteZeros() {
    let panels = [Float]().withUnsafeBufferPointer { PanelMatrix(rows: 3, columns: 0, values: $0) }
    var z = [Double](repeating: .nan, count: 3 * 2)
    [Double]().withUnsafeBufferPointer { wb in
      z.withUnsafeMutableBufferPointer { panels.timesTransposed(wb, outputs: 2, into: $0) }
    }
    #expect(z == [Double](repeating: 0, count: 6))
    [Double]().withUnsafeBufferPointer { wb in
      [1.5, -2].withUnsafeBufferPointer { bb in
        z.withUnsafeMutableBufferPointer {
          panels.timesTransposed(wb, bias: bb, outputs: 2, into: $0)
        }
      }
    }
    #expect(z == [1.5, -2, 1.5, -2, 1.5, -2])
  }

  /// Balanced blocks: ⌈K/6⌉ blocks whose sizes differ by at most one, covering 0..<K in order.
  @Test(arguments: [1, 5, 6, 7, 12, 13, 37, 100])
  func thinBlocksPartitionTheOutputs(k: Int) {
    let blocks = PanelMatrix.thinBlocks(outputs: k)
    #expect(blocks.count == (k + 5) / 6)
    var next = 0
    for block in blocks {
      #expect(block.lowerBound == next, "K \(k): \(blocks)")
      next = block.upperBound
    }
    let sizes = blocks.map(\.count)
    #expect(next == k)
    #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1 && (sizes.max() ?? 0) <= 6, "\(sizes)")
  }
}
