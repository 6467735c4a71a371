// Copyright © 2026 the ssl authors.

import Runtime

extension ShowCommand {
  /// `show <fused model>`: its members, mode, feature width, grid shift and identity.
  static func fusionDetail(_ model: BenchModel, _ state: BenchState) -> String {
    guard let fusion = model.fusion else { return "" }
    let shift = model.regularizationShift
    let lines: [(String, String)] = [
      ("model", model.name),
      ("fusion", "\(fusion.mode.rawValue) of \(fusion.memberNames) (§8.4)"),
      ("architecture", model.zoo.architecture),
      ("feature width", FuseCommand.dimension(model).map { "\($0)" } ?? "— (members without weights)"),
      ("input normalisation", "each member's own: " + fusion.members.map {
        "\($0.name) \($0.channelNormalization == .none ? "none" : "ImageNet")"
      }.joined(separator: ", ")),
      ("linear grid", "wd 1e\(-6 + 2 * shift)…1e\(5 + 2 * shift) (shift \(shift))"),
      ("results", "\(state.results.rows.filter { $0.model == model.name }.count)"),
      ("identity", model.identity ?? "— (members without weights: \(fusion.members.filter { !$0.isEvaluable }.map(\.name).joined(separator: ", ")))"),
    ]
    let width = lines.map(\.0.count).max() ?? 0
    return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
      .joined(separator: "\n") + "\n"
  }
}
