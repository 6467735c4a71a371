// Copyright © 2026 the ssl authors.

import Foundation

/// How one ``LogisticRegression`` fit ended.
public struct LogisticFitReport: Hashable, Sendable {
  /// L-BFGS steps taken (sklearn's `n_iter_`).
  public var iterations: Int
  /// Objective evaluations along lines (each an O(n·K) pass, no GEMM).
  public var lineEvaluations: Int
  /// Why the solver stopped.
  public var stop: LBFGSStop
  /// The per-sample-mean objective `F / n` at the solution (the bench's `refit_objective`).
  public var objective: Double
  /// `‖∇(F/n)‖∞` at the solution.
  public var gradientNorm: Double
}

/// Multinomial logistic regression with sklearn's objective, fitted by L-BFGS.
///
/// Minimises `Σᵢ CE(softmax(W xᵢ + b), yᵢ) + ‖W‖²_F / (2C)` over `W ∈ ℝ^{K×d}`, `b ∈ ℝ^K`
/// (intercept unpenalised), the objective of sklearn's
/// `LogisticRegression(solver='lbfgs', multi_class='multinomial')`. The parameterisation is
/// sklearn's full one (a row per class, not K − 1), so two classes give a symmetric softmax
/// with `w₀ = −w₁` at the optimum, as sklearn 0.22's multinomial binary fit does; its
/// `decision_function` is then class 1's logit. Settings, including the stopping rule, are in
/// ``LogisticRegressionConfig``.
///
/// Warm starts follow sklearn's `warm_start=True`: a fit starts from the current coefficients
/// when their shape matches, so one value stepped through a C grid carries each solution into
/// the next fit.
public struct LogisticRegression: Sendable {
  /// Solver settings.
  public var config: LogisticRegressionConfig
  /// sklearn's `C`, the inverse regularisation strength (> 0).
  public var c: Double
  /// The class count `K` of the last fit (0 before fitting).
  public private(set) var classCount = 0
  /// The feature dimension `d` of the last fit (0 before fitting).
  public private(set) var featureCount = 0
  /// `W`, row-major `[K, d]` (sklearn's `coef_`).
  public private(set) var coefficients: [Double] = []
  /// `b`, length `K` (sklearn's `intercept_`; zeros when intercepts are off).
  public private(set) var intercepts: [Double] = []
  /// The report of the last fit.
  public private(set) var lastFit: LogisticFitReport?

  /// Creates an unfitted model.
  ///
  /// - Parameters:
  ///   - c: sklearn's `C` (default 1).
  ///   - config: Solver settings (default: the seed protocol's).
  public init(c: Double = 1, config: LogisticRegressionConfig = .seedProtocol) {
    self.c = c
    self.config = config
  }

  /// Creates a fitted model from solver output (internal: ``LogisticPath`` snapshots).
  init(
    c: Double, config: LogisticRegressionConfig, classCount: Int, featureCount: Int,
    coefficients: [Double], intercepts: [Double], lastFit: LogisticFitReport?
  ) {
    self.c = c
    self.config = config
    self.classCount = classCount
    self.featureCount = featureCount
    self.coefficients = coefficients
    self.intercepts = intercepts
    self.lastFit = lastFit
  }

  /// The L-BFGS tolerances of `config` for `n` samples, on the mean-objective scale.
  static func settings(_ config: LogisticRegressionConfig, samples: Int) -> LBFGS.Settings {
    let n = Double(samples)
    let perSum = config.toleranceScale == .sum
    return LBFGS.Settings(
      gradientTolerance: perSum ? config.tolerance / n : config.tolerance,
      relativeReduction: config.relativeReduction, valueScale: perSum ? n : 1,
      maxIterations: config.maxIterations, memory: config.memory,
      maxLineSearchSteps: config.maxLineSearchSteps)
  }

  /// Fits the model, starting from the current coefficients when warm-starting.
  ///
  /// - Parameters:
  ///   - features: `[n, d]` training features.
  ///   - labels: `n` class indices in `0..<classCount`.
  ///   - classCount: `K`; by default `max(labels) + 1`. A class without samples keeps a row
  ///     whose logit is pushed down (sklearn would drop it from `classes_`).
  /// - Returns: The fit report (also stored in ``lastFit``).
  /// - Throws: ``EvalError`` for bad shapes, labels, `C` or settings.
  @discardableResult
  public mutating func fit(
    _ features: FeatureMatrix, labels: [Int], classCount: Int? = nil
  ) throws(EvalError) -> LogisticFitReport {
    try config.validate()
    guard c > 0, c.isFinite else {
      throw .invalidParameter(name: "C", value: c, reason: "must be finite and > 0")
    }
    guard features.rows >= 1 else {
      throw .tooFewSamples(what: "logistic regression", count: features.rows, needed: 1)
    }
    let k = classCount ?? ((labels.max() ?? 0) + 1)
    guard k >= 2 else {
      throw .invalidParameter(name: "classes", value: Double(k), reason: "needs at least 2")
    }
    try features.validate(labels: labels, classCount: k, what: "training")
    let design = DesignMatrix(features, precision: config.precision, forRepeatedProducts: true)
    var loss = LogisticLoss(
      design: design, labels: labels, classCount: k, fitIntercept: config.fitIntercept, c: c)
    let d = features.columns
    var start = [Double](repeating: 0, count: loss.dimension)
    if config.warmStart && self.classCount == k && featureCount == d {
      start.replaceSubrange(0..<(k * d), with: coefficients)
      if config.fitIntercept { start.replaceSubrange((k * d)..<(k * d + k), with: intercepts) }
    }
    let settings = Self.settings(config, samples: features.rows)
    var memory = LBFGSMemory()
    let outcome = LBFGS.minimizeKeepingHelpers(
      &loss, point: &start, settings: settings, memory: &memory,
      helpers: loss.productsAvoidBLAS)
    self.classCount = k
    featureCount = d
    coefficients = Array(start[0..<(k * d)])
    intercepts = config.fitIntercept
      ? Array(start[(k * d)..<(k * d + k)]) : [Double](repeating: 0, count: k)
    let report = LogisticFitReport(
      iterations: outcome.iterations, lineEvaluations: outcome.lineEvaluations,
      stop: outcome.stop, objective: outcome.value, gradientNorm: outcome.gradientNorm)
    lastFit = report
    return report
  }

  /// sklearn's `decision_function`: the logits `X·Wᵀ + b`, row-major `[n, K]`.
  ///
  /// - Parameter features: `[n, d]` features with the fitted `d`.
  /// - Returns: `n × K` logits (empty when the model is unfitted).
  /// - Throws: ``EvalError/sizeMismatch(what:expected:actual:)`` for a wrong width.
  public func decisionFunction(_ features: FeatureMatrix) throws(EvalError) -> [Double] {
    guard features.columns == featureCount else {
      throw .sizeMismatch(
        what: "feature width", expected: featureCount, actual: features.columns)
    }
    return decisionFunction(DesignMatrix(features, precision: config.precision))
  }

  /// `decision_function` on a prepared design of the fitted width (a validation split scored
  /// at every grid point is packed once).
  func decisionFunction(_ design: DesignMatrix) -> [Double] {
    precondition(design.columns == featureCount, "LogisticRegression: design width")
    return design.timesTransposed(coefficients[...], bias: intercepts[...], outputs: classCount)
  }

  /// The predicted class of each row (argmax of the logits; the first maximum on ties, as
  /// numpy's `argmax`).
  ///
  /// - Parameter features: `[n, d]` features.
  /// - Returns: `n` class indices.
  /// - Throws: ``EvalError/sizeMismatch(what:expected:actual:)`` for a wrong width.
  public func predict(_ features: FeatureMatrix) throws(EvalError) -> [Int] {
    let z = try decisionFunction(features)
    return Softmax.argmaxRows(z, columns: classCount)
  }

  /// `softmax(X·Wᵀ + b)` row by row, `[n, K]` (sklearn's `predict_proba`).
  ///
  /// - Parameter features: `[n, d]` features.
  /// - Returns: `n × K` probabilities.
  /// - Throws: ``EvalError/sizeMismatch(what:expected:actual:)`` for a wrong width.
  public func predictProbabilities(_ features: FeatureMatrix) throws(EvalError) -> [Double] {
    Softmax.rows(try decisionFunction(features), columns: classCount)
  }
}
