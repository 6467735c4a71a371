// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import TestSupport
import Testing

@Suite struct BatchNormFoldingTests {
  /// Folded conv + bias (through `Conv2D` and `Winograd`) vs the unfused reference: direct conv,
  /// then BN in Double with ε = 1e-5. BN statistics as in the bench's `bnstats` fixtures: μ ~
  /// N(0, 0.1²), σ² ~ U[0.5, 2), γ ~ U[0.75, 1.25), β ~ N(0, 0.1²).
  /// Tolerance: rtol 1e-4, atol 1e-5 (conv reduction of C·KH·KW ≤ 153 terms).
  @Test(arguments: [false, true])
  func foldedMatchesConvThenBN(withConvBias: Bool) {
    let g = Conv2DGeometry(
      batch: 2, inChannels: 17, outChannels: 19, inHeight: 9, inWidth: 10, kernel: 3, padding: 1)
    let c = ConvCase(g, seed: withConvBias ? 401 : 400)
    var rng = SeededGenerator(seed: 402)
    let o = g.outChannels
    let mean = normalFloats(o, std: 0.1, using: &rng)
    let variance = uniformFloats(o, in: 0.5...2, using: &rng)
    let gamma = uniformFloats(o, in: 0.75...1.25, using: &rng)
    let beta = normalFloats(o, std: 0.1, using: &rng)
    let convBias = c.bias  // what `c.reference(bias:)` adds

    // Unfused: conv (+ conv bias) in the reference, then BN in Double.
    let raw = c.reference(bias: withConvBias)
    let plane = g.outPlane
    var expected = [Float](repeating: 0, count: raw.count)
    for i in raw.indices {
      let ch = (i / plane) % o
      let normalized = (Double(raw[i]) - Double(mean[ch])) / (Double(variance[ch]) + 1e-5)
        .squareRoot()
      expected[i] = Float(normalized * Double(gamma[ch]) + Double(beta[ch]))
    }

    let (foldedWeights, foldedBias) = fold(
      c.weights, convBias: withConvBias ? convBias : nil, gamma: gamma, beta: beta, mean: mean,
      variance: variance)
    let folded = ConvCase(
      geometry: g, input: c.input, weights: foldedWeights, bias: foldedBias, residual: c.residual)
    assertClose(folded.fast(bias: true), expected, rtol: 1e-4, atol: 1e-5, "im2col")
    assertClose(
      folded.winograd(variant: .f2x3, bias: true), expected, rtol: 1e-4, atol: 1e-5, "Winograd")
  }

  /// In place (folded weights written over the originals) gives the same result, and the
  /// identity BN (0/1/1/0, the default init) leaves the weights unchanged up to √(1+ε).
  /// Tolerance: exact for in-place; 1e-6 relative for the identity (√(1 + 1e-5) − 1 = 5e-6).
  @Test func inPlaceAndIdentity() {
    var rng = SeededGenerator(seed: 410)
    var weights = normalFloats(2 * 12, using: &rng)
    let original = weights
    let ones = [Float](repeating: 1, count: 2)
    let zeros = [Float](repeating: 0, count: 2)
    var bias = [Float](repeating: 9, count: 2)
    ones.withUnsafeBufferPointer { ones in
      zeros.withUnsafeBufferPointer { zeros in
        weights.withUnsafeMutableBufferPointer { w in
          bias.withUnsafeMutableBufferPointer { b in
            BatchNormFolding.fold(
              weights: UnsafeBufferPointer(w), gamma: ones, beta: zeros, runningMean: zeros,
              runningVar: ones, foldedWeights: w, foldedBias: b)
          }
        }
      }
    }
    #expect(bias == [0, 0])
    let expected = original.map { Float(Double($0) / (1 + 1e-5).squareRoot()) }
    #expect(weights == expected)
  }

  /// σ² = 0: ε alone keeps the scale finite, s = γ/√ε ≈ 316, computed in Double.
  /// (Such a channel amplifies the conv's rounding 316×, so it is kept out of the conv test.)
  /// Tolerance: exact.
  @Test func zeroVarianceUsesEpsilon() {
    let (w, b) = fold(
      [1, -2, 0.5], convBias: [0.25], gamma: [2], beta: [0.5], mean: [0.125], variance: [0])
    let s = 2 / (1e-5).squareRoot()
    #expect(w == [Float(s), Float(-2 * s), Float(0.5 * s)])
    #expect(b == [Float(0.5 + (0.25 - 0.125) * s)])
  }

  /// Runs `BatchNormFolding.fold` on arrays.
  private func fold(
    _ weights: [Float], convBias: [Float]?, gamma: [Float], beta: [Float], mean: [Float],
    variance: [Float]
  ) -> ([Float], [Float]) {
    var foldedWeights = [Float](repeating: .nan, count: weights.count)
    var foldedBias = [Float](repeating: .nan, count: gamma.count)
    let bias = convBias ?? []
    weights.withUnsafeBufferPointer { w in
      bias.withUnsafeBufferPointer { cb in
        gamma.withUnsafeBufferPointer { ga in
          beta.withUnsafeBufferPointer { be in
            mean.withUnsafeBufferPointer { mu in
              variance.withUnsafeBufferPointer { va in
                foldedWeights.withUnsafeMutableBufferPointer { fw in
                  foldedBias.withUnsafeMutableBufferPointer { fb in
                    BatchNormFolding.fold(
                      weights: w, convBias: convBias == nil ? nil : cb, gamma: ga, beta: be,
                      runningMean: mu, runningVar: va, foldedWeights: fw, foldedBias: fb)
                  }
                }
              }
            }
          }
        }
      }
    }
    return (foldedWeights, foldedBias)
  }
}
