// Copyright © 2026 the ssl authors.
//
// numpy's generators bit for bit (Fixtures/eval_reference.json,
// scripts/fixtures/make_eval_references.py). Exact comparisons: these are integer streams.

import Runtime
import Testing

@Suite struct NumpyRandomTests {
  let fixture: EvalReferenceFixture

  init() throws { fixture = try EvalReferenceFixture.load() }

  @Test func pcg64RawOutputsMatchDefaultRng() {
    var g0 = NumpyGenerator(seed: 0)
    #expect((0..<4).map { _ in g0.next64() } == fixture.pcg64.seed0_raw)
    var g1 = NumpyGenerator(seed: 123_456_789_012)
    #expect((0..<3).map { _ in g1.next64() } == fixture.pcg64.seed123456789012_raw)
  }

  @Test func choiceWithoutReplacementMatchesNumpy() {
    var g = NumpyGenerator(seed: 7)
    let expected = fixture.pcg64.choice_seed7
    #expect(g.choiceWithoutReplacement(population: 37, count: 5) == expected[0])
    #expect(g.choiceWithoutReplacement(population: 99, count: 35) == expected[1])
    // 20000 > 10000 and 500 > 20000/50: numpy's tail-shuffle branch.
    #expect(Array(g.choiceWithoutReplacement(population: 20000, count: 500).prefix(20))
      == expected[2])
    #expect(g.choiceWithoutReplacement(population: 3, count: 3) == expected[3])
  }

  @Test func legacyPermutationMatchesNumpy() {
    var r0 = NumpyRandomState(seed: 0)
    #expect(r0.permutation(10) == fixture.mt19937.seed0_perm10)
    var r5 = NumpyRandomState(seed: 5)
    #expect(Array(r5.permutation(300).prefix(15)) == fixture.mt19937.seed5_perm300_head)
  }

  @Test func kFoldMatchesSklearnShuffledKFold() throws {
    let folds = try KFold(count: 23, folds: 5, seed: 0)
    #expect(folds.splits.map(\.test) == fixture.kfold_seed0_n23)
    for split in folds.splits {
      #expect(Set(split.train).union(split.test) == Set(0..<23))
      #expect(split.train == split.train.sorted())
    }
    #expect(throws: EvalError.self) { try KFold(count: 3, folds: 5) }
  }
}
