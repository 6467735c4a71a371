// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import TestSupport
import Testing

/// `PanelMatrix`'s two thin products against the Double-summing `ReferenceGEMM`, on shapes that
/// cut every panel and block edge (n, d not multiples of 16; K not a multiple of 6 or 8; K < 6;
/// one row; one column), through every C kernel this CPU runs (AVX-512F, AVX2 + FMA, and the
/// portable twin), with one and two threads. The thin operands are Double values that are exact in
/// float32, so the float32 reference sees the same operands the kernels round to.
@Suite(.serialized) struct PanelMatrixTests {
  /// (n, d, K)
  static let shapes: [(Int, Int, Int)] = [
    (1, 1, 1), (1, 17, 5), (17, 1, 7), (16, 16, 6), (33, 40, 13), (70, 35, 37), (129, 65, 2),
    (200, 300, 12), (600, 500, 37),
  ]

  /// Tolerance: rtol 1e-5, atol 1e-5·√(reduction length) — fp32 sums of ≤ 300 O(1) terms.
  @Test(arguments: shapes.indices, PanelMatrix.Kernel.allCases)
  func productsMatchReference(index: Int, kernel: PanelMatrix.Kernel) {
    // A kernel this CPU lacks is covered by `kernelFollowsTheCPUFlags`.
    guard withPanelKernels(atMost: kernel, { PanelMatrix.kernel }) == kernel else { return }
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
      let (z, zb, o) = withPanelKernels(atMost: kernel, run)
      let label = "n\(n) d\(d) K\(k) threads \(threads) \(kernel)"
      let z64 = expectedZ.map(Double.init)
      assertClose(z, z64, rtol: 1e-5, atol: 1e-5 * Double(d).squareRoot(), "X·Wᵀ \(label)")
      // The bias is added in Double to the widened float32 sum: exactly z + b.
      #expect(zb == z.indices.map { z[$0] + bias[$0 % k] }, "X·Wᵀ + b \(label)")
      assertClose(
        o, expectedO.map(Double.init), rtol: 1e-5, atol: 1e-5 * Double(n).squareRoot(),
        "Gᵀ·X \(label)")
    }
  }

  /// Every output is the same ordered float32 sum on every path: the two vector kernels (one
  /// FMA per term) agree bit for bit, the portable loop (multiply, then add) up to rounding.
  @Test func kernelsAgree() {
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
    if PanelMatrix.kernel == .avx512 {
      #expect(fast == withPanelKernels(atMost: .avx2, product), "AVX-512F vs AVX2")
    }
    let portable = withPanelKernels(atMost: .portable, product)
    let scale = fast.map(abs).max() ?? 1
    let gap = zip(fast, portable).map { abs($0 - $1) }.max() ?? 0
    #expect(gap <= 1e-5 * scale, "max gap \(gap) vs max |z| \(scale)")
  }

  /// Packed copies of 2 MiB or more start on a 2 MiB boundary, where huge pages can back
  /// them; smaller ones on a 64-byte boundary.
  @Test func storageAlignment() {
    for (rows, columns, alignment) in [(520, 1024, 2 << 20), (33, 40, 64)] {
      let x = [Float](repeating: 1, count: rows * columns)
      let panels = x.withUnsafeBufferPointer {
        PanelMatrix(rows: rows, columns: columns, values: $0)
      }
      #expect(panels.storageAddresses.count == 2)
      for address in panels.storageAddresses {
        #expect(address != 0 && address % UInt(alignment) == 0, "\(String(address, radix: 16))")
      }
    }
  }

  /// A freed matrix's copies (2 MiB or more) go to the pool, the next matrix of the same size
  /// packs into them, and its products are those of its own values.
  @Test func freedCopiesAreReused() {
    PanelMatrix.releasePooledStorage()
    let (n, d) = (16, 300_001)  // two copies of 19.2 MB: a size no other test packs
    func make(_ offset: Int) -> PanelMatrix {
      let x = (0..<(n * d)).map { Float(($0 + offset) % 7 - 3) }
      return x.withUnsafeBufferPointer { PanelMatrix(rows: n, columns: d, values: $0) }
    }
    var first: PanelMatrix? = make(0)
    let addresses = Set(first!.storageAddresses)
    first = nil
    var second: PanelMatrix! = make(1)
    #expect(Set(second.storageAddresses) == addresses)
    // Row sums: exact in float32 (integers below 2²⁴), computed here in Double.
    let ones = [Double](repeating: 1, count: d)
    var z = [Double](repeating: .nan, count: n)
    ones.withUnsafeBufferPointer { w in
      z.withUnsafeMutableBufferPointer { second.timesTransposed(w, outputs: 1, into: $0) }
    }
    let expected = (0..<n).map { i in
      (0..<d).reduce(0.0) { $0 + Double((i * d + $1 + 1) % 7 - 3) }
    }
    #expect(z == expected)
    #expect(PanelMatrix.releasePooledStorage() == 0, "both copies are in use")
    second = nil
    #expect(PanelMatrix.releasePooledStorage() == 2 * 20 << 20, "two copies, 2 MiB-rounded")
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

  /// The kernel in use is the best the CPU's flags (`/proc/cpuinfo`, read independently of the
  /// C kernels' CPUID checks) allow.
  @Test func kernelFollowsTheCPUFlags() throws {
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return }  // not Linux: nothing independent to compare with
    let flags = Set(line.split(separator: " ").map(String.init))
    let expected: PanelMatrix.Kernel =
      flags.contains("avx512f") ? .avx512
      : flags.isSuperset(of: ["avx2", "fma"]) ? .avx2 : .portable
    #expect(PanelMatrix.kernel == expected, "flags say \(expected)")
    #expect(PanelMatrix.isAccelerated == (expected != .portable))
  }

  /// Balanced blocks: ⌈K/B⌉ blocks (B = 6, or 8 for AVX-512) whose sizes differ by at most one,
  /// covering 0..<K in order.
  @Test(arguments: [1, 5, 6, 7, 8, 9, 12, 13, 37, 100], [PanelMatrix.Kernel.avx2, .avx512])
  func thinBlocksPartitionTheOutputs(k: Int, kernel: PanelMatrix.Kernel) {
    let size = kernel == .avx512 ? 8 : 6
    let blocks = PanelMatrix.thinBlocks(outputs: k, kernel: kernel)
    #expect(blocks.count == (k + size - 1) / size)
    var next = 0
    for block in blocks {
      #expect(block.lowerBound == next, "K \(k): \(blocks)")
      next = block.upperBound
    }
    let sizes = blocks.map(\.count)
    #expect(next == k)
    #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1 && (sizes.max() ?? 0) <= size, "\(sizes)")
  }
}
