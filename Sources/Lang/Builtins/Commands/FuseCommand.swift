// Copyright © 2026 the ssl authors.

import Runtime

/// `fuse <model> <model>... [as=name] [mode=cat|add|mean]`: a bench entry whose feature is the
/// concatenation (or sum, or mean) of its members' features (§8.4, `--model a+b`,
/// `--fuse-mode`). `eval … linear` on it reads each member's cached features and sweeps the
/// regularisation grid shifted by (members − 1) decades², as the paper does for fusions.
enum FuseCommand {
  static let usage = "fuse <model> <model>... [as=name] [mode=cat|add|mean]"

  static var command: Command<BenchState> {
    Command(
      name: "fuse",
      summary: "put a fused model on the bench: its feature concatenates (or adds, or averages) its members'",
      usage: usage, example: "load default spatial; fuse default spatial as=ds; eval flowers linear",
      options: [
        OptionSpec("as", "the fused entry's name (default: the members' names joined by '+', like a+b)"),
        OptionSpec("mode", "cat (default), add or mean; add and mean need equal feature dimensions"),
      ],
      run: { state, invocation, out throws(RuntimeError) in
        let names = try ArgumentReader.names(invocation.arguments, for: "fuse")
        guard names.count >= 2 else {
          throw RuntimeError(
            "'fuse' needs at least two models on the bench, got \(names.count)",
            at: names.first?.1 ?? invocation.span, notes: [DiagnosticNote("usage: \(usage)")])
        }
        var members: [BenchModel] = []
        for (name, span) in names {
          let zoo = try ModelCommands.resolveAny(name, in: state, span: span)
          guard let member = state.bench.first(where: { $0.zoo.id == zoo.id }) else {
            throw RuntimeError(
              "\(zoo.displayName) is not on the bench: load it before fusing", at: span,
              notes: [DiagnosticNote("on the bench: \(ModelCommands.benchList(state))")])
          }
          guard !members.contains(where: { $0.zoo.id == member.zoo.id }) else {
            throw RuntimeError("\(member.name) is named twice; each member is fused once", at: span)
          }
          members.append(member)
        }
        let mode = try readMode(invocation)
        try checkDimensions(members, mode: mode, names: names)
        var name = members.map(\.name).joined(separator: "+")
        var nameSpan = invocation.span
        if let (_, word) = invocation.option("as") {
          name = try ArgumentReader.text(word, option: "as")
          nameSpan = word.span
        }
        let fused = BenchModel(fusing: members, mode: mode, name: name)
        if let clash = state.bench.first(where: { $0.zoo.id == fused.zoo.id }), clash.fusion == nil {
          throw RuntimeError(
            "'\(name)' is already a model on the bench; choose another name with as=", at: nameSpan)
        }
        state.bench.removeAll { $0.zoo.id == fused.zoo.id }
        state.bench.append(fused)
        out.line(describe(fused))
        out.line("\(state.bench.count) model\(plural(state.bench.count)) on the bench")
      })
  }

  static func readMode(_ invocation: Invocation) throws(RuntimeError) -> FusionMode {
    guard let (_, word) = invocation.option("mode") else { return .cat }
    let text = try ArgumentReader.text(word, option: "mode").lowercased()
    guard let mode = FusionMode(rawValue: text) else {
      let modes = FusionMode.allCases.map(\.rawValue)
      throw RuntimeError(
        "mode must be cat, add or mean, got '\(text)'", at: word.span,
        suggestion: NameSuggestion.nearest(to: text, among: modes))
    }
    return mode
  }

  /// A model's feature width: its network's, a zoo architecture's, or its members' combined
  /// (nil when unknown: a custom entry without weights).
  static func dimension(_ model: BenchModel) -> Int? {
    if let weights = model.weights { return weights.network.config.featureDimension }
    guard let fusion = model.fusion else {
      let width = model.zoo.widthMultiplier > 1 ? "w\(model.zoo.widthMultiplier)" : ""
      let config = ResNetConfig.named(model.zoo.architecture + width) ?? ResNetConfig.named(model.zoo.architecture)
      return config?.featureDimension
    }
    var dims: [Int] = []
    for member in fusion.members {
      guard let d = dimension(member) else { return nil }
      dims.append(d)
    }
    return fusion.mode == .cat ? dims.reduce(0, +) : dims.first
  }

  /// `add` and `mean` need equal dimensions; checked now for members whose width is known.
  static func checkDimensions(
    _ members: [BenchModel], mode: FusionMode, names: [(String, SourceSpan)]
  ) throws(RuntimeError) {
    guard mode != .cat else { return }
    let known = zip(members, names).compactMap { m, n in dimension(m).map { (m.name, $0, n.1) } }
    guard let first = known.first else { return }
    if let odd = known.first(where: { $0.1 != first.1 }) {
      throw RuntimeError(
        "mode=\(mode.rawValue) needs equal feature dimensions: \(first.0) has \(first.1), \(odd.0) has \(odd.1)",
        at: odd.2, notes: [DiagnosticNote("mode=cat concatenates features of any dimensions")])
    }
  }

  /// `fused ab = BYOL+SwAV (cat, 4096-d); linear sweeps wd 1e-4…1e7 (shift 1, §8.4)`.
  static func describe(_ model: BenchModel) -> String {
    guard let fusion = model.fusion else { return model.name }
    let shift = model.regularizationShift
    let dims = dimension(model).map { ", \($0)-d" } ?? ""
    let missing = fusion.members.filter { !$0.isEvaluable }.map(\.name)
    let weights = missing.isEmpty ? "" : "; no weights yet for \(missing.joined(separator: ", "))"
    return "fused \(model.name) = \(fusion.memberNames) (\(fusion.mode.rawValue)\(dims)); "
      + "linear sweeps wd 1e\(-6 + 2 * shift)…1e\(5 + 2 * shift) (shift \(shift), §8.4)\(weights)"
  }
}
