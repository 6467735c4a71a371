// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import TestSupport
import Testing

@Suite struct MaxPool2DTests {
  static let geometries: [PoolGeometry] = [
    .init(batch: 2, channels: 3, inHeight: 112, inWidth: 112, kernel: 3, stride: 2, padding: 1),
    .init(batch: 1, channels: 5, inHeight: 7, inWidth: 9, kernel: 3, stride: 2, padding: 1),
    .init(batch: 3, channels: 2, inHeight: 8, inWidth: 5, kernel: 2),
    .init(batch: 1, channels: 4, inHeight: 10, inWidth: 11, kernel: 3, stride: 2, padding: 1,
      ceilMode: true),
    .init(batch: 2, channels: 1, inHeight: 6, inWidth: 13, kernelHeight: 3, kernelWidth: 5,
      strideHeight: 1, strideWidth: 3, padHeight: 1, padWidth: 2),
    // The stem's vector path with an odd width and a clipped last window (ceil mode).
    .init(batch: 1, channels: 2, inHeight: 33, inWidth: 41, kernel: 3, stride: 2, padding: 1,
      ceilMode: true),
  ]

  /// Tolerance: exact — max-pooling only selects values.
  @Test(arguments: geometries.indices)
  func forwardMatchesReference(index: Int) {
    let g = Self.geometries[index]
    #expect(g.isValid)
    var rng = SeededGenerator(seed: UInt64(500 + index))
    // Negative values make −∞ padding matter (zero padding would win the max).
    let x = uniformFloats(g.inputCount, in: -2...(-0.5), using: &rng)
    #expect(run(x, g, reference: false) == run(x, g, reference: true))
  }

  /// NaN propagates, as in PyTorch.
  @Test func nanPropagates() {
    let g = PoolGeometry(batch: 1, channels: 1, inHeight: 4, inWidth: 4, kernel: 2)
    var x = [Float](repeating: 1, count: 16)
    x[5] = .nan
    let y = run(x, g, reference: false)
    #expect(y[0].isNaN && y[1] == 1 && y[2] == 1 && y[3] == 1)
  }

  /// NaN anywhere in a window (first row, later rows, edges) gives NaN, exactly where the
  /// reference has it, on the stem's 3×3/2 pad-1 geometry and an odd non-square one.
  @Test(arguments: [0, 1, 4, 5])
  func nanPositionsMatchReference(index: Int) {
    let g = Self.geometries[index]
    var rng = SeededGenerator(seed: UInt64(550 + index))
    var x = uniformFloats(g.inputCount, in: -2...(-0.5), using: &rng)
    for i in stride(from: index, to: x.count, by: 37) { x[i] = .nan }
    let fast = run(x, g, reference: false)
    let reference = run(x, g, reference: true)
    #expect(fast.contains { $0.isNaN })
    #expect(zip(fast, reference).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
  }

  private func run(_ x: [Float], _ g: PoolGeometry, reference: Bool) -> [Float] {
    var y = [Float](repeating: 0, count: g.outputCount)
    x.withUnsafeBufferPointer { x in
      y.withUnsafeMutableBufferPointer { y in
        if reference {
          ReferencePool.maxPool2D(input: x, geometry: g, output: y)
        } else {
          MaxPool2D.forward(input: x, geometry: g, output: y)
        }
      }
    }
    return y
  }
}
