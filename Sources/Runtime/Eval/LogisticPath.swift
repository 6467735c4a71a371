// Copyright © 2026 the ssl authors.
//
// LogisticPath.swift — a warm-started sequence of logistic fits on ONE training set over a C
// grid (the linear probe's sweep), sharing state between consecutive C values.
//
// Between two C values only λ = 1/(C·n) changes, so:
// * the logits Z = X·Wᵀ + b and the data gradient at the current point are reused: switching C
//   costs no feature product (a fresh `LogisticRegression.fit` spends two GEMMs on them);
// * the L-BFGS memory starts empty at every C, as scipy's does. Carrying the pairs over (exact
//   after y ← y + Δλ·s on the weights) was measured on the Pets-sized bench and took MORE
//   steps (251 vs 201 for the 45 fits): with the loose tol the first, short steepest-descent
//   step of a fresh memory often already stops a warm-started fit.
// * each fit starts at the previous solution, as sklearn's does. Starting instead at the
//   previous solution moved along the last path step (x_k + t·(x_k − x_{k−1}), t from a line
//   minimisation at the new C; free, since the logits of that line are Z_k + t·(Z_k − Z_{k−1}))
//   was measured on the Pets-sized bench: 144 instead of 203 steps but 2.20 s against 2.11 s,
//   and the chosen C moved two grid steps (from 1.0 to 0.316). With tol 1e-4 on the mean
//   objective the set of points that stop a fit is wide at large C, and the validation
//   accuracy there depends on where in it a fit starts, so the start is part of the protocol.
//   Re-measured with the predictor only on the first k fits (strong regularisation, where the
//   stopping set is narrow): k = 8, 12, 16, 45 gave 183, 171, 156, 145 steps and chose grid
//   index 18, 24, 20, 15 (sklearn: 20). The fits there still took ~11 steps each from the
//   better start (a fresh memory needs them to reach tol), so little is saved, and the choice
//   moves with any change of start.
// The stopping rules are those of a single fit, so each fit ends where sklearn's warm-started
// estimator would be allowed to end.

/// Warm-started logistic fits over a C path on a fixed training set.
struct LogisticPath {
  private var loss: LogisticLoss
  /// The pairs of the current fit, and spare storage for the next fits' arrays.
  private var memory = LBFGSMemory()
  private var x: [Double]
  /// `∇f` at `x` for the next C (kept: written in place at every fit).
  private var startGradient: [Double] = []
  private var lastLambda: Double?
  private let config: LogisticRegressionConfig
  private let samples: Int
  private let features: Int
  private let classCount: Int
  private(set) var c: Double
  private(set) var lastReport: LogisticFitReport?

  /// Prepares the path; nothing is fitted yet.
  init(
    train: FeatureMatrix, labels: [Int], classCount: Int, config: LogisticRegressionConfig
  ) throws(EvalError) {
    try config.validate()
    try train.validate(labels: labels, classCount: classCount, what: "training")
    let design = DesignMatrix(train, precision: config.precision, forRepeatedProducts: true)
    loss = LogisticLoss(
      design: design, labels: labels, classCount: classCount,
      fitIntercept: config.fitIntercept, c: 1)
    x = [Double](repeating: 0, count: loss.dimension)
    self.config = config
    samples = train.rows
    features = train.columns
    self.classCount = classCount
    c = 1
  }

  /// Fits at `c`, starting from the previous solution and curvature.
  mutating func fit(c: Double) throws(EvalError) -> LogisticFitReport {
    guard c > 0, c.isFinite else {
      throw .invalidParameter(name: "C", value: c, reason: "must be finite and > 0")
    }
    self.c = c
    let value: Double
    let lambda = 1 / (c * Double(samples))
    memory.forgetPairs()
    if lastLambda != nil {
      value = loss.changeC(to: c, gradient: &startGradient)
    } else {
      loss.setC(c)
      value = loss.reset(at: x, gradient: &startGradient)
    }
    lastLambda = lambda
    let settings = LogisticRegression.settings(config, samples: samples)
    let outcome = LBFGS.minimizeKeepingHelpers(
      &loss, point: &x, settings: settings, start: (value, startGradient), memory: &memory,
      helpers: loss.productsAvoidBLAS)
    let report = LogisticFitReport(
      iterations: outcome.iterations, lineEvaluations: outcome.lineEvaluations,
      stop: outcome.stop, objective: outcome.value, gradientNorm: outcome.gradientNorm)
    lastReport = report
    return report
  }

  /// The current solution as a model.
  var model: LogisticRegression {
    let w = classCount * features
    return LogisticRegression(
      c: c, config: config, classCount: classCount, featureCount: features,
      coefficients: Array(x[0..<w]),
      intercepts: config.fitIntercept
        ? Array(x[w..<(w + classCount)]) : [Double](repeating: 0, count: classCount),
      lastFit: lastReport)
  }
}
