// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// One model on one dataset under one protocol: features (cached), the protocol, and the
/// measured result with its provenance.
struct EvalRunner {
  var model: BenchModel
  var resolved: DatasetResolver.Resolved
  var settings: EvalSettings
  var cache: FeatureCache
  var batch: Int
  var threads: Int
  var out: OutputSink
  var span: SourceSpan

  func run(_ proto: String) throws(RuntimeError) -> [MeasuredResult] {
    let started = Date()
    switch proto {
    case "linear" where resolved.dataset?.isMultiLabel == true: return [try multiLabelLinear(started)]
    case "linear" where settings.folds != nil: return [try crossValidatedLinear(started)]
    case "linear": return [try linear(started).measured]
    case "fewshot": return [try fewShot(started)]
    case "calibration" where resolved.dataset?.isMultiLabel == true, "knn" where resolved.dataset?.isMultiLabel == true,
      "fewshot" where resolved.dataset?.isMultiLabel == true:
      throw RuntimeError(
        "\(resolved.task) is multi-label: only 'linear' (11-point mAP) applies; the seed code skips \(proto) there",
        at: span)
    case "calibration": return try calibration(started)
    case "saliency": return [try saliency(started)]
    default: return [try knn(started)]
    }
  }

  // MARK: - Protocols

  /// The linear probe's result row, and the probe itself for calibration.
  func linear(_ started: Date) throws(RuntimeError)
    -> (measured: MeasuredResult, probe: LinearProbeResult, test: LabeledFeatures)
  {
    let pre = preprocessing { .linear($0) }
    let train = try labeled(.train, pre)
    let val = try labeled(.val, pre)
    let test = try labeled(.test, pre)
    var config = LinearProbeConfig(
      grid: RegularizationGrid(count: settings.gridCount, shift: model.regularizationShift), metric: resolved.metric,
      fixedC: settings.fixedC)
    config.metric = resolved.metric
    let result: LinearProbeResult
    do {
      result = try LinearProbe.sweep(
        train: train, validation: val, test: test,
        classCount: resolved.classCount, config: config)
    } catch {
      throw RuntimeError("\(model.name) on \(resolved.task): \(error)", at: span)
    }
    var parameters = ["grid": "\(settings.gridCount)", "solver": "lbfgs", "refit": "trainval"]
      .merging(model.fusionParameters) { a, _ in a }
    if let c = settings.fixedC { parameters["c"] = "\(c)" }
    let row = measured(
      protocol: "linear", metric: metricName, value: result.testScore * 100, ci95: nil,
      group: "manyshot", parameters: parameters, chosen: "C=\(formatC(result.chosenC))",
      started: started)
    return (row, result, test)
  }

  /// §3's calibration of the linear probe: ECE (15 bins) of the test softmax, and the mean ECE
  /// after temperature scaling fitted on one fifth of the test set and measured on the rest
  /// (numpy seed-0 shuffle, five chunks). Two rows, both in percent, lower is better.
  func calibration(_ started: Date) throws(RuntimeError) -> [MeasuredResult] {
    let (_, probe, test) = try linear(started)
    let result: CalibrationResult
    do {
      result = try Calibration.evaluate(logits: probe.testLogits, labels: test.labels)
    } catch {
      throw RuntimeError("\(model.name) on \(resolved.task): calibration: \(error)", at: span)
    }
    var parameters = ["bins": "15", "folds": "5", "grid": "\(settings.gridCount)", "probe": "linear"]
    if let c = settings.fixedC { parameters["c"] = "\(c)" }
    let bins = result.bins.map {
      "\($0.count):\(String(format: "%.6f", $0.accuracy)):\(String(format: "%.6f", $0.confidence))"
    }
    var uncalibrated = parameters
    uncalibrated["reliability"] = bins.joined(separator: ";")  // count:accuracy:confidence
    var scaledParameters = parameters
    scaledParameters["temperatures"] = result.foldTemperatures.map {
      String(format: "%.4f", $0)
    }.joined(separator: ",")
    let ece = measured(
      protocol: "calibration", metric: "ece", value: result.ece * 100, ci95: nil,
      group: "calibration", parameters: uncalibrated, seed: 0,
      chosen: "C=\(formatC(probe.chosenC))", started: started, better: .lower)
    let scaled = measured(
      protocol: "calibration", metric: "ece-ts", value: result.temperatureScaledECE * 100,
      ci95: nil, group: "calibration", parameters: scaledParameters, seed: 0,
      chosen: "C=\(formatC(probe.chosenC))", started: started, better: .lower)
    return [ece, scaled]
  }

  func fewShot(_ started: Date) throws(RuntimeError) -> MeasuredResult {
    let pool = try labeled(.all, preprocessing { .fewShot($0) })
    let config = settings.fewShot
    let result: FewShotResult
    do {
      result = try FewShot.evaluate(features: pool.features, labels: pool.labels, config: config)
    } catch {
      throw RuntimeError("\(model.name) on \(resolved.task): \(error)", at: span)
    }
    let group = resolved.seed?.isCrossDomainFewShot == true ? "cdfsl" : "fewshot"
    return measured(
      protocol: "fewshot-\(config.way)way-\(config.shot)shot", metric: "top1",
      value: result.mean * 100, ci95: result.confidence95 * 100, group: group,
      parameters: [
        "way": "\(config.way)", "shot": "\(config.shot)", "query": "\(config.query)",
        "episodes": "\(config.episodes)",
      ], seed: Int(config.seed), chosen: nil, started: started)
  }

  func knn(_ started: Date) throws(RuntimeError) -> MeasuredResult {
    let pre = preprocessing { .linear($0) }
    // train ∪ val is trainval; reusing the linear probe's cached splits avoids a third pass.
    let fit = try labeled(.train, pre)
    let val = try labeled(.val, pre)
    let test = try labeled(.test, pre)
    let result: KNNResult
    do {
      let train = try fit.appending(val)
      result = try KNN.evaluate(train: train, test: test, config: settings.knn)
    } catch {
      throw RuntimeError("\(model.name) on \(resolved.task): \(error)", at: span)
    }
    return measured(
      protocol: "knn", metric: "top1", value: result.top1 * 100, ci95: nil, group: "manyshot",
      parameters: ["k": "\(settings.knn.k)", "t": "\(settings.knn.temperature)"], chosen: nil,
      started: started)
  }

  // MARK: - Features

  var metricName: String { resolved.metric == .meanPerClassAccuracy ? "mean-per-class" : "top1" }

  func preprocessing(_ base: (ChannelNormalization) -> ImagePreprocessing) -> ImagePreprocessing {
    FeatureLoading.preprocessing(base, model: model, resolved: resolved)
  }

  /// A split's features and labels, from the cache or extracted with progress.
  func labeled(_ split: DatasetSplit, _ pre: ImagePreprocessing) throws(RuntimeError)
    -> LabeledFeatures
  {
    let set: FeatureSet
    if let provided = resolved.provided {
      guard let rows = provided.set.resolvedRows(split) else {
        let what = provided.set.splits == nil ? "no split array" : "no \(split.rawValue) rows"
        throw RuntimeError(
          "\(provided.file) has \(what); this protocol needs train and test rows "
            + "(a 'split' array: 0 train, 1 val, 2 test)", at: span)
      }
      set = rows
    } else {
      set = try FeatureLoading.features(
        model: model, resolved: resolved, split: split, preprocessing: pre, cache: cache,
        batch: batch, threads: threads, out: out, span: span)
    }
    do {
      return try LabeledFeatures(
        features: FeatureMatrix(rows: set.rows, columns: set.columns, values: set.values),
        labels: set.labels)
    } catch {
      throw RuntimeError("\(model.name) on \(resolved.task) (\(split.rawValue) split): \(error)", at: span)
    }
  }

  // MARK: - Results

  func measured(
    protocol proto: String, metric: String, value: Double, ci95: Double?, group: String,
    parameters: [String: String], seed: Int? = nil, chosen: String?, started: Date,
    better: MetricDirection = .higher
  ) -> MeasuredResult {
    let isSeed = resolved.seed != nil
    let row = ResultRow(
      model: model.name, task: resolved.task, group: isSeed ? group : "user", protocol: proto,
      metric: metric, value: value, ci95: ci95, better: better,
      provenance: .measured(description: ""))
    return MeasuredResult(
      row: row, modelHash: model.identity ?? resolved.provided?.hash ?? "",
      architecture: resolved.provided == nil ? model.zoo.architecture : "features",
      datasetFingerprint: resolved.fingerprint, parameters: parameters, seed: seed,
      chosen: chosen, wallSeconds: Date().timeIntervalSince(started))
  }

  func formatC(_ c: Double) -> String {
    let text = String(format: "%.3g", c)
    return text
  }
}
