// Copyright © 2026 the ssl authors.
//
// NumpyGenerator.swift — numpy's `default_rng(seed)` (SeedSequence → PCG64), bit for bit, with
// the one sampling routine the protocols use: `Generator.choice(a, size, replace=False)`.
//
// Reproduced from numpy's documented algorithms (numpy ≥ 1.17, unchanged through 2.x):
// * SeedSequence(entropy): the entropy integer is split into 32-bit words (little end first;
//   0 → [0]) and hashed into a 4-word pool (`mix_entropy`, constants INIT_A/MULT_A, MIX_MULT_L/R);
//   `generate_state(4, uint64)` hashes the pool cyclically with INIT_B/MULT_B into 8 words,
//   read as 4 little-endian uint64.
// * PCG64 (XSL-RR 128/64): state s, increment inc; seeding is s = 0, inc = (initseq << 1) | 1,
//   step, s += initstate, step; `next64` steps s ← s·M + inc and returns rotr(hi ⊕ lo, hi >> 58).
//   `initstate = (w0 << 64) | w1`, `initseq = (w2 << 64) | w3`.
// * `next32` hands out the low then the high half of one 64-bit draw.
// * Bounded integers in [0, r] for r < 2³² use Lemire's method on 32-bit draws.
// * `choice(pop, k, replace=False)` for pop ≤ 10000 (or k ≤ pop/50): Floyd's algorithm with a
//   linear-probing hash set, then a Fisher–Yates shuffle of the k picks (`shuffle=True`).

/// numpy's `numpy.random.default_rng(seed)` stream (PCG64 seeded through SeedSequence).
public struct NumpyGenerator: Sendable {
  // 128-bit state and increment as (high, low) words; `UInt128` needs macOS 15.
  private var stateHigh: UInt64 = 0
  private var stateLow: UInt64 = 0
  private let incrementHigh: UInt64
  private let incrementLow: UInt64
  private var buffered: UInt32?

  private static let multiplierHigh: UInt64 = 0x2360_ED05_1FC6_5DA4
  private static let multiplierLow: UInt64 = 0x4385_DF64_9FCC_F645

  /// `numpy.random.default_rng(seed)`.
  ///
  /// - Parameter seed: A non-negative integer seed.
  public init(seed: UInt64) {
    let words = NumpySeedSequence.generateState(entropy: seed, words64: 4)
    // initstate = w0·2⁶⁴ + w1, initseq = w2·2⁶⁴ + w3, inc = (initseq << 1) | 1.
    incrementHigh = (words[2] << 1) | (words[3] >> 63)
    incrementLow = (words[3] << 1) | 1
    step()
    add(high: words[0], low: words[1])
    step()
  }

  /// state ← state·M + inc (mod 2¹²⁸).
  private mutating func step() {
    let product = stateLow.multipliedFullWidth(by: Self.multiplierLow)
    let high = product.high &+ stateLow &* Self.multiplierHigh &+ stateHigh &* Self.multiplierLow
    stateHigh = high
    stateLow = product.low
    add(high: incrementHigh, low: incrementLow)
  }

  /// state ← state + (high·2⁶⁴ + low) (mod 2¹²⁸).
  private mutating func add(high: UInt64, low: UInt64) {
    let (sum, carry) = stateLow.addingReportingOverflow(low)
    stateLow = sum
    stateHigh = stateHigh &+ high &+ (carry ? 1 : 0)
  }

  /// The next raw 64-bit output (numpy's `bit_generator.random_raw()`).
  public mutating func next64() -> UInt64 {
    step()
    let rotation = stateHigh >> 58
    let x = stateHigh ^ stateLow
    return (x >> rotation) | (x << ((64 &- rotation) & 63))
  }

  /// The next 32-bit output: low half of a 64-bit draw, then its high half.
  public mutating func next32() -> UInt32 {
    if let value = buffered {
      buffered = nil
      return value
    }
    let raw = next64()
    buffered = UInt32(truncatingIfNeeded: raw >> 32)
    return UInt32(truncatingIfNeeded: raw)
  }

  /// A uniform integer in `0...bound` (numpy's `random_bounded_uint64`, unmasked, for
  /// `bound < 2³²`): Lemire's multiply-shift with rejection.
  mutating func bounded(_ bound: UInt64) -> UInt64 {
    if bound == 0 { return 0 }
    precondition(bound < 0xFFFF_FFFF, "NumpyGenerator: bounds ≥ 2³² − 1 are not needed here")
    let rangeExcl = UInt64(bound) + 1
    var m = UInt64(next32()) &* rangeExcl
    var leftover = UInt32(truncatingIfNeeded: m)
    if UInt64(leftover) < rangeExcl {
      let threshold = UInt32((UInt64(UInt32.max) - bound) % rangeExcl)
      while leftover < threshold {
        m = UInt64(next32()) &* rangeExcl
        leftover = UInt32(truncatingIfNeeded: m)
      }
    }
    return m >> 32
  }

  /// `Generator.choice(population, count, replace=False)` as positions in `0..<population`.
  ///
  /// - Parameters:
  ///   - population: The population size (`a` as an int, or `len(a)`).
  ///   - count: How many distinct positions to draw (≤ `population`).
  /// - Returns: `count` distinct positions in numpy's order.
  public mutating func choiceWithoutReplacement(population: Int, count: Int) -> [Int] {
    precondition(count >= 0 && count <= population, "choice: count \(count) > \(population)")
    if population > 10_000 && count > population / 50 {
      // numpy's tail shuffle of arange(population); unused by the protocols' sizes.
      var index = Array(0..<population)
      shuffle(&index, from: max(population - count, 1))
      return Array(index[(population - count)...])
    }
    // Floyd's algorithm with numpy's open-addressing hash set.
    var picks = [Int](repeating: 0, count: count)
    let setSize = Self.maskAtLeast(UInt64(1.2 * Double(count)))
    let mask = setSize
    var table = [UInt64](repeating: UInt64.max, count: Int(mask) + 1)
    for j in (population - count)..<population {
      let value = bounded(UInt64(j))
      var slot = value & mask
      while table[Int(slot)] != UInt64.max && table[Int(slot)] != value {
        slot = (slot + 1) & mask
      }
      if table[Int(slot)] == UInt64.max {
        table[Int(slot)] = value
        picks[j - population + count] = Int(value)
      } else {
        slot = UInt64(j) & mask
        while table[Int(slot)] != UInt64.max { slot = (slot + 1) & mask }
        table[Int(slot)] = UInt64(j)
        picks[j - population + count] = j
      }
    }
    shuffle(&picks, from: 1)
    return picks
  }

  /// numpy's `_shuffle_int`: for i = n−1 down to `first`, swap item i with a uniform j ≤ i.
  private mutating func shuffle(_ items: inout [Int], from first: Int) {
    var i = items.count - 1
    while i >= first {
      let j = Int(bounded(UInt64(i)))
      items.swapAt(i, j)
      i -= 1
    }
  }

  /// numpy's `_gen_mask`: the smallest all-ones mask ≥ `value`.
  private static func maskAtLeast(_ value: UInt64) -> UInt64 {
    var mask = value
    for shift in [1, 2, 4, 8, 16, 32] as [UInt64] { mask |= mask >> shift }
    return mask
  }
}

/// numpy's `SeedSequence` for an integer entropy and no spawn key (pool size 4).
enum NumpySeedSequence {
  private static let initA: UInt32 = 0x43b0_d7e5
  private static let multA: UInt32 = 0x931e_8875
  private static let initB: UInt32 = 0x8b51_f9dd
  private static let multB: UInt32 = 0x58f3_8ded
  private static let mixMultL: UInt32 = 0xca01_f9dd
  private static let mixMultR: UInt32 = 0x4973_f715

  /// `SeedSequence(entropy).generate_state(words64, np.uint64)`.
  static func generateState(entropy: UInt64, words64: Int) -> [UInt64] {
    var entropyWords: [UInt32] = []
    var rest = entropy
    repeat {
      entropyWords.append(UInt32(truncatingIfNeeded: rest))
      rest >>= 32
    } while rest > 0
    var pool = [UInt32](repeating: 0, count: 4)
    var hashConst = initA
    func hashmix(_ input: UInt32) -> UInt32 {
      var value = input ^ hashConst
      hashConst = hashConst &* multA
      value = value &* hashConst
      return value ^ (value >> 16)
    }
    func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
      let r = (mixMultL &* x) &- (mixMultR &* y)
      return r ^ (r >> 16)
    }
    for i in 0..<4 { pool[i] = hashmix(i < entropyWords.count ? entropyWords[i] : 0) }
    for src in 0..<4 {
      for dst in 0..<4 where src != dst { pool[dst] = mix(pool[dst], hashmix(pool[src])) }
    }
    for src in stride(from: 4, to: entropyWords.count, by: 1) {
      for dst in 0..<4 { pool[dst] = mix(pool[dst], hashmix(entropyWords[src])) }
    }
    var out32 = [UInt32](repeating: 0, count: 2 * words64)
    var hashB = initB
    for i in out32.indices {
      var value = pool[i % 4] ^ hashB
      hashB = hashB &* multB
      value = value &* hashB
      out32[i] = value ^ (value >> 16)
    }
    return (0..<words64).map { UInt64(out32[2 * $0]) | (UInt64(out32[2 * $0 + 1]) << 32) }
  }
}
