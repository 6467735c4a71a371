// Copyright © 2026 the ssl authors.
//
// Few-shot against bench/fewshot_numpy.py's procedure (Fixtures/eval_reference.json,
// scripts/fixtures/make_eval_references.py): same episodes, exact per-episode accuracies.

import Runtime
import Testing

@Suite struct FewShotTests {
  @Test func episodesAndAccuraciesMatchNumpyExactly() throws {
    let fixture = try EvalReferenceFixture.load()
    let ref = fixture.fewshot
    let (x, y) = EvalTestData.classification(fixture.fewshotData)
    let config = FewShotConfig(
      way: ref.way, shot: ref.shot, query: ref.query, episodes: ref.episodes, seed: ref.seed)
    let episodes = try FewShot.sampleEpisodes(labels: y, config: config)
    #expect(episodes.indices[0] == ref.first_episode)
    let result = try FewShot.evaluate(features: x, labels: y, config: config)
    #expect(result.episodeAccuracies == ref.accuracies)
  }

  /// Hand-worked: 2-way 1-shot 1-query in 1-D. Prototypes 0 and 10; queries 1 (class 0,
  /// correct) and 4 (class 1, nearer 0: wrong) → 0.5; mean ± CI of [1, 0.5] is 0.75 ±
  /// 1.96·0.25/√2 (population std 0.25).
  @Test func handWorkedEpisodeAndSummary() throws {
    let x = try FeatureMatrix(rows: 4, columns: 1, values: [0, 1, 10, 4])
    let episodes = FewShotEpisodes(indices: [[[0, 1], [2, 3]]], shot: 1)
    #expect(try FewShot.evaluate(features: x, episodes: episodes).episodeAccuracies == [0.5])
    let summary = FewShot.summarize([1, 0.5])
    #expect(summary.mean == 0.75)
    #expect(summary.standardDeviation == 0.25)
    #expect(abs(summary.confidence95 - 1.96 * 0.25 / 2.0.squareRoot()) < 1e-15)
  }

  @Test func tooSmallClassIsAnError() throws {
    #expect(throws: EvalError.self) {
      try FewShot.sampleEpisodes(labels: [0, 0, 1, 1, 2], config: FewShotConfig(way: 2, shot: 1))
    }
  }
}
