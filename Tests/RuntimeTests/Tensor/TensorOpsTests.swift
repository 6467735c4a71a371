// Copyright © 2026 the ssl authors.
//
// Tensor ops against naive Double loops written here (fast-vs-reference, house rules §44b):
// conv2d rtol 1e-4 / atol 1e-5, pooling and linear 1e-5.

import TestSupport
import Testing

@testable import Runtime

@Suite struct TensorOpsTests {
  /// Direct convolution in Double: [N, C, H, W] ∗ [O, C, K, K] (+ bias, residual, ReLU).
  static func naiveConv(
    _ x: Tensor, _ w: Tensor, bias: [Float]?, residual: [Float]?, relu: Bool, stride: Int,
    padding: Int
  ) -> [Float] {
    let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (o, k) = (w.shape[0], w.shape[2])
    let oh = (h + 2 * padding - k) / stride + 1
    let ow = (wd + 2 * padding - k) / stride + 1
    let xs = x.scalars
    let ws = w.scalars
    var out = [Float](repeating: 0, count: n * o * oh * ow)
    for b in 0..<n {
      for oc in 0..<o {
        for i in 0..<oh {
          for j in 0..<ow {
            var sum = Double(bias?[oc] ?? 0)
            for ic in 0..<c {
              for ki in 0..<k {
                for kj in 0..<k {
                  let y = i * stride - padding + ki
                  let xx = j * stride - padding + kj
                  guard y >= 0, y < h, xx >= 0, xx < wd else { continue }
                  sum +=
                    Double(xs[((b * c + ic) * h + y) * wd + xx])
                    * Double(ws[((oc * c + ic) * k + ki) * k + kj])
                }
              }
            }
            let index = ((b * o + oc) * oh + i) * ow + j
            sum += Double(residual?[index] ?? 0)
            out[index] = Float(relu ? max(0, sum) : sum)
          }
        }
      }
    }
    return out
  }

  @Test(arguments: [
    (kernel: 3, stride: 1, padding: 1, channels: 20),  // Winograd-eligible
    (kernel: 3, stride: 2, padding: 1, channels: 5),  // im2col, stride 2
    (kernel: 1, stride: 1, padding: 0, channels: 7),  // pointwise GEMM
    (kernel: 1, stride: 2, padding: 0, channels: 6),  // strided gather
    (kernel: 7, stride: 2, padding: 3, channels: 3),  // stem
  ])
  func conv2dMatchesNaiveLoops(kernel: Int, stride: Int, padding: Int, channels: Int) throws {
    var rng = SeededGenerator(seed: UInt64(kernel * 100 + stride * 10 + channels))
    let x = Tensor(
      shape: [2, channels, 11, 9], scalars: uniformFloats(2 * channels * 99, using: &rng))
    let o = 17
    let w = Tensor(
      shape: [o, channels, kernel, kernel],
      scalars: uniformFloats(o * channels * kernel * kernel, using: &rng))
    let bias = uniformFloats(o, using: &rng)
    let oh = (11 + 2 * padding - kernel) / stride + 1
    let ow = (9 + 2 * padding - kernel) / stride + 1
    let residual = uniformFloats(2 * o * oh * ow, using: &rng)
    let expected = Self.naiveConv(
      x, w, bias: bias, residual: residual, relu: true, stride: stride, padding: padding)
    let conv = try ConvBatchNorm2dTests.identityBN(weight: w, stride: stride, padding: padding)
    for arena in [nil, TensorArena()] {
      let y = try x.conv2d(
        weight: w, bias: Tensor(shape: [o], scalars: bias), stride: stride, padding: padding,
        residual: Tensor(shape: [2, o, oh, ow], scalars: residual), relu: true,
        winograd: conv.winograd, arena: arena)
      #expect(y.shape == [2, o, oh, ow])
      if conv.winograd != nil {
        // Winograd F(4,3) (the default for 3×3 stride 1) rounds on the scale of the layer's
        // largest values, not of each output: the parity budget, max error relative to max.
        let error = maxErrorRelativeToMax(y.scalars, expected)
        #expect(error <= 1e-5, "Winograd: \(error)")
      } else {
        assertClose(y.scalars.map(Double.init), expected.map(Double.init), rtol: 1e-4, atol: 1e-5)
      }
    }
  }

  @Test func conv2dRejectsMismatchedChannels() {
    let x = Tensor(zeros: [1, 3, 8, 8])
    let w = Tensor(zeros: [4, 2, 3, 3])
    #expect(throws: TensorError.shapeMismatch(op: "conv2d", lhs: [1, 3, 8, 8], rhs: [4, 2, 3, 3])) {
      try x.conv2d(weight: w)
    }
    #expect(throws: TensorError.rankMismatch(op: "conv2d input", expected: 4, got: 2)) {
      try Tensor(zeros: [3, 8]).conv2d(weight: w)
    }
  }

  @Test func maxPoolAndGlobalAverage() throws {
    let x = Tensor(shape: [1, 1, 4, 4], scalars: (0..<16).map(Float.init))
    let pooled = try x.maxPool2d(kernel: 3, stride: 2, padding: 1)
    #expect(pooled.shape == [1, 1, 2, 2])
    #expect(pooled.scalars == [5, 7, 13, 15])
    let mean = try x.globalAvgPool()
    #expect(mean.shape == [1, 1])
    #expect(mean.scalars == [7.5])
  }

  @Test func linearIsXTimesWTransposedPlusBias() throws {
    let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let w = Tensor(shape: [2, 3], scalars: [1, 0, 0, 0, 1, 1])
    let y = try x.linear(weight: w, bias: Tensor(shape: [2], scalars: [10, 20]))
    #expect(y.shape == [2, 2])
    #expect(y.scalars == [11, 25, 14, 31])
    #expect(throws: TensorError.shapeMismatch(op: "linear", lhs: [2, 3], rhs: [3, 2])) {
      try x.linear(weight: Tensor(zeros: [3, 2]))
    }
  }

  @Test func arenaRecyclesFreedStorage() throws {
    let arena = TensorArena()
    var first: Tensor? = arena.makeTensor(shape: [4, 4])
    let id = first.map { ObjectIdentifier($0.storage) }
    first = nil
    let second = arena.makeTensor(shape: [2, 4])
    #expect(ObjectIdentifier(second.storage) == id)
    let third = arena.makeTensor(shape: [2, 4])  // `second` is alive: a new buffer
    #expect(ObjectIdentifier(third.storage) != id)
    #expect(arena.reservedCount == 16 + 8)
  }
}

@Suite struct TensorBatchTests {
  @Test func sliceAndConcatenateRoundTrip() throws {
    let x = Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])
    let head = try x.batchSlice(0..<1)
    let tail = try x.batchSlice(1..<3)
    #expect(head.scalars == [1, 2])
    #expect(tail.shape == [2, 2])
    #expect(try Tensor.concatenateBatches([head, tail]).scalars == x.scalars)
    #expect(throws: TensorError.self) { try x.batchSlice(2..<4) }
    #expect(
      throws: TensorError.shapeMismatch(op: "concatenateBatches", lhs: [3, 2], rhs: [1, 3])
    ) {
      try Tensor.concatenateBatches([x, Tensor(zeros: [1, 3])])
    }
  }
}
