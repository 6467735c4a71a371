// Copyright © 2026 the ssl authors.
//
// WinogradWeights.swift — the Winograd variants' matrices and the load-time weight transform.
//
// Algorithm (Lavin & Gray 2016, "Fast Algorithms for Convolutional Neural Networks"): for an
// output tile of m×m and a 3×3 kernel, with α = m + 2,
//   Y = Aᵀ · [ (G·g·Gᵀ) ⊙ (Bᵀ·d·B) ] · A        g: [3, 3], d: [α, α], Y: [m, m]
// The weight part U = G·g·Gᵀ is done here once per (o, c), in Double, and rounded to Float
// once; Bᵀ and Aᵀ are written out in the tile transforms (WinogradTiling+F2x3.swift,
// System/CKernels/winograd43.c). Interpolation points: F(2,3) uses 0, ±1, ∞; F(4,3) uses 0, ±1, ±2, ∞ (the standard
// matrices, also used by NNPACK and oneDNN).
//
// Layout: weights OIHW [O, C, 3, 3] in; transformed
//   // [α*α, C, O]   U[ξ][c][o], ξ = row·α + column of the α×α tile
// so each ξ is a ready [C, O] right-hand side for `V[ξ] [tiles, C] × U[ξ] [C, O]`.
//
// Reference: `ReferenceConv2D` (the tests compare `Winograd.forward` to it).

/// The Winograd tile sizes on offer for 3×3 convolutions.
public enum WinogradVariant: Hashable, Sendable, CaseIterable {
  /// F(2×2, 3×3): 4×4 input tiles, 2.25× fewer multiplies than direct, near-exact in fp32.
  case f2x3
  /// F(4×4, 3×3): 6×6 input tiles, 4× fewer multiplies, larger rounding error.
  case f4x3

  /// Output tile side m.
  public var outputTile: Int {
    switch self {
    case .f2x3: 2
    case .f4x3: 4
    }
  }

  /// Input tile side α = m + 2.
  public var inputTile: Int { outputTile + 2 }

  /// G, [α, 3] row-major (weight transform).
  var g: [Double] {
    switch self {
    case .f2x3:
      [1, 0, 0, 0.5, 0.5, 0.5, 0.5, -0.5, 0.5, 0, 0, 1]
    case .f4x3:
      [
        1.0 / 4, 0, 0,
        -1.0 / 6, -1.0 / 6, -1.0 / 6,
        -1.0 / 6, 1.0 / 6, -1.0 / 6,
        1.0 / 24, 1.0 / 12, 1.0 / 6,
        1.0 / 24, -1.0 / 12, 1.0 / 6,
        0, 0, 1,
      ]
    }
  }
}

/// 3×3 convolution weights transformed for ``Winograd`` once, at load time.
public struct WinogradWeights: Sendable {
  /// The tile size the weights were transformed for.
  public let variant: WinogradVariant
  /// Output channels O.
  public let outChannels: Int
  /// Input channels C.
  public let inChannels: Int
  /// `// [α*α, C, O]`: U[ξ][c][o].
  let storage: [Float]

  /// The transformed weights, [α*α, C, O], for tests.
  @_spi(Testing) public var transformed: [Float] { storage }

  /// Transforms OIHW 3×3 weights.
  ///
  /// - Parameters:
  ///   - weights: [O, C, 3, 3] (with batch norm already folded in, if any).
  ///   - outChannels: O.
  ///   - inChannels: C.
  ///   - variant: the tile size; ``Winograd/defaultVariant`` unless measuring.
  public init(
    weights: UnsafeBufferPointer<Float>, outChannels: Int, inChannels: Int,
    variant: WinogradVariant = Winograd.defaultVariant
  ) {
    precondition(outChannels > 0 && inChannels > 0, "WinogradWeights: empty channels")
    precondition(weights.count == outChannels * inChannels * 9, "WinogradWeights: not O×C×3×3")
    self.variant = variant
    self.outChannels = outChannels
    self.inChannels = inChannels
    let alpha = variant.inputTile
    let gm = variant.g
    var out = [Float](repeating: 0, count: alpha * alpha * inChannels * outChannels)
    var gg = [Double](repeating: 0, count: alpha * 3)  // G·g, [α, 3]
    for o in 0..<outChannels {
      for c in 0..<inChannels {
        let base = (o * inChannels + c) * 9
        for i in 0..<alpha {
          for j in 0..<3 {
            var s = 0.0
            for k in 0..<3 { s += gm[i * 3 + k] * Double(weights[base + k * 3 + j]) }
            gg[i * 3 + j] = s
          }
        }
        for i in 0..<alpha {
          for j in 0..<alpha {
            var s = 0.0
            for k in 0..<3 { s += gg[i * 3 + k] * gm[j * 3 + k] }  // (G·g)·Gᵀ
            out[((i * alpha + j) * inChannels + c) * outChannels + o] = Float(s)
          }
        }
      }
    }
    storage = out
  }
}
