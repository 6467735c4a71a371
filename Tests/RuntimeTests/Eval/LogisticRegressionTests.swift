// Copyright © 2026 the ssl authors.
//
// LogisticRegression against scikit-learn driven to its optimum (tol 1e-12; Fixtures/
// eval_reference.json, scripts/fixtures/make_eval_references.py), plus the grid and the
// selection rule of the linear probe.

import Runtime
import TestSupport
import Testing

@Suite struct LogisticRegressionTests {
  /// Same objective, same optimum: with a tight tolerance the coefficients agree with sklearn
  /// to 1e-6 (float64 GEMM) or 1e-4 (float32 GEMM), the objective to 1e-10 or 1e-8 relative.
  @Test(arguments: [LogisticRegressionConfig.Precision.float32GEMM, .float64GEMM])
  func optimumMatchesSklearn(precision: LogisticRegressionConfig.Precision) throws {
    let fixture = try EvalReferenceFixture.load()
    let (x, y) = EvalTestData.classification(fixture.logisticData)
    for ref in fixture.logistic.fits {
      var config = LogisticRegressionConfig(
        tolerance: 1e-10, toleranceScale: .mean, relativeReduction: 0, maxIterations: 2000)
      config.precision = precision
      var model = LogisticRegression(c: ref.C, config: config)
      let report = try model.fit(x, labels: y)
      let tolerance = precision == .float64GEMM ? 1e-6 : 1e-4
      assertClose(model.coefficients, ref.coef, rtol: tolerance, atol: tolerance, "C \(ref.C)")
      assertClose(model.intercepts, ref.intercept, rtol: tolerance, atol: tolerance)
      // float32 GEMM rounds the logits at ~1e-7 relative; the objective is flat at the optimum.
      assertClose(report.objective, ref.objective, rtol: precision == .float64GEMM ? 1e-10 : 1e-8)
      let accuracy = ClassificationMetrics.accuracy(predictions: try model.predict(x), labels: y)
      #expect(accuracy == ref.train_acc)
    }
  }

  /// Warm start: refitting an optimal model stops before the first step (0 iterations), as
  /// scipy does when the initial gradient already meets the tolerance.
  @Test func warmStartAtOptimumTakesNoStep() throws {
    let fixture = try EvalReferenceFixture.load()
    let (x, y) = EvalTestData.classification(fixture.logisticData)
    var model = LogisticRegression(c: 1, config: .sklearnCurrent)
    try model.fit(x, labels: y)
    let again = try model.fit(x, labels: y)
    #expect(again.iterations == 0)
    #expect(again.stop == .gradientTolerance)
  }

  /// torch.logspace(-6, 5, 45) in float32: 10^(k/4); C = 1/wd in Double, so wd = 0.1 gives
  /// C = 9.99999985098839 (1 / Float(0.1)).
  @Test func gridIsTorchFloat32Logspace() {
    let grid = RegularizationGrid()
    #expect(grid.weightDecays.count == 45)
    #expect(grid.weightDecays[0] == Double(Float(1e-6)))
    #expect(grid.weightDecays[44] == Double(Float(1e5)))
    #expect(grid.weightDecays[20] == Double(Float(0.1)))
    #expect(grid.inverseValues[20] == 1 / Double(Float(0.1)))
    #expect(abs(grid.inverseValues[20] - 9.99999985098839) < 1e-12)
    #expect(RegularizationGrid(shift: 2).weightDecays[0] == Double(Float(1e-2)))
    #expect(RegularizationGrid.invarianceShift(modelName: "default_w3") == 2)
    #expect(RegularizationGrid.invarianceShift(modelName: "a+b+c") == 2)
    #expect(RegularizationGrid.invarianceShift(modelName: "dorsal") == 0)
  }

  /// A sweep on separable data: every C scores 1 on val, so the first visited C wins (ties
  /// keep the earlier, larger C for the seed order; the smaller for the bench order).
  @Test func selectionKeepsFirstOfTies() throws {
    let (x, y) = EvalTestData.classification(
      n: 60, d: 4, k: 2, seed: 5, sep: 20, noise: 0.1)
    let split = try LabeledFeatures(features: x, labels: y)
    let grid = RegularizationGrid(count: 5, lowExponent: -2, highExponent: 2)
    let seed = try LinearProbe.sweep(
      train: split, validation: split, test: split, config: LinearProbeConfig(grid: grid))
    #expect(seed.chosenIndex == 0)
    #expect(seed.chosenC == grid.inverseValues[0])
    #expect(seed.testScore == 1)
    let bench = try LinearProbe.sweep(
      train: split, validation: split, test: split,
      config: LinearProbeConfig(grid: grid, order: .increasingC, refitStart: .cold))
    #expect(bench.chosenC == grid.inverseValues[4])
    let fixed = try LinearProbe.sweep(
      train: split, validation: split, test: split, config: LinearProbeConfig(fixedC: 0.5))
    #expect(fixed.gridFits.isEmpty && fixed.chosenC == 0.5)
  }
}
