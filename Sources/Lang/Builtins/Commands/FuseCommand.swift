// Copyright © 2026 the ssl authors.

import Runtime

/// `fuse a b [c] as=name [mode=cat|add|mean]`: a bench entry whose features combine the
/// members' (invariance paper §8.4); `eval … linear` then sweeps the shifted grid.
enum FuseCommand {
  static let usage = "fuse <model> <model>... as=name [mode=cat|add|mean]"

  static var command: Command<BenchState> {
    Command(
      name: "fuse", summary: "a bench entry whose features concatenate (or add, or average) other models'",
      usage: usage, example: "load default spatial appearance; fuse spatial appearance as=fused; eval flowers linear",
      options: [
        OptionSpec("as", "the fused entry's name (required)"),
        OptionSpec("mode", "cat (default), add or mean; add and mean need equal feature sizes"),
      ],
      run: { state, invocation, out throws(RuntimeError) in
        let names = try ArgumentReader.names(invocation.arguments, for: "fuse")
        guard names.count >= 2 else {
          throw RuntimeError(
            "'fuse' needs at least two models on the bench", at: invocation.span,
            notes: [DiagnosticNote("usage: \(usage)")])
        }
        guard let (_, asWord) = invocation.option("as") else {
          throw RuntimeError("'fuse' needs as=name for the new entry", at: invocation.span)
        }
        let name = try ArgumentReader.text(asWord, option: "as")
        var mode = FusionMode.cat
        if let (_, word) = invocation.option("mode") {
          let text = try ArgumentReader.text(word, option: "mode").lowercased()
          guard let chosen = FusionMode(rawValue: text) else {
            throw RuntimeError(
              "mode must be cat, add or mean, got '\(text)'", at: word.span,
              suggestion: NameSuggestion.nearest(to: text, among: FusionMode.allCases.map(\.rawValue)))
          }
          mode = chosen
        }
        var members: [BenchModel] = []
        for (member, span) in names {
          let key = NameSuggestion.normalize(member)
          guard let model = state.bench.first(where: {
            $0.zoo.id == key || NameSuggestion.normalize($0.name) == key
          }) else {
            throw RuntimeError(
              "'\(member)' is not on the bench", at: span,
              suggestion: NameSuggestion.nearest(to: member, among: state.bench.map(\.name)))
          }
          guard model.weights != nil else {
            throw RuntimeError(
              "\(model.name) has no weights to fuse", at: span,
              notes: [DiagnosticNote("load it with from=\"file\" first")])
          }
          members.append(model)
        }
        var zoo = WeightsLoading.customEntry(name: name, architecture: "fused", file: "")
        zoo.architecture = "fused(" + members.map(\.zoo.architecture).joined(separator: "+") + ")"
        let entry = BenchModel(zoo: zoo, weights: nil, fusion: Fusion(members: members, mode: mode))
        state.bench.removeAll { $0.zoo.id == zoo.id }
        state.bench.append(entry)
        let shift = RegularizationGrid.invarianceShift(modelName: entry.fusion?.gridName ?? "")
        out.line(
          "fused \(name) = \(mode.rawValue)(\(members.map(\.name).joined(separator: ", "))); "
            + "linear sweeps wd = logspace(\(-6 + 2 * shift), \(5 + 2 * shift), 45)")
        out.line("\(state.bench.count) model\(state.bench.count == 1 ? "" : "s") on the bench")
      })
  }
}
