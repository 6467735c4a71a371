// Copyright © 2026 the ssl authors.

import Foundation
@_spi(Testing) import Kernels
import TestSupport
import Testing

/// `VectorExp` against Foundation's scalar `exp` (glibc, < 1 ulp): within libmvec's 4-ulp bound
/// on the softmax range (arguments ≤ 0 after the max is subtracted) and beyond, including the
/// padded tail of lengths that are not multiples of four and the special values.
@Suite(.serialized) struct VectorExpTests {
  @Test(arguments: [1, 3, 4, 5, 37, 1001], [false, true])
  func matchesScalarExp(count: Int, scalar: Bool) {
    var rng = SeededGenerator(seed: UInt64(count))
    let x = (0..<count).map { _ in Double.random(in: -745...20, using: &rng) }
    var y = x
    let run = { y.withUnsafeMutableBufferPointer { VectorExp.inPlace($0) } }
    if scalar { withScalarExp(run) } else { run() }
    for i in x.indices {
      let expected = Foundation.exp(x[i])
      // 4 ulp of the result; below the normal range (x < −708.4) ulps are absolute.
      let ulp = max(expected.ulp, Double.leastNonzeroMagnitude)
      #expect(abs(y[i] - expected) <= 4 * ulp, "exp(\(x[i])): \(y[i]) vs \(expected)")
    }
  }

  /// glibc on an AVX2 + FMA CPU (where the panel kernels accelerate) has the vector exp.
  @Test func vectorPathIsTakenWhereAvailable() {
    #if os(Linux) && arch(x86_64)
      #expect(VectorExp.isVectorized == PanelMatrix.isAccelerated)
    #endif
  }

  @Test func specialValues() {
    var y: [Double] = [0, -.infinity, .infinity, .nan, -800, 710, 1, -1]
    y.withUnsafeMutableBufferPointer { VectorExp.inPlace($0) }
    #expect(y[0] == 1)
    #expect(y[1] == 0)
    #expect(y[2] == .infinity)
    #expect(y[3].isNaN)
    #expect(y[4] == 0)
    #expect(y[5] == .infinity)
    #expect(abs(y[6] - M_E) <= 4 * M_E.ulp)
    #expect(abs(y[7] - 1 / M_E) <= 4 * (1 / M_E).ulp)
  }
}
