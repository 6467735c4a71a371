// Copyright © 2026 the ssl authors.
//
// The Mersenne Twister as numpy's legacy `RandomState` runs it (`numpy/random/src/mt19937`):
// `seed(s)` for an integer 0 ≤ s < 2³² is Matsumoto–Nishimura `init_genrand`
// (mt[0] = s, mt[i] = 1812433253 · (mt[i−1] ^ (mt[i−1] >> 30)) + i), and each 32-bit draw is
// the tempered next state word.

/// A 32-bit MT19937 generator seeded like `np.random.seed(s)`.
public struct MT19937: Sendable {
  private static let n = 624
  private static let m = 397
  private var state: [UInt32]
  private var position: Int

  /// Seeds the generator like `np.random.seed(seed)` (`init_genrand`).
  public init(seed: UInt32) {
    var mt = [UInt32](repeating: 0, count: Self.n)
    mt[0] = seed
    for i in 1..<Self.n {
      mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
    }
    state = mt
    position = Self.n
  }

  /// The next tempered 32-bit word (numpy's `next_uint32`).
  public mutating func nextUInt32() -> UInt32 {
    if position >= Self.n { regenerate() }
    var y = state[position]
    position += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C_5680
    y ^= (y << 15) & 0xEFC6_0000
    y ^= y >> 18
    return y
  }

  /// Two draws as one 64-bit word, high word first (numpy's `next_uint64`).
  public mutating func nextUInt64() -> UInt64 {
    let high = UInt64(nextUInt32())
    return (high << 32) | UInt64(nextUInt32())
  }

  /// Refills the 624-word state (the "twist").
  private mutating func regenerate() {
    let upper: UInt32 = 0x8000_0000
    let lower: UInt32 = 0x7FFF_FFFF
    let matrix: UInt32 = 0x9908_B0DF
    for i in 0..<Self.n {
      let y = (state[i] & upper) | (state[(i + 1) % Self.n] & lower)
      state[i] = state[(i + Self.m) % Self.n] ^ (y >> 1) ^ ((y & 1) != 0 ? matrix : 0)
    }
    position = 0
  }
}
