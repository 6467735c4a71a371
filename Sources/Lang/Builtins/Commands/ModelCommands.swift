// Copyright © 2026 the ssl authors.

import Runtime

/// `load`, `unload` and `models`: managing the bench.
enum ModelCommands {
  static var load: Command<BenchState> {
    Command(
      name: "load",
      summary: "put models on the bench: zoo names ('all' for the paper's 14) or a checkpoint file",
      usage: "load <model>... | load <name> from=\"file\" [arch=resnet50]",
      example: "load byol swav supervised; load mine from=\"ckpt.pth\" arch=resnet50",
      options: [
        OptionSpec("from", "a checkpoint file (.pth, .pth.tar, .safetensors, .pkl) or a folder to look in"),
        OptionSpec("as", "the name to file results under (default: the model's name)"),
        OptionSpec("arch", "resnet18/34/50/101/152, resnet50w2/w3/w4 (default: the zoo's, else resnet50)"),
      ],
      run: { state, invocation, out throws(RuntimeError) in
        let names = try ArgumentReader.names(invocation.arguments, for: "load")
        guard !names.isEmpty else {
          throw RuntimeError(
            "'load' needs at least one model name", at: invocation.span,
            notes: [DiagnosticNote("usage: load <model>...  (for example: load byol, load all)")])
        }
        let from = try invocation.option("from").map { o throws(RuntimeError) in
          (try ArgumentReader.text(o.value, option: "from"), o.value.span)
        }
        let alias = try invocation.option("as").map { o throws(RuntimeError) in
          try ArgumentReader.text(o.value, option: "as")
        }
        let arch = try invocation.option("arch").map { o throws(RuntimeError) in
          let text = try ArgumentReader.text(o.value, option: "arch")
          guard let config = ResNetConfig.named(text) else {
            throw RuntimeError(
              "unknown architecture '\(text)'", at: o.value.span,
              suggestion: NameSuggestion.nearest(to: text, among: ResNetConfig.all.map(\.name)))
          }
          return config
        }
        if (from != nil || alias != nil || arch != nil), names.count > 1 {
          throw RuntimeError(
            "from=, as= and arch= apply to one model; load the others separately", at: names[1].1)
        }
        var added: [BenchModel] = []
        for (name, span) in names {
          for var zoo in try resolveModels(name, span: span, allowUnknown: from != nil) {
            if let alias { zoo = WeightsLoading.customEntry(renaming: zoo, to: alias) }
            if let arch { zoo.architecture = arch.name; zoo.widthMultiplier = arch.widthMultiplier }
            if from == nil, (state.bench + added).contains(where: { $0.zoo.id == zoo.id }) {
              continue
            }
            var model = BenchModel(zoo: zoo)
            let isCustom = ModelZoo.resolve(name) == nil
            if let (path, pathSpan) = from {
              model.weights = try WeightsLoading.load(
                zoo, from: path, arch: arch, inferArchitecture: isCustom, at: pathSpan)
            } else if WeightsLoading.isAvailable(zoo) {
              model.weights = try WeightsLoading.load(
                zoo, from: nil, arch: arch, inferArchitecture: false, at: span)
            } else if WeightsLoading.isRandom(zoo) {
              model.weights = try WeightsLoading.randomWeights(zoo, at: span)
            }
            if let config = model.weights?.network.config {
              model.zoo.architecture = config.name
              model.zoo.widthMultiplier = 1
            }
            added.append(model)
          }
        }
        for model in added {
          state.bench.removeAll { $0.zoo.id == model.zoo.id }
        }
        state.bench += added
        report(added, state: state, out: out)
      })
  }

  /// Prints what `load` did: a load report per model with weights, one line for the rest.
  static func report(_ added: [BenchModel], state: BenchState, out: OutputSink) {
    if added.isEmpty {
      out.line("already on the bench; \(state.bench.count) model\(plural(state.bench.count)) loaded")
      return
    }
    let withoutWeights = added.filter { $0.weights == nil }
    for model in added {
      guard let weights = model.weights else { continue }
      out.line("loaded \(model.name) from \(weights.file) — identity \(weights.hash.prefix(12))")
      for line in weights.report.description.split(separator: "\n") { out.line("  " + line) }
    }
    if withoutWeights.count == 1, let model = withoutWeights.first {
      let count = state.results.rows.filter { $0.model == model.name }.count
      out.line(
        "loaded \(model.name) — "
          + (count > 0 ? "\(count) published results, no weights loaded" : "no published results, no weights loaded"))
    } else if !withoutWeights.isEmpty {
      let known = withoutWeights.filter { model in state.results.rows.contains { $0.model == model.name } }
      let detail =
        known.count == withoutWeights.count
        ? "published results only, no weights loaded"
        : "no weights loaded; \(known.count) with published results"
      out.line("loaded \(withoutWeights.map(\.name).joined(separator: ", ")) — \(detail)")
    }
    out.line("\(state.bench.count) model\(plural(state.bench.count)) on the bench")
  }

  static var unload: Command<BenchState> {
    Command(
      name: "unload", summary: "take models off the bench ('all' empties it)",
      usage: "unload <model>...", example: "unload supervised",
      run: { state, invocation, out throws(RuntimeError) in
        let names = try ArgumentReader.names(invocation.arguments, for: "unload")
        guard !names.isEmpty else {
          throw RuntimeError("'unload' needs a model name (or 'all')", at: invocation.span)
        }
        for (name, span) in names {
          if name.lowercased() == "all" {
            state.bench.removeAll()
            continue
          }
          let zoo = try resolveAny(name, in: state, span: span)
          guard state.bench.contains(where: { $0.zoo.id == zoo.id }) else {
            throw RuntimeError(
              "\(zoo.displayName) is not on the bench", at: span,
              notes: [DiagnosticNote("on the bench: \(benchList(state))")])
          }
          state.bench.removeAll { $0.zoo.id == zoo.id }
        }
        out.line("\(state.bench.count) model\(plural(state.bench.count)) on the bench")
      })
  }

  static var models: Command<BenchState> {
    Command(
      name: "models", summary: "list the models on the bench", usage: "models",
      example: "load all; models",
      run: { state, invocation, out throws(RuntimeError) in
        try ArgumentReader.expectNoArguments(
          invocation.arguments[...], verb: "models", usage: "models")
        out.write(TextTable.render(benchTable(state)))
      })
  }

  /// The bench as a table.
  static func benchTable(_ state: BenchState) -> DataTable {
    let rows: [[Cell]] = state.bench.map { model in
      let count = state.results.rows.filter { $0.model == model.name }.count
      return [
        .text(model.name), .text(model.zoo.architecture + (model.zoo.widthMultiplier > 1 ? "w\(model.zoo.widthMultiplier)" : "")),
        model.zoo.imagenetTop1.map { .number($0, decimals: 1) } ?? .empty,
        .text(model.fusion != nil ? "per member" : model.zoo.normalization == .imagenet ? "imagenet" : "none"),
        .number(Double(count), decimals: 0),
        .text(weightsCell(model)),
      ]
    }
    var table = DataTable(
      title: "", columns: ["model", "arch", "imagenet top-1", "normalise", "results", "weights"],
      rows: rows)
    if rows.isEmpty { table.footnotes = ["the bench is empty — try 'load all' or 'load byol'"] }
    return table
  }

  /// The `weights` cell: the identity, or for a fusion its members and mode.
  static func weightsCell(_ model: BenchModel) -> String {
    if let fusion = model.fusion {
      return "fused \(fusion.mode.rawValue): \(fusion.memberNames)" + (model.isEvaluable ? "" : " (not loaded)")
    }
    return model.weights.map { "loaded (\($0.hash.prefix(12)))" } ?? "not loaded"
  }

  /// The zoo models a name stands for (`all` is the paper's 14).
  static func resolveModels(_ name: String, span: SourceSpan, allowUnknown: Bool = false)
    throws(RuntimeError) -> [ZooModel]
  {
    if name.lowercased() == "all" { return ModelZoo.seed }
    if allowUnknown, ModelZoo.resolve(name) == nil {
      return [WeightsLoading.customEntry(name: name, architecture: "resnet50", file: "")]
    }
    return [try resolveOne(name, span: span)]
  }

  /// One zoo model, or an error with the nearest zoo name.
  static func resolveOne(_ name: String, span: SourceSpan) throws(RuntimeError) -> ZooModel {
    if let zoo = ModelZoo.resolve(name) { return zoo }
    throw RuntimeError(
      "unknown model '\(name)'", at: span,
      suggestion: NameSuggestion.nearest(to: name, among: ModelZoo.all.map(\.id) + ["all"]))
  }

  /// A model by name: one on the bench (including files loaded under their own names) first,
  /// then the zoo.
  static func resolveAny(_ name: String, in state: BenchState, span: SourceSpan)
    throws(RuntimeError) -> ZooModel
  {
    let key = NameSuggestion.normalize(name)
    if let model = state.bench.first(where: {
      $0.zoo.id == key || NameSuggestion.normalize($0.name) == key
    }) {
      return model.zoo
    }
    if let zoo = ModelZoo.resolve(name) { return zoo }
    throw RuntimeError(
      "unknown model '\(name)'", at: span,
      suggestion: NameSuggestion.nearest(
        to: name, among: state.bench.map(\.name) + ModelZoo.all.map(\.id) + ["all"]))
  }

  static func benchList(_ state: BenchState) -> String {
    state.bench.isEmpty ? "nothing" : state.bench.map(\.name).joined(separator: ", ")
  }
}

/// `s` when a count is not one.
func plural(_ n: Int) -> String { n == 1 ? "" : "s" }
