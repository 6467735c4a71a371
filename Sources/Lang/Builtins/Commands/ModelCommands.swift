// Copyright © 2026 the ssl authors.

import Runtime

/// `load`, `unload` and `models`: managing the bench.
enum ModelCommands {
  static var load: Command<BenchState> {
    Command(
      name: "load", summary: "put models on the bench (zoo names, or 'all' for the paper's 14)",
      usage: "load <model>... ", example: "load byol swav supervised",
      run: { state, invocation, out throws(RuntimeError) in
        let names = try ArgumentReader.names(invocation.arguments, for: "load")
        guard !names.isEmpty else {
          throw RuntimeError(
            "'load' needs at least one model name", at: invocation.span,
            notes: [DiagnosticNote("usage: load <model>...  (for example: load byol, load all)")])
        }
        var added: [BenchModel] = []
        for (name, span) in names {
          let models = try resolveModels(name, span: span)
          for zoo in models where !(state.bench + added).contains(where: { $0.zoo.id == zoo.id }) {
            added.append(BenchModel(zoo: zoo))
          }
        }
        state.bench += added
        if added.isEmpty {
          out.line("already on the bench; \(state.bench.count) model\(plural(state.bench.count)) loaded")
          return
        }
        let withResults = added.filter { model in state.results.rows.contains { $0.model == model.name } }
        let detail =
          withResults.count == added.count
          ? "published results only, no weights loaded"
          : "no weights loaded; \(withResults.count) with published results"
        if added.count == 1, let model = added.first {
          let count = state.results.rows.filter { $0.model == model.name }.count
          out.line(
            "loaded \(model.name) — "
              + (count > 0 ? "\(count) published results, no weights loaded" : "no published results, no weights loaded"))
        } else {
          out.line("loaded \(added.map(\.name).joined(separator: ", ")) — \(detail)")
        }
        out.line("\(state.bench.count) model\(plural(state.bench.count)) on the bench")
      })
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
          let zoo = try resolveOne(name, span: span)
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
        .text(model.zoo.normalization == .imagenet ? "imagenet" : "none"),
        .number(Double(count), decimals: 0), .text("reference only"),
      ]
    }
    var table = DataTable(
      title: "", columns: ["model", "arch", "imagenet top-1", "normalise", "results", "weights"],
      rows: rows)
    if rows.isEmpty { table.footnotes = ["the bench is empty — try 'load all' or 'load byol'"] }
    return table
  }

  /// The zoo models a name stands for (`all` is the paper's 14).
  static func resolveModels(_ name: String, span: SourceSpan) throws(RuntimeError) -> [ZooModel] {
    if name.lowercased() == "all" { return ModelZoo.seed }
    return [try resolveOne(name, span: span)]
  }

  /// One zoo model, or an error with the nearest zoo name.
  static func resolveOne(_ name: String, span: SourceSpan) throws(RuntimeError) -> ZooModel {
    if let zoo = ModelZoo.resolve(name) { return zoo }
    throw RuntimeError(
      "unknown model '\(name)'", at: span,
      suggestion: NameSuggestion.nearest(to: name, among: ModelZoo.all.map(\.id) + ["all"]))
  }

  static func benchList(_ state: BenchState) -> String {
    state.bench.isEmpty ? "nothing" : state.bench.map(\.name).joined(separator: ", ")
  }
}

/// `s` when a count is not one.
func plural(_ n: Int) -> String { n == 1 ? "" : "s" }
