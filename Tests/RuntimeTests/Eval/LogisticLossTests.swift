// Copyright © 2026 the ssl authors.
//
// The objective's shortcut when L-BFGS moves to the step its line search evaluated last: the
// gradient then comes from that evaluation's exponentials instead of a second softmax pass, and
// must be the same, bit for bit, as the full pass the objective makes for any other step.

import Foundation
import Kernels
import TestSupport
import Testing

@testable import Runtime

@Suite(.serialized) struct LogisticLossTests {
  /// A cold start (W = 0) takes the intercepts as the logits without a product: f and ∇f
  /// there against plain Double loops (f = mean of lse(b) − b_y; ∇_b = mean of p − onehot,
  /// ∇_W = (P − Y)ᵀX / n, the same p for every row).
  @Test(arguments: [LogisticRegressionConfig.Precision.float32GEMM, .float64GEMM])
  func coldStartLogitsAreTheIntercepts(precision: LogisticRegressionConfig.Precision) throws {
    var rng = SeededGenerator(seed: 62)
    let (n, d, k) = (300, 7, 4)
    let values = normalFloats(n * d, using: &rng)
    let features = try FeatureMatrix(rows: n, columns: d, values: values)
    let labels = (0..<n).map { _ in Int.random(in: 0..<k, using: &rng) }
    let design = DesignMatrix(features, precision: precision, forRepeatedProducts: true)
    var loss = LogisticLoss(
      design: design, labels: labels, classCount: k, fitIntercept: true, c: 2)
    let b = [0.3, -1.2, 0.05, 0.9]
    var gradient: [Double] = []
    let value = loss.reset(at: [Double](repeating: 0, count: k * d) + b, gradient: &gradient)
    let top = b.max()!
    let lse = top + log(b.reduce(0) { $0 + exp($1 - top) })
    let p = b.map { exp($0 - lse) }
    let expectedValue = labels.reduce(0.0) { $0 + lse - b[$1] } / Double(n)
    #expect(abs(value - expectedValue) <= 1e-12 * expectedValue)
    var expected = [Double](repeating: 0, count: k * d + k)
    for i in 0..<n {
      for c in 0..<k {
        let r = (p[c] - (labels[i] == c ? 1 : 0)) / Double(n)
        for j in 0..<d { expected[c * d + j] += r * Double(values[i * d + j]) }
        expected[k * d + c] += r
      }
    }
    let tolerance = precision == .float64GEMM ? 1e-12 : 1e-6
    for (got, want) in zip(gradient, expected) {
      #expect(abs(got - want) <= tolerance * max(1, abs(want)), "\(got) vs \(want)")
    }
  }

  /// Two objectives in the same state; one evaluates the line at the accepted step last (the
  /// shortcut), the other at another step last (the full pass). Rows span several chunks of
  /// the row passes, on one thread and on two.
  @Test(arguments: [1, 2], [LogisticRegressionConfig.Precision.float32GEMM, .float64GEMM])
  func moveToTheLastEvaluatedStepMatchesTheFullPass(
    threads: Int, precision: LogisticRegressionConfig.Precision
  ) throws {
    let before = BLASThreads.current
    defer { BLASThreads.set(before) }
    BLASThreads.set(threads)
    var rng = SeededGenerator(seed: 61)
    let (n, d, k) = (700, 24, 5)
    let features = try FeatureMatrix(
      rows: n, columns: d, values: normalFloats(n * d, std: 1.5, using: &rng))
    let labels = (0..<n).map { _ in Int.random(in: 0..<k, using: &rng) }
    let design = DesignMatrix(features, precision: precision, forRepeatedProducts: true)
    var shortcut = LogisticLoss(
      design: design, labels: labels, classCount: k, fitIntercept: true, c: 0.7)
    let dimension = shortcut.dimension
    let point = uniformFloats(dimension, in: -0.3...0.3, using: &rng).map(Double.init)
    let direction = uniformFloats(dimension, in: -0.5...0.5, using: &rng).map(Double.init)
    var gradient: [Double] = []
    _ = shortcut.reset(at: point, gradient: &gradient)
    var full = shortcut
    let t = 0.625
    shortcut.setDirection(direction)
    full.setDirection(direction)
    _ = full.line(at: t)
    _ = full.line(at: 0.25)  // the last evaluation is elsewhere: `move` makes the full pass
    let line = shortcut.line(at: t)
    var viaLine: [Double] = []
    var viaPass: [Double] = []
    let valueViaLine = shortcut.move(by: t, gradient: &viaLine)
    let valueViaPass = full.move(by: t, gradient: &viaPass)
    #expect(valueViaLine == valueViaPass)
    #expect(viaLine == viaPass)
    // φ(t) and φ'(t) of the line are f and ∇f·d at the new point, up to rounding: the line
    // expands the penalty in t and sums the slope by rows in Double, while ∇f comes from a
    // product whose residual operand float32 GEMM rounds to float (~1e-7 relative).
    #expect(abs(valueViaLine - line.value) <= 1e-12 * abs(line.value))
    let slope = zip(viaLine, direction).reduce(0.0) { $0 + $1.0 * $1.1 }
    let slopeTolerance = precision == .float64GEMM ? 1e-10 : 1e-6
    #expect(abs(slope - line.slope) <= slopeTolerance * max(1, abs(line.slope)))
    // A second step from the shortcut's state agrees again (its buffers were swapped).
    shortcut.setDirection(direction.map { -0.5 * $0 })
    full.setDirection(direction.map { -0.5 * $0 })
    _ = shortcut.line(at: 0.5)
    _ = full.line(at: 0.5)
    _ = full.line(at: 0.1)
    #expect(shortcut.move(by: 0.5, gradient: &viaLine) == full.move(by: 0.5, gradient: &viaPass))
    #expect(viaLine == viaPass)
  }
}
