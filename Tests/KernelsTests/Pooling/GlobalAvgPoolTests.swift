// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import TestSupport
import Testing

@Suite struct GlobalAvgPoolTests {
  /// Tolerance: exact — both sum in Double and round once (same order).
  @Test(arguments: [(2, 3, 7, 7), (1, 17, 1, 1), (3, 5, 13, 11), (2, 64, 56, 56)])
  func forwardMatchesReference(shape: (Int, Int, Int, Int)) {
    let (n, c, h, w) = shape
    var rng = SeededGenerator(seed: UInt64(600 + c))
    let x = uniformFloats(n * c * h * w, in: 0...10, using: &rng)
    var fast = [Float](repeating: .nan, count: n * c)
    var slow = fast
    x.withUnsafeBufferPointer { x in
      fast.withUnsafeMutableBufferPointer { y in
        GlobalAvgPool.forward(input: x, planes: n * c, planeSize: h * w, output: y)
      }
      slow.withUnsafeMutableBufferPointer { y in
        ReferencePool.globalAvgPool(input: x, batch: n, channels: c, height: h, width: w, output: y)
      }
    }
    #expect(fast == slow)
  }

  /// A mean Float accumulation would get wrong: 1e8 followed by many 1s. Tolerance: exact.
  @Test func accumulatesInDouble() {
    var x = [Float](repeating: 1, count: 4_096)
    x[0] = 1e8
    var y: [Float] = [0]
    x.withUnsafeBufferPointer { x in
      y.withUnsafeMutableBufferPointer { y in
        GlobalAvgPool.forward(input: x, planes: 1, planeSize: 4_096, output: y)
      }
    }
    #expect(y[0] == Float((1e8 + 4_095.0) / 4_096.0))
  }
}
