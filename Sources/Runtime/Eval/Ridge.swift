// Copyright © 2026 the ssl authors.
//
// Ridge.swift — sklearn `Ridge(alpha)` (fit_intercept=True, dense Cholesky solver) and the
// invariance paper's 5-fold selection of alpha (`ssl-invariances:eval_downstream.py`, §8.4).
//
// Fit: centre X and Y (column means in Double), then solve the normal equations of
// min ‖Yc − Xc·W‖² + α‖W‖² on the smaller Gram matrix, as sklearn's `_solve_cholesky` /
// `_solve_cholesky_kernel` do: (XcᵀXc + αI)·W = XcᵀYc when d ≤ n, else
// (XcXcᵀ + αI)·Z = Yc and W = XcᵀZ. Intercept = ȳ − x̄·W. Products run in `dgemm`; the
// Cholesky factorisation is a plain row-oriented loop (dot products over contiguous rows).
//
// Quirk kept from the seed code: the value it calls C (= 1/wd) is passed as `alpha`, so a
// LARGER wd means WEAKER ridge regularisation, the opposite of the logistic grid.

import Kernels

/// A fitted ridge regression `ŷ = x·W + b` for `m` outputs.
public struct RidgeModel: Hashable, Sendable {
  /// The regularisation strength α.
  public var alpha: Double
  /// `W`, row-major `[d, m]`.
  public var coefficients: [Double]
  /// `b`, length `m`.
  public var intercepts: [Double]
  /// `m`, the number of outputs.
  public var outputs: Int

  /// Predictions `X·W + b`, row-major `[n, m]`.
  ///
  /// - Parameter features: `[n, d]` features.
  /// - Returns: `n × m` predictions.
  public func predict(_ features: FeatureMatrix) -> [Double] {
    let x = features.values.map(Double.init)
    var out = [Double](repeating: 0, count: features.rows * outputs)
    for i in 0..<features.rows {
      for j in 0..<outputs { out[i * outputs + j] = intercepts[j] }
    }
    Ridge.multiply(x, rows: features.rows, inner: features.columns, coefficients, outputs, &out)
    return out
  }
}

/// The outcome of the cross-validated ridge protocol.
public struct RidgeCVResult: Hashable, Sendable {
  /// The weight decays tried (the grid), ascending.
  public var weightDecays: [Double]
  /// Mean R² over the folds per grid point (−∞ where a solve failed).
  public var meanScores: [Double]
  /// The chosen weight decay; `alpha = 1/wd` (the seed code's quirk).
  public var chosenWeightDecay: Double
  /// The model refitted on all of trainval.
  public var model: RidgeModel
  /// R² on the test split.
  public var testR2: Double
}

/// Ridge regression (a namespace).
public enum Ridge {
  /// Fits `Ridge(alpha)`.
  ///
  /// - Parameters:
  ///   - features: `[n, d]` features.
  ///   - targets: `n × m` targets, row-major.
  ///   - outputs: `m`.
  ///   - alpha: α ≥ 0.
  /// - Returns: The model.
  /// - Throws: ``EvalError`` for bad shapes, or when `Gram + αI` is not positive definite.
  public static func fit(
    features: FeatureMatrix, targets: [Double], outputs: Int, alpha: Double
  ) throws(EvalError) -> RidgeModel {
    let problem = try CenteredProblem(features: features, targets: targets, outputs: outputs)
    guard let model = problem.solve(alpha: alpha) else {
      throw .invalidParameter(name: "alpha", value: alpha, reason: "Gram + αI is singular")
    }
    return model
  }

  /// The §8.4 protocol: 5-fold CV on trainval over the grid (alpha = 1/wd), the highest mean
  /// R² wins (strictly, starting from −∞, so ties keep the smaller wd), refit on trainval,
  /// R² on test.
  ///
  /// - Parameters:
  ///   - trainval: `[n, d]` features.
  ///   - trainvalTargets: `n × m` targets.
  ///   - test: Test features.
  ///   - testTargets: Test targets.
  ///   - outputs: `m`.
  ///   - grid: The wd grid (use ``RegularizationGrid/invarianceShift(modelName:)``).
  ///   - folds: Fold count (default 5).
  ///   - seed: The fold seed (sklearn `random_state`; the seed code has none).
  /// - Returns: Scores per grid point, the choice, the refitted model and test R².
  /// - Throws: ``EvalError`` for bad shapes or when no grid point can be solved.
  public static func crossValidate(
    trainval: FeatureMatrix, trainvalTargets: [Double], test: FeatureMatrix,
    testTargets: [Double], outputs: Int, grid: RegularizationGrid = RegularizationGrid(),
    folds: Int = 5, seed: UInt32 = 0
  ) throws(EvalError) -> RidgeCVResult {
    let split = try KFold(count: trainval.rows, folds: folds, seed: seed)
    var sums = [Double](repeating: 0, count: grid.weightDecays.count)
    for fold in split.splits {
      let train = trainval.selectingRows(fold.train)
      let held = trainval.selectingRows(fold.test)
      let problem = try CenteredProblem(
        features: train, targets: rows(trainvalTargets, fold.train, outputs), outputs: outputs)
      let heldTargets = rows(trainvalTargets, fold.test, outputs)
      for (g, wd) in grid.weightDecays.enumerated() {
        guard let model = problem.solve(alpha: 1 / wd) else {
          sums[g] = -.infinity
          continue
        }
        sums[g] += RegressionMetrics.r2(
          targets: heldTargets, predictions: model.predict(held), outputs: outputs)
      }
    }
    let means = sums.map { $0 / Double(split.splits.count) }
    var best = -Double.infinity
    var chosen: Int?
    for (g, score) in means.enumerated() where score > best {
      best = score
      chosen = g
    }
    guard let chosen else {
      throw .invalidParameter(name: "grid", value: 0, reason: "no grid point could be solved")
    }
    let wd = grid.weightDecays[chosen]
    let model = try fit(
      features: trainval, targets: trainvalTargets, outputs: outputs, alpha: 1 / wd)
    let r2 = RegressionMetrics.r2(
      targets: testTargets, predictions: model.predict(test), outputs: outputs)
    return RidgeCVResult(
      weightDecays: grid.weightDecays, meanScores: means, chosenWeightDecay: wd, model: model,
      testR2: r2)
  }

  // MARK: - Internals

  static func rows(_ values: [Double], _ indices: [Int], _ width: Int) -> [Double] {
    var out: [Double] = []
    out.reserveCapacity(indices.count * width)
    for i in indices { out.append(contentsOf: values[(i * width)..<((i + 1) * width)]) }
    return out
  }

  /// `out[n, m] += A[n, p] · B[p, m]` in `dgemm`.
  static func multiply(
    _ a: [Double], rows: Int, inner: Int, _ b: [Double], _ columns: Int, _ out: inout [Double]
  ) {
    if rows == 0 || columns == 0 { return }
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        out.withUnsafeMutableBufferPointer { pc in
          GEMM.dgemm(m: rows, n: columns, k: inner, a: pa, lda: max(inner, 1), b: pb,
            ldb: columns, beta: 1, c: pc, ldc: columns)
        }
      }
    }
  }
}
