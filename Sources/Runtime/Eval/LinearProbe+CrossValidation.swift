// Copyright © 2026 the ssl authors.

/// The outcome of the cross-validated logistic protocol (§8.4).
public struct LogisticCVResult: Sendable {
  /// The weight decays tried, ascending (the visit order).
  public var weightDecays: [Double]
  /// Mean fold score per grid point.
  public var meanScores: [Double]
  /// The chosen weight decay; `C = 1/wd`.
  public var chosenWeightDecay: Double
  /// The model refitted on all of trainval.
  public var model: LogisticRegression
  /// The test score.
  public var testScore: Double
}

extension LinearProbe {
  /// The invariance paper's classification protocol (`eval_downstream.py`, §8.4): for each wd
  /// of the grid (ascending) and each of `folds` folds, fit on the fold's train part and score
  /// its held-out part with one warm-started estimator throughout (warm starts persist across
  /// folds and grid values, as in the seed code); pick the wd with the highest mean score
  /// (strictly, from −∞); refit on trainval (warm) and score test.
  ///
  /// The seed code's `KFold(5, shuffle=True)` has no `random_state`; ``KFold`` makes the
  /// split sklearn's for the given seed.
  ///
  /// - Parameters:
  ///   - trainval: All labelled training data.
  ///   - test: The test split.
  ///   - grid: The wd grid (shifted with ``RegularizationGrid/invarianceShift(modelName:)``).
  ///   - folds: Fold count (default 5).
  ///   - seed: Fold seed (default 0).
  ///   - metric: The score (accuracy; mean per-class only for Caltech101 in that code).
  ///   - solver: Solver settings (default: sklearn 0.24, the same defaults as 0.22).
  /// - Returns: Mean scores, the chosen wd, the model and the test score.
  /// - Throws: ``EvalError`` for bad inputs.
  public static func crossValidate(
    trainval: LabeledFeatures, test: LabeledFeatures,
    grid: RegularizationGrid = RegularizationGrid(), folds: Int = 5, seed: UInt32 = 0,
    metric: ClassificationMetrics.Kind = .accuracy,
    solver: LogisticRegressionConfig = .seedProtocol
  ) throws(EvalError) -> LogisticCVResult {
    let k = max(trainval.labels.max() ?? 0, test.labels.max() ?? 0) + 1
    let split = try KFold(count: trainval.count, folds: folds, seed: seed)
    let parts = split.splits.map { (trainval.selecting($0.train), trainval.selecting($0.test)) }
    var model = LogisticRegression(c: 1, config: solver)
    var means: [Double] = []
    var best = -Double.infinity
    var chosen = 0
    for (g, wd) in grid.weightDecays.enumerated() {
      model.c = 1 / wd
      var sum = 0.0
      for (train, held) in parts {
        try model.fit(train.features, labels: train.labels, classCount: k)
        let predictions = try model.predict(held.features)
        sum += ClassificationMetrics.score(
          metric, predictions: predictions, labels: held.labels, classCount: k)
      }
      let mean = sum / Double(parts.count)
      means.append(mean)
      if mean > best {
        best = mean
        chosen = g
      }
    }
    guard !means.isEmpty else {
      throw .invalidParameter(name: "grid", value: 0, reason: "needs at least one point")
    }
    let wd = grid.weightDecays[chosen]
    model.c = 1 / wd
    try model.fit(trainval.features, labels: trainval.labels, classCount: k)
    let predictions = try model.predict(test.features)
    return LogisticCVResult(
      weightDecays: grid.weightDecays, meanScores: means, chosenWeightDecay: wd, model: model,
      testScore: ClassificationMetrics.score(
        metric, predictions: predictions, labels: test.labels, classCount: k))
  }

  /// VOC2007's mAP (spec §3): for each class, fit the same logistic estimator on the binary
  /// labels (a two-class multinomial, as sklearn 0.22 with `multi_class='multinomial'` does),
  /// score test with `decision_function` (class 1's logit) and take the 11-point AP; mAP is
  /// the mean over classes.
  ///
  /// - Parameters:
  ///   - train: `[n, d]` training features.
  ///   - trainPositives: `[class][n]` whether each training sample has the class.
  ///   - test: `[m, d]` test features.
  ///   - testPositives: `[class][m]`.
  ///   - c: The C of every per-class fit.
  ///   - solver: Solver settings.
  /// - Returns: Per-class APs and their mean.
  /// - Throws: ``EvalError`` for bad shapes.
  public static func oneVsRestAveragePrecision(
    train: FeatureMatrix, trainPositives: [[Bool]], test: FeatureMatrix,
    testPositives: [[Bool]], c: Double, solver: LogisticRegressionConfig = .seedProtocol
  ) throws(EvalError) -> (perClass: [Double], mean: Double) {
    guard trainPositives.count == testPositives.count, !trainPositives.isEmpty else {
      throw .sizeMismatch(
        what: "label classes", expected: trainPositives.count, actual: testPositives.count)
    }
    var aps: [Double] = []
    for (trainLabels, testLabels) in zip(trainPositives, testPositives) {
      guard testLabels.count == test.rows else {
        throw .sizeMismatch(what: "test labels", expected: test.rows, actual: testLabels.count)
      }
      var model = LogisticRegression(c: c, config: solver)
      try model.fit(train, labels: trainLabels.map { $0 ? 1 : 0 }, classCount: 2)
      let logits = try model.decisionFunction(test)
      let scores = (0..<test.rows).map { logits[$0 * 2 + 1] }
      aps.append(AveragePrecision.elevenPoint(scores: scores, positives: testLabels))
    }
    return (aps, aps.reduce(0, +) / Double(aps.count))
  }
}
