// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

extension EvalRunner {
  /// The linear protocol on a multi-label dataset (VOC2007, §3 "mAP"): for each C of the grid
  /// (largest first), one binary logistic probe per class on train, scored on val by the mean
  /// 11-point AP of the decision scores; the C with the strictly highest val mAP (start 0, ties
  /// to the larger C) is refitted per class on trainval and scored on test. Each per-class fit
  /// starts cold (the seed code's warm-started single estimator is not reproduced here).
  func multiLabelLinear(_ started: Date) throws(RuntimeError) -> MeasuredResult {
    let pre = preprocessing { .linear($0) }
    let train = try labeled(.train, pre)
    let val = try labeled(.val, pre)
    let test = try labeled(.test, pre)
    let k = resolved.classCount
    let positives = { (split: LabeledFeatures) in MultiLabel.positives(split.labels, classCount: k) }
    var chosen = settings.fixedC ?? 1
    var validation: [Double] = []
    do {
      if settings.fixedC == nil {
        var best = 0.0
        let cs = RegularizationGrid(count: settings.gridCount).inverseValues
        for (i, c) in cs.enumerated() {
          out.progress("\(model.name) · \(resolved.task) mAP sweep", done: i, total: cs.count, unit: "C values")
          let (_, score) = try LinearProbe.oneVsRestAveragePrecision(
            train: train.features, trainPositives: positives(train), test: val.features,
            testPositives: positives(val), c: c)
          validation.append(score)
          if score > best {
            best = score
            chosen = c
          }
        }
      }
      let trainval = try train.appending(val)
      let (_, mAP) = try LinearProbe.oneVsRestAveragePrecision(
        train: trainval.features, trainPositives: positives(trainval), test: test.features,
        testPositives: positives(test), c: chosen)
      var parameters = [
        "grid": "\(settings.gridCount)", "solver": "lbfgs", "refit": "trainval",
        "scores": "decision_function", "ap": "11-point", "classes": "\(k)",
      ]
      if let c = settings.fixedC { parameters["c"] = "\(c)" }
      if !validation.isEmpty {
        parameters["val_map"] = validation.map { String(format: "%.4f", $0) }.joined(separator: ",")
      }
      return measured(
        protocol: "linear", metric: "map11", value: mAP * 100, ci95: nil, group: "manyshot",
        parameters: parameters, chosen: "C=\(formatC(chosen))", started: started)
    } catch {
      throw RuntimeError("\(model.name) on \(resolved.task): \(error)", at: span)
    }
  }
}
