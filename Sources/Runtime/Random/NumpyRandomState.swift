// Copyright © 2026 the ssl authors.
//
// The parts of numpy's legacy `np.random` (`RandomState` over MT19937) that the seed code's
// splits use, draw for draw:
//   permutation(n): arange(n) shuffled by Fisher–Yates from the end, each j drawn by
//     `random_interval(i)`: the smallest all-ones mask ≥ i, then 32-bit draws & mask until ≤ i
//     (64-bit draws when i ≥ 2³²);
//   randint(0, high, size) (and so `choice(a, size, replace=True)` without `p`): masked
//     rejection on 32-bit draws, `value = draw & mask` until ≤ high − 1.

/// numpy's legacy global generator after `np.random.seed(seed)`.
public struct NumpyRandomState: Sendable {
  private var generator: MT19937
  /// The second value of the last polar Box–Muller pair (numpy's `has_gauss` / `gauss`).
  private var gauss: Double?

  /// The state after `np.random.seed(seed)`.
  public init(seed: UInt32) {
    generator = MT19937(seed: seed)
  }

  /// `np.random.permutation(count)`.
  ///
  /// - Precondition: `count ≥ 0`.
  public mutating func permutation(_ count: Int) -> [Int] {
    precondition(count >= 0, "permutation of a negative count")
    var values = Array(0..<count)
    var i = count - 1
    while i >= 1 {
      values.swapAt(i, Int(interval(UInt64(i))))
      i -= 1
    }
    return values
  }

  /// `np.random.randint(0, high, size=count)` (int64 output).
  ///
  /// - Precondition: `high ≥ 1`, `count ≥ 0`.
  public mutating func randint(below high: Int, count: Int) -> [Int] {
    precondition(high >= 1 && count >= 0, "randint: bad bound \(high) or count \(count)")
    let range = UInt64(high - 1)
    return (0..<count).map { _ in Int(interval(range)) }
  }

  /// `np.random.choice(populationCount, size=count, replace=True)`: indices with replacement.
  public mutating func choiceWithReplacement(from populationCount: Int, count: Int) -> [Int] {
    randint(below: populationCount, count: count)
  }

  /// The next raw 32-bit word of the generator.
  mutating func nextUInt32() -> UInt32 { generator.nextUInt32() }

  /// Returns and clears the cached normal draw.
  mutating func takeCachedGauss() -> Double? {
    defer { gauss = nil }
    return gauss
  }

  /// Caches the spare normal draw of a pair.
  mutating func cacheGauss(_ value: Double) { gauss = value }

  /// A uniform integer in `0...max` by masked rejection (`random_interval`).
  private mutating func interval(_ max: UInt64) -> UInt64 {
    if max == 0 { return 0 }
    var mask = max
    mask |= mask >> 1
    mask |= mask >> 2
    mask |= mask >> 4
    mask |= mask >> 8
    mask |= mask >> 16
    mask |= mask >> 32
    if max <= 0xFFFF_FFFF {
      while true {
        let value = UInt64(generator.nextUInt32()) & mask
        if value <= max { return value }
      }
    }
    while true {
      let value = generator.nextUInt64() & mask
      if value <= max { return value }
    }
  }
}
