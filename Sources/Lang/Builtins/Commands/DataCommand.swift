// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `data <name> from="path" [layout=folder|list|features] [metric=top1|mean-per-class] [views=…]`: registers a
/// dataset of your own; it is read (and checked) right away.
enum DataCommand {
  static let usage =
    "data <name> from=\"folder|list.csv|features.npz\" [layout=folder|list|features] [model=name] [metric=top1|mean-per-class] [views=coil100|…|folder]"

  static var command: Command<BenchState> {
    Command(
      name: "data",
      summary: "register a dataset of your own: image folders, a CSV/TSV list, or a feature file",
      usage: usage, example: "data birds from=\"data/birds\"; eval birds linear",
      options: [
        OptionSpec("from", "an image folder (<class>/<image>, or train/ val/ test/ of them) or a list file"),
        OptionSpec(
          "layout",
          "folder, list or features (default: list for .csv/.tsv, features for .npy/.npz/.safetensors, else folder)"),
        OptionSpec("model", "features: the model name results are filed under (default: the dataset's name)"),
        OptionSpec("metric", "top1 (default) or mean-per-class"),
        OptionSpec(
          "views",
          "groups of views of one object or scene for 'eval … invariance' (§8.3): "
            + InvarianceGroups.Layout.allCases.map(\.rawValue).joined(separator: ", ")),
      ],
      run: { state, invocation, out throws(RuntimeError) in
        let names = try ArgumentReader.names(invocation.arguments, for: "data")
        guard names.count == 1, let (name, nameSpan) = names.first else {
          throw RuntimeError("usage: \(usage)", at: invocation.span)
        }
        guard let from = invocation.option("from") else {
          throw RuntimeError(
            "'data \(name)' needs from=\"path\"", at: nameSpan, notes: [DiagnosticNote("usage: \(usage)")])
        }
        let path = try ArgumentReader.text(from.value, option: "from")
        if let (_, word) = invocation.option("views") {
          try registerViews(name: name, path: path, word: word, invocation: invocation, state: &state, out: out)
          return
        }
        let ext = (path as NSString).pathExtension.lowercased()
        var layout: UserDataset.Layout =
          ["csv", "tsv", "txt"].contains(ext)
          ? .list : ["npy", "npz", "safetensors"].contains(ext) ? .features : .folder
        if let (_, word) = invocation.option("layout") {
          let text = try ArgumentReader.text(word, option: "layout")
          guard let chosen = UserDataset.Layout(rawValue: text.lowercased()) else {
            throw RuntimeError(
              "layout must be folder, list or features, got '\(text)'", at: word.span,
              suggestion: NameSuggestion.nearest(to: text, among: ["folder", "list", "features"]))
          }
          layout = chosen
        }
        var metric = "top1"
        if let (_, word) = invocation.option("metric") {
          metric = try ArgumentReader.text(word, option: "metric").lowercased()
          guard ["top1", "mean-per-class"].contains(metric) else {
            throw RuntimeError(
              "metric must be top1 or mean-per-class, got '\(metric)'", at: word.span,
              suggestion: NameSuggestion.nearest(to: metric, among: ["top1", "mean-per-class"]))
          }
        }
        var entry = UserDataset(name: name, path: path, layout: layout, metric: metric)
        if let (_, word) = invocation.option("model") {
          guard layout == .features else {
            throw RuntimeError("model= names the source of a feature file; '\(path)' holds images", at: word.span)
          }
          entry.model = try ArgumentReader.text(word, option: "model")
        }
        if layout == .features {
          let provided = try DatasetResolver.features(entry, at: from.value.span)
          state.datasets[NameSuggestion.normalize(name)] = entry
          let set = provided.set
          let counts = set.splits.map { splits in
            [DatasetSplit.train, .val, .test].compactMap { split -> String? in
              let n = splits.filter { $0 == split }.count
              return n == 0 ? nil : "\(split.rawValue) \(n)"
            }.joined(separator: ", ")
          } ?? "no split array (few-shot only)"
          out.line(
            "registered \(name): \(set.rows) × \(set.columns) features, "
              + "\((set.labels.max() ?? -1) + 1) classes; \(counts); results filed under \(provided.model)")
          return
        }
        let dataset = try DatasetResolver.open(entry, at: from.value.span)
        state.datasets[NameSuggestion.normalize(name)] = entry
        let splits = dataset.availableSplits.compactMap { split -> String? in
          guard let count = try? dataset.samples(split).count else { return nil }
          return "\(split.rawValue) \(count)"
        }
        out.line(
          "registered \(name): \(dataset.classNames.count) classes; \(splits.joined(separator: ", "))")
        let repeated = dataset.duplicates
        if !repeated.isEmpty {
          let shown = repeated.prefix(3).map { "\(($0.path as NSString).lastPathComponent) ×\($0.count)" }
          out.warn(
            "warning: \(name): \(repeated.count) image(s) listed more than once (\(shown.joined(separator: ", "))"
              + "\(repeated.count > 3 ? ", …" : "")); a repeated image can fall in both train and validation\n")
        }
      })
  }
}
