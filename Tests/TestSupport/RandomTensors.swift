// Copyright © 2026 the ssl authors.

import Foundation

/// A small, fast, seeded generator (SplitMix64) so randomized tests replay exactly.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator whose sequence depends only on `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// `count` floats drawn uniformly from `range`.
public func uniformFloats(
  _ count: Int, in range: ClosedRange<Float> = -1...1, using rng: inout SeededGenerator
) -> [Float] {
  (0..<count).map { _ in Float.random(in: range, using: &rng) }
}

/// `count` floats from N(mean, std²) (Box–Muller in Double).
public func normalFloats(
  _ count: Int, mean: Double = 0, std: Double = 1, using rng: inout SeededGenerator
) -> [Float] {
  (0..<count).map { _ in
    let u1 = Double.random(in: Double.ulpOfOne..<1, using: &rng)
    let u2 = Double.random(in: 0..<1, using: &rng)
    let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    return Float(mean + std * z)
  }
}

/// max |actual − expected| / max |expected|: the error measure of the bench README.
public func maxErrorRelativeToMax(_ actual: [Float], _ expected: [Float]) -> Double {
  precondition(actual.count == expected.count)
  var worst = 0.0
  var scale = 0.0
  for i in actual.indices {
    worst = max(worst, abs(Double(actual[i]) - Double(expected[i])))
    scale = max(scale, abs(Double(expected[i])))
  }
  return scale == 0 ? worst : worst / scale
}
