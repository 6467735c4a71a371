// Copyright © 2026 the ssl authors.
//
// BatchNormFolding.swift — eval-mode batch norm folded into the preceding convolution, once at
// load time, so inference runs conv + bias (the `Conv2DEpilogue` bias) and no BN pass at all.
//
// Algorithm. Eval-mode BN is affine per channel:
//   BN(z)[o] = γ[o]·(z[o] − μ[o]) / √(σ²[o] + ε) + β[o]
// With s[o] = γ[o] / √(σ²[o] + ε) and z = W∗x + b (b = 0 when the conv has no bias):
//   W'[o, …] = s[o]·W[o, …]          b'[o] = β[o] + (b[o] − μ[o])·s[o]
// Numerics: s is computed in Double (ε = 1e-5 is below Float's ulp of σ² ≈ 1 only by a factor
// of ~80, and √ / divide in Float would each add half an ulp); W' and b' are rounded to Float
// once. Folding reorders the rounding (conv of scaled weights instead of scaling the conv), a
// change at the ulp level, far below the 1e-5 parity budget. PyTorch computes the same s in
// fp32 at run time; ours is the more exact of the two.
//
// Layouts: weights [O, C, KH, KW] (OIHW), viewed as [O, C*KH*KW]; all per-channel vectors [O].
// Reference: the tests compare against an unfused conv then BN in Double.

/// Folding of eval-mode batch normalisation into convolution weights and bias.
public enum BatchNormFolding {
  /// PyTorch's default `BatchNorm2d` epsilon.
  public static let defaultEpsilon = 1e-5

  /// Writes the folded weights and bias.
  ///
  /// - Parameters:
  ///   - weights: the convolution's weights [O, C, KH, KW].
  ///   - convBias: the convolution's own bias [O], or `nil` (ResNets have none).
  ///   - gamma: BN weight γ [O].
  ///   - beta: BN bias β [O].
  ///   - runningMean: BN running mean μ [O].
  ///   - runningVar: BN running variance σ² [O]; must be ≥ 0.
  ///   - epsilon: BN epsilon; PyTorch's default is 1e-5.
  ///   - foldedWeights: receives W' [O, C, KH, KW]; may be the same memory as `weights`
  ///     (each element is read before it is written).
  ///   - foldedBias: receives b' [O]; may be the same memory as `convBias`.
  public static func fold(
    weights: UnsafeBufferPointer<Float>, convBias: UnsafeBufferPointer<Float>? = nil,
    gamma: UnsafeBufferPointer<Float>, beta: UnsafeBufferPointer<Float>,
    runningMean: UnsafeBufferPointer<Float>, runningVar: UnsafeBufferPointer<Float>,
    epsilon: Double = defaultEpsilon, foldedWeights: UnsafeMutableBufferPointer<Float>,
    foldedBias: UnsafeMutableBufferPointer<Float>
  ) {
    let channels = gamma.count
    precondition(channels > 0, "BatchNormFolding: no channels")
    precondition(
      beta.count == channels && runningMean.count == channels && runningVar.count == channels
        && foldedBias.count == channels && (convBias?.count ?? channels) == channels,
      "BatchNormFolding: per-channel vectors must all have \(channels) elements")
    precondition(weights.count % channels == 0 && foldedWeights.count == weights.count,
      "BatchNormFolding: weights are not [\(channels), …]")
    precondition(epsilon >= 0, "BatchNormFolding: negative epsilon")
    let perChannel = weights.count / channels  // C*KH*KW
    for o in 0..<channels {
      let variance = Double(runningVar[o])
      precondition(variance >= 0, "BatchNormFolding: negative running variance at \(o)")
      let scale = Double(gamma[o]) / (variance + epsilon).squareRoot()
      for i in (o * perChannel)..<((o + 1) * perChannel) {
        foldedWeights[i] = Float(Double(weights[i]) * scale)
      }
      let bias = Double(convBias?[o] ?? 0)
      foldedBias[o] = Float(Double(beta[o]) + (bias - Double(runningMean[o])) * scale)
    }
  }
}
