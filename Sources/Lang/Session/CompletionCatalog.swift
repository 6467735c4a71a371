// Copyright © 2026 the ssl authors.

/// The words tab completion offers beyond command names and option keys (which come from
/// the registry): what each command takes in its argument positions, and option values.
///
/// The builtins fill it from the registries (zoo models, tasks and groups, protocols); the
/// core only matches prefixes.
struct CompletionCatalog: Sendable {
  /// For each verb, the words of each argument position; the last position repeats
  /// (`load byol swav …`).
  var arguments: [String: [[String]]] = [:]
  /// Values of an option, by `verb.key`, or by `key` for every command with that option.
  var optionValues: [String: [String]] = [:]

  /// The words offered in argument position `index` of `verb` (0 is the first argument).
  func arguments(of verb: String, at index: Int) -> [String] {
    guard let positions = arguments[verb], let last = positions.last else { return [] }
    return index < positions.count ? positions[index] : last
  }

  /// The values offered for `key=` of `verb`.
  func values(of key: String, for verb: String) -> [String] {
    optionValues[verb + "." + key] ?? optionValues[key] ?? []
  }
}
