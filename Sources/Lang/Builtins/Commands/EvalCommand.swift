// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `eval <dataset>... <protocol> [options]`: runs a protocol for every model on the bench
/// that has weights, through the feature cache, and files the numbers with full provenance.
enum EvalCommand {
  static let protocols = ["linear", "fewshot", "knn", "calibration", "ridge", "invariance", "saliency"]
  static let usage = "eval <dataset>... linear|fewshot|knn|calibration|ridge|invariance|saliency [options]"

  static var command: Command<BenchState> {
    Command(
      name: "eval",
      summary: "measure the bench on datasets: linear probe, few-shot, kNN, calibration (ECE), ridge, invariance, saliency",
      usage: usage, example: "load byol from=\"byol.pth\"; eval pets linear; eval eurosat fewshot shot=5",
      options: [
        OptionSpec("c", "linear, calibration: a fixed C (skips the 45-point sweep)"),
        OptionSpec("folds", "linear: the invariance paper's k-fold selection of C on train+val (§8.4; 5 there)"),
        OptionSpec("grid", "linear, calibration, ridge: number of values in the sweep (default 45)"),
        OptionSpec("way", "fewshot: classes per episode (default 5)"),
        OptionSpec("shot", "fewshot: support images per class (default 20; the paper uses 5, 20, 50)"),
        OptionSpec("query", "fewshot: query images per class (default 15)"),
        OptionSpec("episodes", "fewshot: number of episodes (default 600)"),
        OptionSpec("seed", "fewshot, invariance, ridge, linear folds=: episode / image / fold seed (default: 'set seed', 0)"),
        OptionSpec("k", "knn: neighbours (default 20); invariance: settings per transform (default §8.2's, 256 for most)"),
        OptionSpec("n", "invariance: images drawn with replacement (default 1000); saliency: first test images (default 8)"),
        OptionSpec("window", "saliency: side of the occluding square (default 10)"),
        OptionSpec("stride", "saliency: step between window positions (default 8; 1 is §7's, 54,289 passes per image)"),
        OptionSpec("transforms", "invariance: which of the 18 transforms, e.g. transforms=[rotation, hue] (default all)"),
        OptionSpec("ridge", "invariance: added to the reference covariance's diagonal (default 0; §8.1)"),
        OptionSpec("reference", "invariance: the dataset of the whitening statistics (default imagenet: <data>/imagenet/val; cached in <workspace>/statistics)"),
        OptionSpec("t", "knn: temperature (default 0.07)"),
      ],
      run: { state, invocation, out throws(RuntimeError) in
        let words = try ArgumentReader.names(invocation.arguments, for: "eval")
        guard let last = words.last, protocols.contains(last.0.lowercased()) else {
          throw RuntimeError(
            "'eval' needs a protocol last: linear, fewshot, knn, calibration, ridge, invariance or saliency", at: words.last?.1 ?? invocation.span,
            suggestion: words.last.flatMap { NameSuggestion.nearest(to: $0.0, among: protocols) })
        }
        let proto = last.0.lowercased()
        let datasets = words.dropLast()
        guard !datasets.isEmpty else {
          throw RuntimeError("'eval' needs a dataset before '\(proto)'", at: last.1)
        }
        let settings = try EvalSettings(invocation, protocol: proto, seed: state.settings.seed)
        // Feature files carry their own model; images need the bench's (checked first).
        let needsBench = datasets.contains {
          state.datasets[NameSuggestion.normalize($0.0)]?.layout != .features
        }
        // The landmark datasets (§8.4) resolve on their own, before the bench is checked.
        let landmarks = proto == "ridge" ? try RegressionRunner.load(datasets, state: state) : []
        let bench = needsBench ? try modelsWithWeights(state, at: invocation.verbSpan) : []
        let resolvedSets = proto == "ridge" ? [] : try datasets.map { (name, span) throws(RuntimeError) in
          (try DatasetResolver.resolve(name, span: span, state: state), span)
        }
        // Opened before any work: a workspace that cannot store results refuses up front.
        let store = try openStore(state)
        let cache = FeatureCache(directory: workspace(state) + "/features")
        var measured: [MeasuredResult] = []
        if proto == "ridge" {
          for (dataset, task, span) in landmarks {
            for model in bench {
              measured.append(
                try RegressionRunner(
                  model: model, dataset: dataset, task: task, state: state, settings: settings,
                  out: out, span: span
                ).run())
            }
          }
        }
        for (resolved, span) in resolvedSets {
          let models = resolved.provided.map { provided in
            [BenchModel(zoo: WeightsLoading.customEntry(name: provided.model, architecture: "features", file: provided.file), weights: nil)]
          } ?? bench
          if resolved.views != nil, proto != "invariance" { throw DatasetResolver.viewsOnly(resolved.task, proto, at: span) }
          if proto == "invariance" {
            measured += try InvarianceRunner(
              models: models, resolved: resolved, settings: settings.invariance, state: state,
              cache: cache, out: out, span: span
            ).run()
            continue
          }
          for model in models {
            let runner = EvalRunner(
              model: model, resolved: resolved, settings: settings, cache: cache,
              batch: state.settings.batch, threads: state.settings.threads, out: out, span: span)
            measured += try runner.run(proto)
          }
        }
        let rows = measured.map(\.row)
        state.results.rows += rows
        let title = "eval " + datasets.map(\.0).joined(separator: " ") + " \(proto)"
        out.write(TextTable.render(LastValueTable.results(rows, title: title)))
        state.last = .results(rows, title: title)
        do throws(StoreError) {
          try store.insert(measured)
        } catch {
          // The numbers are computed and shown; they stay in the session so `save` can write
          // them elsewhere. Earlier stored results are untouched (one transaction).
          out.warn(
            "warning: \(rows.count == 1 ? "this result was" : "these \(rows.count) results were") not stored: \(error.description)\n"
              + "  they stay in this session: 'save \"results.csv\"' writes them to a writable place\n")
        }
      })
  }

  /// The workspace folder (`set workspace`, `$SSL_WORKSPACE`, default `.ssl`).
  static func workspace(_ state: BenchState) -> String {
    if state.settings.workspace != Settings().workspace { return state.settings.workspace }
    return ProcessInfo.processInfo.environment["SSL_WORKSPACE"] ?? state.settings.workspace
  }

  static func openStore(_ state: BenchState) throws(RuntimeError) -> ResultsStore {
    do throws(StoreError) {
      return try ResultsStore(path: workspace(state) + "/results.sqlite")
    } catch {
      throw RuntimeError(error.description, at: nil)
    }
  }

  /// The bench's models that have weights; an error naming the files that are missing.
  static func modelsWithWeights(_ state: BenchState, at span: SourceSpan) throws(RuntimeError)
    -> [BenchModel]
  {
    guard !state.bench.isEmpty else {
      throw RuntimeError(
        "no models on the bench", at: span, notes: [DiagnosticNote("load one first, e.g. 'load byol'")])
    }
    let missing = state.bench.filter { !$0.isEvaluable }
    guard missing.isEmpty else {
      let loader = CheckpointLoader()
      let notes = missing.map { model -> DiagnosticNote in
        if let fusion = model.fusion {
          let without = fusion.members.filter { !$0.isEvaluable }.map(\.name)
          return DiagnosticNote("\(model.name): fuses \(without.joined(separator: ", ")), which \(without.count == 1 ? "has" : "have") no weights")
        }
        let tried = loader.candidatePaths(for: model.zoo).map(\.path)
        let fetch = model.zoo.url == nil ? "" : "; 'fetch \(model.zoo.id)' downloads it"
        return DiagnosticNote(
          "\(model.name): no weights — looked for \(tried.joined(separator: ", "))\(fetch)")
      }
      throw RuntimeError(
        "\(missing.count) of \(state.bench.count) models on the bench have no weights to evaluate",
        at: span,
        notes: notes + [DiagnosticNote("load them with from=\"file\", or unload them")])
    }
    return state.bench
  }
}
