// Copyright © 2026 the ssl authors.

/// Settings of the linear-probe protocol (spec §3, `ssl-transfer:linear.py`).
public struct LinearProbeConfig: Hashable, Sendable {
  /// The order in which the grid is visited.
  public enum Order: Hashable, Sendable {
    /// Large C to small (wd ascending): the seed code. Ties then keep the larger C.
    case decreasingC
    /// Small C to large: `bench/sklearn_linear.py`. Ties then keep the smaller C.
    case increasingC
  }

  /// Where the final train+val fit starts.
  public enum RefitStart: Hashable, Sendable {
    /// From the last grid fit (the seed code's single warm-started estimator; a quirk).
    case lastGridFit
    /// From the grid fit at the chosen C (same C, a superset of the data: the fastest start).
    case chosenFit
    /// From zero (`bench/sklearn_linear.py` builds a new estimator).
    case cold
  }

  /// The weight-decay grid; `C = 1/wd` (default: 45 points, 1e-6…1e5).
  public var grid: RegularizationGrid
  /// Visit order (default `.decreasingC`).
  public var order: Order
  /// The refit's starting point (default `.lastGridFit`).
  public var refitStart: RefitStart
  /// The logistic solver (default ``LogisticRegressionConfig/seedProtocol``); its `warmStart`
  /// decides whether grid fits start from the previous one.
  public var solver: LogisticRegressionConfig
  /// The reported metric, also used for selection on the validation split.
  public var metric: ClassificationMetrics.Kind
  /// A fixed C (`-c`): skips the sweep and fits train+val directly.
  public var fixedC: Double?

  /// Creates a configuration; the defaults are the seed code's.
  ///
  /// - Parameters:
  ///   - grid: The wd grid.
  ///   - order: Visit order.
  ///   - refitStart: The refit's start.
  ///   - solver: Solver settings.
  ///   - metric: Selection and test metric.
  ///   - fixedC: Skip the sweep with this C.
  public init(
    grid: RegularizationGrid = RegularizationGrid(), order: Order = .decreasingC,
    refitStart: RefitStart = .lastGridFit, solver: LogisticRegressionConfig = .seedProtocol,
    metric: ClassificationMetrics.Kind = .accuracy, fixedC: Double? = nil
  ) {
    self.grid = grid
    self.order = order
    self.refitStart = refitStart
    self.solver = solver
    self.metric = metric
    self.fixedC = fixedC
  }
}

/// One grid point of a sweep.
public struct LinearProbeGridFit: Hashable, Sendable {
  /// The C fitted.
  public var c: Double
  /// The validation score at this C.
  public var validationScore: Double
  /// The solver's report.
  public var report: LogisticFitReport
}

/// The outcome of the linear-probe protocol.
public struct LinearProbeResult: Sendable {
  /// The grid fits in visit order (empty with a fixed C).
  public var gridFits: [LinearProbeGridFit]
  /// The chosen (or fixed) C.
  public var chosenC: Double
  /// The position of the chosen C in ``gridFits`` (nil with a fixed C).
  public var chosenIndex: Int?
  /// The refit's solver report.
  public var refitReport: LogisticFitReport
  /// The model refitted on train+val.
  public var model: LogisticRegression
  /// `decision_function` on the test split, `[n_test, K]` (the calibration input).
  public var testLogits: [Double]
  /// The test score with the configured metric, in [0, 1].
  public var testScore: Double
}

/// The linear-probe protocol: C sweep on train → val, refit on train+val, score on test.
public enum LinearProbe {
  /// Runs the protocol.
  ///
  /// For each C of the grid, in ``LinearProbeConfig/order``, fit on `train` (warm-started from
  /// the previous fit when the solver says so) and score `validation`; keep the C whose score is
  /// strictly higher than the best so far, starting from 0, so ties keep the earlier C. Refit
  /// on train+val from ``LinearProbeConfig/refitStart`` and score `test`.
  ///
  /// - Parameters:
  ///   - train: The fitting split.
  ///   - validation: The selection split (the official val split, or 20% of train).
  ///   - test: The reporting split.
  ///   - trainval: The refit split; by default `train` followed by `validation`. Pass it when
  ///     the refit features are prepared differently (the bench standardises them with the
  ///     statistics of the whole train set).
  ///   - classCount: `K`; by default one more than the largest label in any split.
  ///   - config: Protocol settings.
  /// - Returns: The grid fits, chosen C, refitted model, test logits and test score.
  /// - Throws: ``EvalError`` for inconsistent inputs or settings.
  public static func sweep(
    train: LabeledFeatures, validation: LabeledFeatures, test: LabeledFeatures,
    trainval: LabeledFeatures? = nil, classCount: Int? = nil, config: LinearProbeConfig = LinearProbeConfig()
  ) throws(EvalError) -> LinearProbeResult {
    let largest = max(
      train.labels.max() ?? 0, validation.labels.max() ?? 0, test.labels.max() ?? 0)
    let k = classCount ?? (largest + 1)
    guard test.features.columns == train.features.columns else {
      throw .sizeMismatch(
        what: "test feature width", expected: train.features.columns,
        actual: test.features.columns)
    }
    let refitSplit: LabeledFeatures
    if let trainval { refitSplit = trainval } else { refitSplit = try train.appending(validation) }
    // sklearn refuses one class ("needs samples of at least 2 classes"); so do we, up front.
    if let only = refitSplit.labels.first, refitSplit.labels.allSatisfy({ $0 == only }) {
      throw .singleClass(label: only)
    }
    var model = LogisticRegression(c: 1, config: config.solver)
    var fits: [LinearProbeGridFit] = []
    var chosenC: Double
    var chosenIndex: Int?
    if let fixed = config.fixedC {
      chosenC = fixed
    } else {
      var cs = config.grid.inverseValues
      if config.order == .increasingC { cs.reverse() }
      guard !cs.isEmpty else {
        throw .invalidParameter(name: "grid", value: 0, reason: "needs at least one point")
      }
      guard validation.features.columns == train.features.columns else {
        throw .sizeMismatch(
          what: "feature width", expected: train.features.columns,
          actual: validation.features.columns)
      }
      // Scored at every grid point: packed once.
      let validationDesign = DesignMatrix(
        validation.features, precision: config.solver.precision, forRepeatedProducts: true)
      var best = 0.0
      var chosenModel = model
      chosenC = cs[0]
      // Warm-started sweeps share logits and curvature between C values (`LogisticPath`);
      // cold sweeps refit from zero at every C, as separate sklearn estimators would.
      var path = config.solver.warmStart
        ? try LogisticPath(
          train: train.features, labels: train.labels, classCount: k, config: config.solver)
        : nil
      for (i, c) in cs.enumerated() {
        let report: LogisticFitReport
        if var current = path {
          path = nil  // keep the path uniquely referenced while it mutates
          report = try current.fit(c: c)
          model = current.model
          path = current
        } else {
          model = LogisticRegression(c: c, config: config.solver)
          report = try model.fit(train.features, labels: train.labels, classCount: k)
        }
        let score: Double
        if path != nil, report.iterations == 0, let previous = fits.last {
          // A warm fit that took no step kept the previous weights: the same predictions.
          score = previous.validationScore
        } else {
          let predictions = Softmax.argmaxRows(
            model.decisionFunction(validationDesign), columns: k)
          score = ClassificationMetrics.score(
            config.metric, predictions: predictions, labels: validation.labels, classCount: k)
        }
        fits.append(LinearProbeGridFit(c: c, validationScore: score, report: report))
        if score > best || chosenIndex == nil {
          if score > best { best = score }
          chosenIndex = i
          chosenC = c
          chosenModel = model
        }
      }
      switch config.refitStart {
      case .lastGridFit: break
      case .chosenFit: model = chosenModel
      case .cold: model = LogisticRegression(c: 1, config: config.solver)
      }
    }
    model.c = chosenC
    if config.fixedC == nil && config.refitStart == .cold { model.config.warmStart = false }
    let refit = try model.fit(refitSplit.features, labels: refitSplit.labels, classCount: k)
    model.config.warmStart = config.solver.warmStart
    let logits = try model.decisionFunction(test.features)
    let predictions = Softmax.argmaxRows(logits, columns: k)
    let score = ClassificationMetrics.score(
      config.metric, predictions: predictions, labels: test.labels, classCount: k)
    return LinearProbeResult(
      gridFits: fits, chosenC: chosenC, chosenIndex: chosenIndex, refitReport: refit,
      model: model, testLogits: logits, testScore: score)
  }
}
