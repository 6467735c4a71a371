// Copyright © 2026 the ssl authors.
//
// Hand-worked cases for the metrics (tolerances: exact where the arithmetic is exact in
// binary, else 1e-12), and the fixture cases for calibration, ridge and kNN
// (Fixtures/eval_reference.json, scripts/fixtures/make_eval_references.py).

import Foundation
import Runtime
import TestSupport
import Testing

@Suite struct MetricsTests {
  /// Confusion rows: class 0 → 2/2, class 1 → 1/3, class 2 → 0/1; mean = (1 + 1/3 + 0)/3.
  @Test func meanPerClassAccuracy() {
    let labels = [0, 0, 1, 1, 1, 2]
    let predictions = [0, 0, 1, 0, 2, 1]
    #expect(
      ClassificationMetrics.confusionMatrix(predictions: predictions, labels: labels, classCount: 3)
        == [[2, 0, 0], [1, 1, 1], [0, 1, 0]])
    let m = ClassificationMetrics.meanPerClassAccuracy(
      predictions: predictions, labels: labels, classCount: 3)
    #expect(abs(m - (1 + 1.0 / 3) / 3) < 1e-15)
    #expect(ClassificationMetrics.accuracy(predictions: predictions, labels: labels) == 0.5)
  }

  /// Scores 0.9 (+), 0.8 (−), 0.7 (+), 0.1 (−): PR points (1, 0.5), (0.5, 0.5), (2/3, 1),
  /// (0.5, 1) and sklearn's (1, 0). p(t) = 1 for t ≤ 0.5, 2/3 for t > 0.5 (6 thresholds
  /// 0…0.5, 5 thresholds 0.6…1): AP = (6 + 5·2/3)/11.
  @Test func elevenPointAP() {
    let ap = AveragePrecision.elevenPoint(
      scores: [0.9, 0.8, 0.7, 0.1], positives: [true, false, true, false])
    #expect(abs(ap - (6 + 5 * 2.0 / 3) / 11) < 1e-15)
    // A perfect ranking gives 1; tied scores form one threshold.
    #expect(AveragePrecision.elevenPoint(scores: [2, 1], positives: [true, false]) == 1)
    let tied = AveragePrecision.precisionRecallCurve(scores: [1, 1], positives: [true, false])
    #expect(tied.count == 2 && tied[0].precision == 0.5 && tied[0].recall == 1)
  }

  /// Four samples, 2 classes: confidences 0.9 (right), 0.9 (wrong), 0.6 (right), 0.55 (right).
  /// 15 bins: 0.9 → bin 13 ([0.8667, 0.9333)): acc 0.5, conf 0.9; 0.6 → bin 9 ([0.6, 0.6667))
  /// acc 1, conf 0.6; 0.55 → bin 8: acc 1, conf 0.55.
  /// ECE = 0.5·0.4 + 0.25·0.4 + 0.25·0.45 = 0.4125.
  @Test func expectedCalibrationErrorHandWorked() {
    let p = [0.9, 0.1, 0.1, 0.9, 0.6, 0.4, 0.45, 0.55]
    let (ece, bins) = Calibration.expectedCalibrationError(probabilities: p, labels: [0, 0, 0, 1])
    #expect(abs(ece - 0.4125) < 1e-12)
    #expect(bins.count == 15 && bins[13].count == 2 && bins[9].count == 1 && bins[8].count == 1)
    #expect(bins[13].accuracy == 0.5)
  }

  /// Temperature scaling, 2 classes, 3 of 4 predictions right. With probabilities (3/4, 1/4)
  /// the model is calibrated: w = 1, T = 1. With (0.9, 0.1): softmax(w·log p)₀ = 1/(1 + 9^−w)
  /// must equal 3/4, so w = log 3 / log 9 = 1/2 and T = 2.
  @Test func temperatureHandWorked() {
    let p = [0.75, 0.25, 0.75, 0.25, 0.75, 0.25, 0.75, 0.25]
    #expect(abs(Calibration.fitTemperature(probabilities: p, labels: [0, 0, 0, 1]) - 1) < 1e-9)
    let q = [0.9, 0.1, 0.9, 0.1, 0.9, 0.1, 0.9, 0.1]
    #expect(abs(Calibration.fitTemperature(probabilities: q, labels: [0, 0, 0, 1]) - 2) < 1e-9)
  }

  /// R² per output, averaged: output 0 perfect (1), output 1 predicted by its mean (0);
  /// a constant output predicted exactly scores 1 (sklearn force_finite).
  @Test func r2HandWorked() {
    let y = [1.0, 2, 2, 4, 3, 6]
    let yHat = [1.0, 4, 2, 4, 3, 4]
    #expect(RegressionMetrics.r2(targets: y, predictions: yHat, outputs: 2) == 0.5)
    #expect(RegressionMetrics.r2(targets: [5, 5], predictions: [5, 5], outputs: 1) == 1)
  }

  @Test func calibrationMatchesNetcalProcedure() throws {
    let fixture = try EvalReferenceFixture.load()
    let (x, _) = EvalTestData.classification(fixture.calibrationData)
    let logits = x.values.map { Double($0) * fixture.calibration.scale }
    // Labels as the script makes them: argmax of the logits, shifted for every 4th sample.
    var y = Softmax.argmaxRows(logits, columns: 4)
    for i in stride(from: 0, to: y.count, by: 4) { y[i] = (y[i] + 1) % 4 }
    let result = try Calibration.evaluate(logits: logits, labels: y)
    assertClose(result.ece, fixture.calibration.ece, rtol: 1e-12)
    // scipy's bounded Brent search stops at ~√eps·|w| ≈ 1.5e-8 relative (its xatol floor), and
    // Newton here at |f'| ≤ 1e-12: temperatures and the ECEs they give agree to 1e-7.
    assertClose(result.foldECEs, fixture.calibration.fold_eces, rtol: 1e-7, atol: 1e-12)
    assertClose(result.temperatureScaledECE, fixture.calibration.ts_ece, rtol: 1e-7)
    let t = Calibration.fitTemperature(
      probabilities: Softmax.rows(logits, columns: 4), labels: y)
    assertClose(t, fixture.calibration.temperature, rtol: 1e-7)
  }

  @Test(arguments: ["primal", "kernel"])
  func ridgeMatchesSklearn(name: String) throws {
    let fixture = try EvalReferenceFixture.load()
    let ref = try #require(fixture.ridge[name])
    let (x, _) = EvalTestData.classification(
      n: ref.n + 10, d: ref.d, k: 1, seed: ref.seed, sep: 0, noise: 1)
    let train = x.selectingRows(Array(0..<ref.n))
    let test = x.selectingRows(Array(ref.n..<(ref.n + 10)))
    let model = try Ridge.fit(
      features: train, targets: Array(ref.Y[0..<(2 * ref.n)]), outputs: 2, alpha: ref.alpha)
    assertClose(model.coefficients, ref.coef, rtol: 1e-9, atol: 1e-11)
    assertClose(model.intercepts, ref.intercept, rtol: 1e-9, atol: 1e-11)
    let r2 = RegressionMetrics.r2(
      targets: Array(ref.Y[(2 * ref.n)...]), predictions: model.predict(test), outputs: 2)
    assertClose(r2, ref.test_r2, rtol: 1e-9)
  }

  @Test func ridgeCrossValidationRunsTheGrid() throws {
    let (x, _) = EvalTestData.classification(n: 50, d: 5, k: 1, seed: 9, sep: 0, noise: 1)
    let y = (0..<50).map { i in Double(x.values[i * 5]) * 2 - Double(x.values[i * 5 + 1]) }
    let train = x.selectingRows(Array(0..<40))
    let test = x.selectingRows(Array(40..<50))
    let result = try Ridge.crossValidate(
      trainval: train, trainvalTargets: Array(y[0..<40]), test: test,
      testTargets: Array(y[40...]), outputs: 1, grid: RegularizationGrid(count: 9))
    // Noise-free linear targets: weak ridge (alpha = 1/wd small, i.e. large wd) is best.
    #expect(result.chosenWeightDecay >= 1e3)
    #expect(result.testR2 > 0.999)
  }

  @Test func knnMatchesNumpyDINO() throws {
    let fixture = try EvalReferenceFixture.load()
    let (x, y) = EvalTestData.classification(fixture.knnData)
    let train = try LabeledFeatures(
      features: x.selectingRows(Array(0..<120)), labels: Array(y[0..<120]))
    let test = try LabeledFeatures(
      features: x.selectingRows(Array(120..<160)), labels: Array(y[120...]))
    let result = try KNN.evaluate(train: train, test: test, config: KNNConfig(blockRows: 16))
    #expect(result.predictions == fixture.knn.predictions)
    #expect(result.top1 == fixture.knn.top1)
  }

  /// Hand-worked kNN, k = 2: query (1, 0) has neighbours (1, 0.1) class 0 and (0.9, −0.2)
  /// class 1; the nearer one (cosine) wins the exp(s/T) vote.
  @Test func knnHandWorked() throws {
    let train = try LabeledFeatures(
      features: FeatureMatrix(rows: 3, columns: 2, values: [1, 0.1, 0.9, -0.2, -1, 0]),
      labels: [0, 1, 1])
    let test = try LabeledFeatures(
      features: FeatureMatrix(rows: 1, columns: 2, values: [2, 0]), labels: [0])
    let result = try KNN.evaluate(train: train, test: test, config: KNNConfig(k: 2))
    #expect(result.predictions == [0])
  }
}
