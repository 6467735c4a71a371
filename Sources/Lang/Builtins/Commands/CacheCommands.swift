// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `cache` (list and clear cached features) and `features` (export them to a file).
enum CacheCommands {
  static var cache: Command<BenchState> {
    Command(
      name: "cache", summary: "list cached features, or clear them by model or dataset",
      usage: "cache [clear] [model=…] [dataset=…]", example: "cache; cache clear dataset=pets",
      options: [
        OptionSpec("model", "only this model's entries"),
        OptionSpec("dataset", "only this dataset's entries"),
      ],
      run: { state, invocation, out throws(RuntimeError) in
        let words = try ArgumentReader.names(invocation.arguments, for: "cache")
        let clear = words.first.map { $0.0.lowercased() == "clear" } ?? false
        if let extra = words.dropFirst(clear ? 1 : 0).first {
          throw RuntimeError(
            "unexpected '\(extra.0)' for 'cache'", at: extra.1,
            notes: [DiagnosticNote("usage: cache [clear] [model=…] [dataset=…]")])
        }
        let model = try invocation.option("model").map { o throws(RuntimeError) in
          try ArgumentReader.text(o.value, option: "model")
        }
        let dataset = try invocation.option("dataset").map { o throws(RuntimeError) in
          try ArgumentReader.text(o.value, option: "dataset")
        }
        let cache = FeatureCache(directory: EvalCommand.workspace(state) + "/features")
        func matches(_ stored: String, _ wanted: String?) -> Bool {
          wanted.map { NameSuggestion.normalize($0) == NameSuggestion.normalize(stored) } ?? true
        }
        let entries = cache.entries().filter {
          matches($0.key.modelName, model) && matches($0.key.datasetName, dataset)
        }
        if clear {
          var removed = 0
          for name in Set(entries.map { "\($0.key.modelName)\u{0}\($0.key.datasetName)" }) {
            let parts = name.split(separator: "\u{0}").map(String.init)
            removed += cache.remove(model: parts[0], dataset: parts.count > 1 ? parts[1] : nil)
          }
          out.line("removed \(removed) cached feature set\(plural(removed)) from \(cache.directory)")
          return
        }
        let rows: [[Cell]] = entries.map { e in
          [
            .text(e.key.modelName), .text(e.key.datasetName), .text(e.key.split.rawValue),
            .number(Double(e.rows), decimals: 0), .number(Double(e.columns), decimals: 0),
            .number(Double(e.featureBytes + e.labelBytes) / 1_048_576, decimals: 2),
          ]
        }
        var table = DataTable(
          title: "", columns: ["model", "dataset", "split", "images", "dims", "MiB"], rows: rows)
        table.footnotes = ["\(rows.count) cached feature set\(plural(rows.count)) in \(cache.directory)"]
        out.write(TextTable.render(table))
      })
  }

  static var features: Command<BenchState> {
    Command(
      name: "features",
      summary: "export a dataset split's features (from the cache, or extracted) to .npy or .safetensors",
      usage: "features <dataset> [split=train|val|trainval|test|all] [model=…] to=\"file.npy|.safetensors\"",
      example: "features pets split=test to=\"pets_test.safetensors\"",
      options: [
        OptionSpec("split", "train, val, trainval, test or all (default test)"),
        OptionSpec("model", "which model on the bench (needed when several have weights)"),
        OptionSpec("to", "the file to write: .npy (labels beside it) or .safetensors"),
      ],
      run: { state, invocation, out throws(RuntimeError) in
        let names = try ArgumentReader.names(invocation.arguments, for: "features")
        guard names.count == 1, let (name, span) = names.first else {
          throw RuntimeError("'features' takes one dataset", at: invocation.span)
        }
        guard let (_, toWord) = invocation.option("to") else {
          throw RuntimeError("'features' needs to=\"file.npy\" or to=\"file.safetensors\"", at: invocation.span)
        }
        let path = try ArgumentReader.text(toWord, option: "to")
        var split = DatasetSplit.test
        if let (_, word) = invocation.option("split") {
          let text = try ArgumentReader.text(word, option: "split").lowercased()
          guard let chosen = DatasetSplit(rawValue: text) else {
            throw RuntimeError(
              "unknown split '\(text)'", at: word.span,
              suggestion: NameSuggestion.nearest(to: text, among: DatasetSplit.allCases.map(\.rawValue)))
          }
          split = chosen
        }
        var models = try EvalCommand.modelsWithWeights(state, at: invocation.verbSpan)
        if let (_, word) = invocation.option("model") {
          let zoo = try ModelCommands.resolveAny(
            try ArgumentReader.text(word, option: "model"), in: state, span: word.span)
          models = models.filter { $0.zoo.id == zoo.id }
        }
        guard models.count == 1, let model = models.first else {
          throw RuntimeError(
            "\(models.count) models with weights on the bench: say which with model=…", at: invocation.span)
        }
        let resolved = try DatasetResolver.resolve(name, span: span, state: state)
        let pre = FeatureLoading.preprocessing({ .linear($0) }, model: model, resolved: resolved)
        let cache = FeatureCache(directory: EvalCommand.workspace(state) + "/features")
        let set = try FeatureLoading.features(
          model: model, resolved: resolved, split: split, preprocessing: pre, cache: cache,
          batch: state.settings.batch, threads: state.settings.threads, out: out, span: span)
        do throws(FeatureError) {
          try FeatureFiles.write(set, to: path)
          out.line(
            "wrote \(path) (\(set.rows)×\(set.columns), \(model.name), \(resolved.task) \(split.rawValue))")
        } catch {
          throw RuntimeError("cannot export features: \(error.description)", at: toWord.span)
        }
      })
  }
}
