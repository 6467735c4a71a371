// Copyright © 2026 the ssl authors.

import Runtime

extension DatasetResolver {
  /// Reads a registered dataset of groups of views (§8.3); the error names the folder and
  /// the layout that expected it.
  static func views(_ entry: UserDataset, at span: SourceSpan) throws(RuntimeError) -> InvarianceGroups {
    guard let raw = entry.views, let layout = InvarianceGroups.Layout(rawValue: raw) else {
      throw RuntimeError("\(entry.name): unknown views layout '\(entry.views ?? "")'", at: span)
    }
    do throws(DatasetError) {
      return try InvarianceGroups(layout, root: entry.path)
    } catch {
      throw RuntimeError(
        "\(entry.name) (views=\(raw)): \(error.description)", at: span,
        notes: [DiagnosticNote("protocols.md §8.3 lists where each layout keeps its views")])
    }
  }

  /// A grouped dataset's identity in provenance: the hash of its layout and file list.
  static func fingerprint(_ views: InvarianceGroups) -> String {
    var text = views.layout.rawValue
    for group in views.groups { text += "\n" + group.key + ":" + group.paths.joined(separator: "|") }
    return SHA256.hex(text)
  }

  /// Groups of views serve real-world invariance only.
  static func viewsOnly(_ task: String, _ proto: String, at span: SourceSpan) -> RuntimeError {
    RuntimeError(
      "\(task) holds groups of views (registered with views=): it serves 'invariance', not '\(proto)'",
      at: span)
  }
}

extension DataCommand {
  /// `data <name> from="root" views=<layout>`: reads the §8.3 groups and registers them.
  static func registerViews(
    name: String, path: String, word: Word, invocation: Invocation, state: inout BenchState,
    out: OutputSink
  ) throws(RuntimeError) {
    let text = try ArgumentReader.text(word, option: "views").lowercased()
    let layouts = InvarianceGroups.Layout.allCases.map(\.rawValue)
    guard layouts.contains(text) else {
      throw RuntimeError(
        "views must be one of \(layouts.joined(separator: ", ")), got '\(text)'", at: word.span,
        suggestion: NameSuggestion.nearest(to: text, among: layouts))
    }
    for key in ["layout", "metric", "model"] {
      if let (span, _) = invocation.option(key) {
        throw RuntimeError("\(key)= does not apply to groups of views (views=\(text))", at: span)
      }
    }
    var entry = UserDataset(name: name, path: path, layout: .folder, metric: "top1")
    entry.views = text
    let groups = try DatasetResolver.views(entry, at: word.span)
    state.datasets[NameSuggestion.normalize(name)] = entry
    let counts = groups.groups.map(\.paths.count)
    out.line(
      "registered \(name): \(groups.groups.count) groups of views (\(text)), "
        + "\(counts.min() ?? 0)–\(counts.max() ?? 0) views each, \(counts.reduce(0, +)) images; "
        + "for 'eval \(name) invariance'")
  }
}
