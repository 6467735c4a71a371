// Copyright © 2026 the ssl authors.
//
// Expectations from scripts/fixtures/make_ridge_cv_reference.py (sklearn's Ridge, KFold and
// r2_score) -> Fixtures/ridge_cv_reference.json.

import Foundation
import Runtime
import TestSupport
import Testing

/// The invariance paper's ridge protocol (§8.4) against sklearn on tiny data: the folds, the
/// mean fold R² at every grid point, the chosen weight decay (alpha = 1/wd) and test R².
@Suite("Ridge cross-validation")
struct RidgeCrossValidationTests {
  struct Case: Decodable {
    var name: String
    var trainval: Int
    var test: Int
    var d: Int
    var outputs: Int
    var shift: Int
    var seed: UInt32
    var X: [Double]
    var Y: [Double]
    var weight_decays: [Double]
    var mean_scores: [Double]
    var chosen_index: Int
    var chosen_weight_decay: Double
    var chosen_alpha: Double
    var test_r2: Double
    var fold_tests: [[Int]]
  }

  struct Fixture: Decodable { var cases: [Case] }

  static let cases: [Case] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/ridge_cv_reference.json")
    do {
      return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).cases
    } catch {
      Issue.record("cannot read \(url.path): \(error)")
      return []
    }
  }()

  @Test(arguments: ["primal", "kernel", "coarse"])
  func ridgeCrossValidationMatchesSklearn(name: String) throws {
    let ref = try #require(Self.cases.first { $0.name == name })
    let all = try FeatureMatrix(
      rows: ref.trainval + ref.test, columns: ref.d, values: ref.X.map { Float($0) })
    let trainval = all.selectingRows(Array(0..<ref.trainval))
    let test = all.selectingRows(Array(ref.trainval..<(ref.trainval + ref.test)))
    let m = ref.outputs
    // The grid: float32 powers of ten, shifted by 2 decades per fused model (exact).
    let grid = RegularizationGrid(count: ref.weight_decays.count, shift: ref.shift)
    assertClose(grid.weightDecays, ref.weight_decays, rtol: 1e-7)
    // sklearn's KFold(5, shuffle=True, random_state=seed) test folds, exactly.
    let folds = try KFold(count: ref.trainval, folds: 5, seed: ref.seed)
    #expect(folds.splits.map(\.test) == ref.fold_tests)
    let result = try Ridge.crossValidate(
      trainval: trainval, trainvalTargets: Array(ref.Y[0..<(ref.trainval * m)]), test: test,
      testTargets: Array(ref.Y[(ref.trainval * m)...]), outputs: m, grid: grid, folds: 5,
      seed: ref.seed)
    // Cholesky in Double against LAPACK/scipy on well-conditioned Grams (alpha ≥ 1e-5): the
    // fold means agree to 1e-8 absolute; where the Gram is nearly singular (smallest alphas,
    // kernel form) sklearn's own solver is the less exact, hence atol rather than rtol.
    assertClose(result.meanScores, ref.mean_scores, rtol: 1e-6, atol: 1e-8)
    #expect(result.chosenWeightDecay == grid.weightDecays[ref.chosen_index])
    assertClose(1 / result.chosenWeightDecay, ref.chosen_alpha, rtol: 1e-7)
    assertClose(result.testR2, ref.test_r2, rtol: 1e-9, atol: 1e-10)
  }

  /// The seed code's quirk: alpha = 1/wd, so the largest weight decay is the weakest ridge —
  /// on noise-free linear targets the sweep picks the top of the grid.
  @Test func largerWeightDecayMeansWeakerRidge() throws {
    let ref = try #require(Self.cases.first { $0.name == "coarse" })
    let n = ref.trainval + ref.test
    let x = try FeatureMatrix(rows: n, columns: ref.d, values: ref.X.map { Float($0) })
    let y = (0..<n).map { i in Double(x.values[i * ref.d]) * 3 - Double(x.values[i * ref.d + 1]) }
    let result = try Ridge.crossValidate(
      trainval: x.selectingRows(Array(0..<ref.trainval)), trainvalTargets: Array(y[0..<ref.trainval]),
      test: x.selectingRows(Array(ref.trainval..<n)), testTargets: Array(y[ref.trainval...]),
      outputs: 1, grid: RegularizationGrid(count: 9))
    #expect(result.chosenWeightDecay == RegularizationGrid(count: 9).weightDecays.last)
    #expect(result.testR2 > 0.999_999)
  }
}
