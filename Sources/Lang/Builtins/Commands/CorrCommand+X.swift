// Copyright © 2026 the ssl authors.

import Runtime

extension CorrCommand {
  /// The x column of `corr <x> <y>`: nil for `imagenet` (ImageNet top-1, the paper's x), else
  /// one column of the named task — a catalog task or a measured one (`rotation`) — chosen by
  /// `xprotocol=` / `xmetric=`, or `linear` when the task has several protocols and none is
  /// given. An ambiguous or unknown x is an error listing the candidates.
  static func xColumn(_ word: Word, invocation: Invocation, state: BenchState) throws(RuntimeError) -> ColumnKey? {
    let name = try ArgumentReader.text(word, option: "corr")
    if TaskCatalog.resolveTask(name) == "ImageNet" { return nil }
    guard let task = TaskCatalog.resolveTask(name) ?? measuredTask(name, in: state) else {
      throw RuntimeError(
        "unknown x column '\(name)': imagenet or a task", at: word.span,
        suggestion: NameSuggestion.nearest(to: name, among: TaskCatalog.allNames + state.results.columns.map(\.task)))
    }
    var columns = state.results.columns.filter { NameSuggestion.normalize($0.task) == NameSuggestion.normalize(task) }
    for key in ["xprotocol", "xmetric"] {
      guard let (_, value) = invocation.option(key) else { continue }
      let wanted = NameSuggestion.normalize(try ArgumentReader.text(value, option: key))
      columns = columns.filter { NameSuggestion.normalize(key == "xprotocol" ? $0.protocol : $0.metric) == wanted }
    }
    if columns.count > 1, invocation.option("xprotocol") == nil, columns.contains(where: { $0.protocol == "linear" }) {
      columns = columns.filter { $0.protocol == "linear" }
    }
    guard columns.count == 1, let column = columns.first else {
      let all = state.results.columns.filter { $0.task == task }.map { "\($0.protocol) \($0.metric)" }
      throw RuntimeError(
        columns.isEmpty ? "\(task) has no results matching xprotocol=/xmetric=" : "x '\(task)' has \(columns.count) columns",
        at: word.span,
        notes: [
          DiagnosticNote("\(task): \(all.isEmpty ? "no results yet" : all.joined(separator: ", "))"),
          DiagnosticNote("pick one with xprotocol=… and xmetric=…"),
        ])
    }
    return column
  }

  /// `x = logit(ImageNet top-1)` or `x = raw(rotation synthetic cosine)`, for titles.
  static func xDescription(_ x: ColumnKey?, state: BenchState) -> String {
    guard let x else { return "logit(ImageNet top-1)" }
    let direction = state.results.rows.first { ColumnKey($0) == x }?.better ?? .higher
    return "\(transformName(ValueTransform.paper(scale: x.scale, direction: direction)))(\(x))"
  }
}
