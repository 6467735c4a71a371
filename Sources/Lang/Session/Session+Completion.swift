// Copyright © 2026 the ssl authors.

import Foundation

extension Session {
  /// The characters that end the word being completed: completions replace the text after
  /// the last of them. The REPL gives the same set to the line editor.
  public static let completionWordBreaks = " \t\n\"=[],;{}"

  /// What Tab offers at a position of a line: whole words that replace the word before the
  /// cursor (the text after the last of ``completionWordBreaks``).
  ///
  /// * the first word of a statement: command names;
  /// * an argument: what the command takes there (models for `load`, groups and tasks for
  ///   `corr`…), then its option keys as `key=`;
  /// * after `key=`: the option's values (`method=` → `pearson`, `spearman`, `both`);
  /// * `$…`: variables; inside a string: file paths (folders end in `/`).
  ///
  /// - Parameters:
  ///   - line: The text typed so far on this line.
  ///   - cursor: The cursor's position in UTF-8 bytes from the start of `line`.
  /// - Returns: The candidates, sorted, without duplicates.
  public func completions(forLine line: String, cursor: Int) -> [String] {
    let prefix = String(decoding: line.utf8.prefix(max(0, cursor)), as: UTF8.self)
    guard let context = CompletionContext(prefix) else { return [] }
    let word = context.word
    var candidates: [String]
    switch context.kind {
    case .path:
      return Self.pathCompletions(word)
    case _ where word.hasPrefix("$"):
      candidates = interpreter.variableNames.map { "$" + $0 }
    case .verb:
      candidates = commandNames
    case .optionValue(let verb, let key):
      candidates = completionCatalog.values(of: key, for: verb)
    case .argument(let verb, let index, let inList, let usedKeys):
      if verb == "help" {
        candidates = index == 0 ? commandNames : []
      } else {
        candidates = completionCatalog.arguments(of: verb, at: index)
        if !inList, let command = interpreter.registry.command(named: verb) {
          candidates += command.options.map(\.key).filter { !usedKeys.contains($0) }.map {
            $0 + "="
          }
        }
      }
    }
    let typed = word.lowercased()
    let matches = candidates.filter { $0.lowercased().hasPrefix(typed) }
    return Array(Set(matches)).sorted()
  }

  /// Paths starting with the typed text: `fig` → `figures/`, `figures/c` → `figures/corr.png`.
  static func pathCompletions(_ typed: String) -> [String] {
    let slash = typed.lastIndex(of: "/")
    let folder = slash.map { String(typed[...$0]) } ?? ""
    let partial = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    let listed = folder.isEmpty ? "." : (folder as NSString).expandingTildeInPath
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: listed) else {
      return []
    }
    var out: [String] = []
    for name in names where name.hasPrefix(partial) {
      if name.hasPrefix("."), !partial.hasPrefix(".") { continue }
      var isDirectory: ObjCBool = false
      let full = (listed as NSString).appendingPathComponent(name)
      _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
      out.append(folder + name + (isDirectory.boolValue ? "/" : ""))
    }
    return out.sorted()
  }
}
