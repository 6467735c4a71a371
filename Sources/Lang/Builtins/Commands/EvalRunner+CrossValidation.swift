// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

// MARK: - linear folds=k (§8.4)

extension EvalRunner {
  /// The invariance paper's classification protocol (`eval_downstream.py`, §8.4): no
  /// validation split — train and val together are trainval; for each C of the grid (the
  /// fused entries' shifted grid included) the mean accuracy over `k` shuffled folds of
  /// trainval (one warm-started estimator throughout), the first strictly best C, a refit on
  /// trainval and the test score. The seed code's `KFold` has no seed; `seed=` (default
  /// 'set seed') makes the folds sklearn's for that `random_state`.
  ///
  /// Trainval is the cached train rows followed by the val rows, so no feature is extracted
  /// twice; for a set without an official val split these are the whole train split in the
  /// seed-0 holdout's order (the seed code's own order is a shuffled loader's).
  func crossValidatedLinear(_ started: Date) throws(RuntimeError) -> MeasuredResult {
    guard settings.fixedC == nil else {
      throw RuntimeError("'folds=' selects C by cross-validation; drop 'c=' or 'folds='", at: span)
    }
    let folds = settings.folds ?? 5
    let pre = preprocessing { .linear($0) }
    let trainval: LabeledFeatures
    do { trainval = try labeled(.train, pre).appending(try labeled(.val, pre)) } catch {
      throw RuntimeError("\(model.name) on \(resolved.task): \(error)", at: span)
    }
    let test = try labeled(.test, pre)
    // §8.4's shift: one decade² per extra fused member; a `w3` model (not fused) gets c = 2.
    let shift = model.fusion == nil
      ? RegularizationGrid.invarianceShift(modelName: model.zoo.id) : model.regularizationShift
    let grid = RegularizationGrid(count: settings.gridCount, shift: shift)
    let seed = UInt32(truncatingIfNeeded: settings.fewShot.seed)
    let result: LogisticCVResult
    do {
      result = try LinearProbe.crossValidate(
        trainval: trainval, test: test, grid: grid, folds: folds, seed: seed,
        metric: resolved.metric)
    } catch {
      throw RuntimeError("\(model.name) on \(resolved.task): \(error)", at: span)
    }
    var parameters = [
      "grid": "\(settings.gridCount)", "solver": "lbfgs", "refit": "trainval",
      "selection": "\(folds)-fold", "folds": "\(folds)",
      "cv_score": String(format: "%.6f", result.meanScores.max() ?? .nan),
    ]
    parameters.merge(model.fusionParameters) { a, _ in a }
    parameters["grid_shift"] = "\(shift)"
    return measured(
      protocol: "linear", metric: metricName, value: result.testScore * 100, ci95: nil,
      group: "manyshot", parameters: parameters, seed: Int(seed),
      chosen: "C=\(formatC(1 / result.chosenWeightDecay))", started: started)
  }
}
