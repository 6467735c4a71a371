// Copyright © 2026 the ssl authors.

import Foundation
import Runtime
import Testing

@Suite("numpy legacy RandomState")
struct NumpyRandomStateTests {
  struct Fixture: Decodable {
    struct Permutation: Decodable {
      var n: Int
      var head: [Int]
      var checksum: Int
    }
    struct Choice: Decodable {
      var population: Int
      var size: Int
      var values: [Int]
    }
    var numpy: String
    var uint32: [UInt32]
    var permutations: [Permutation]
    var choices: [Choice]
  }

  static func fixture() throws -> Fixture {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("Fixtures/ds_numpy_random.json")
    return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }

  @Test("seed(0) raw draws match numpy's MT19937")
  func rawDraws() throws {
    let f = try Self.fixture()
    var mt = MT19937(seed: 0)
    #expect(f.uint32.map { _ in mt.nextUInt32() } == f.uint32)
  }

  @Test("seed(0); permutation(n) matches numpy for every fixture n")
  func permutations() throws {
    let f = try Self.fixture()
    for p in f.permutations {
      var rng = NumpyRandomState(seed: 0)
      let perm = rng.permutation(p.n)
      #expect(Array(perm.prefix(p.head.count)) == p.head, "n = \(p.n)")
      let checksum = perm.enumerated().reduce(0) { ($0 + $1.offset * $1.element) % 1_000_000_007 }
      #expect(checksum == p.checksum, "n = \(p.n)")
      #expect(Set(perm).count == p.n)
    }
  }

  @Test("seed(0); choice(n, k, replace=True) matches numpy")
  func choices() throws {
    let f = try Self.fixture()
    var rng = NumpyRandomState(seed: 0)
    for c in f.choices {
      #expect(rng.choiceWithReplacement(from: c.population, count: c.size) == c.values)
    }
  }
}
