// Copyright © 2026 the ssl authors.
//
// Expectations from scripts/fixtures/make_logistic_cv_reference.py (sklearn's warm-started
// LogisticRegression and KFold) -> Fixtures/logistic_cv_reference.json.

import Foundation
import Runtime
import TestSupport
import Testing

/// The invariance paper's classification protocol (§8.4) against sklearn: one warm-started
/// estimator across the grid and the folds, mean fold accuracy per C, the chosen C and the
/// test accuracy after the warm refit on trainval.
@Suite("Logistic cross-validation")
struct LogisticCrossValidationTests {
  struct Reference: Decodable {
    var trainval: Int
    var test: Int
    var d: Int
    var X: [Double]
    var y: [Int]
    var weight_decays: [Double]
    var mean_scores: [Double]
    var chosen_index: Int
    var test_accuracy: Double
  }

  @Test func logisticCrossValidationMatchesSklearn() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/logistic_cv_reference.json")
    let ref = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    let n = ref.trainval
    let all = try FeatureMatrix(rows: n + ref.test, columns: ref.d, values: ref.X.map { Float($0) })
    let trainval = try LabeledFeatures(
      features: all.selectingRows(Array(0..<n)), labels: Array(ref.y[0..<n]))
    let test = try LabeledFeatures(
      features: all.selectingRows(Array(n..<(n + ref.test))), labels: Array(ref.y[n...]))
    let grid = RegularizationGrid(count: ref.weight_decays.count)
    assertClose(grid.weightDecays, ref.weight_decays, rtol: 1e-7)
    let result = try LinearProbe.crossValidate(
      trainval: trainval, test: test, grid: grid, folds: 5, seed: 0)
    // Accuracies are counts over 18 held-out images: equal, not close (1e-12 for the mean).
    assertClose(result.meanScores, ref.mean_scores, rtol: 0, atol: 1e-12)
    #expect(result.chosenWeightDecay == grid.weightDecays[ref.chosen_index])
    assertClose(result.testScore, ref.test_accuracy, rtol: 0, atol: 1e-12)
  }
}
