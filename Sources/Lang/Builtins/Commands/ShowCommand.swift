// Copyright © 2026 the ssl authors.

import Runtime

/// `show [results|models|tasks|<model>] [where key=value…]`: prints tables.
enum ShowCommand {
  static let usage = "show [results [where] model=… task=… group=… protocol=… metric=…|models|tasks|<model>]"

  static var command: Command<BenchState> {
    Command(
      name: "show", summary: "print results, the bench, the tasks, a model, or the last value",
      usage: usage, example: "show results where model=byol group=manyshot",
      options: [
        OptionSpec("model", "only these models (a name or a list)"),
        OptionSpec("task", "only these tasks"),
        OptionSpec("group", "only these groups: imagenet, manyshot, fewshot, cdfsl, detection, dense"),
        OptionSpec("protocol", "only these protocols"),
        OptionSpec("metric", "only these metrics"),
      ],
      run: { state, invocation, out throws(RuntimeError) in
        var words = try ArgumentReader.names(invocation.arguments, for: "show")
        if words.count > 1, words[1].0.lowercased() == "where" { words.remove(at: 1) }
        let topic = words.first.map { ($0.0.lowercased(), $0.1) }
        if topic?.0 != "results", let first = invocation.options.first {
          throw RuntimeError(
            "filters like '\(first.key)=' apply to 'show results'", at: first.keySpan)
        }
        switch topic?.0 {
        case nil:
          guard let last = state.last else {
            throw RuntimeError(
              "nothing to show yet", at: invocation.span,
              notes: [DiagnosticNote("try 'show results', 'show models' or 'help show'")])
          }
          out.write(TextTable.render(LastValueTable.table(last)))
        case "results":
          try ArgumentReader.expectNoArguments(words.dropFirst().map { Word(.symbol($0.0), span: $0.1) }[...], verb: "show results", usage: usage)
          let rows = try filter(state.results.rows, invocation, state: state)
          let title = "results" + describeFilters(invocation)
          out.write(TextTable.render(LastValueTable.results(rows, title: title)))
          state.last = .results(rows, title: title)
        case "models":
          out.write(TextTable.render(ModelCommands.benchTable(state)))
        case "tasks", "datasets":
          out.write(TextTable.render(tasksTable(state.results)))
        case let name?:
          guard let span = topic?.1 else { return }
          if let zoo = try? ModelCommands.resolveAny(name, in: state, span: span) {
            out.write(modelDetail(zoo, state))
          } else {
            throw RuntimeError(
              "cannot show '\(name)': not results, models, tasks or a model name", at: span,
              suggestion: NameSuggestion.nearest(
                to: name, among: ["results", "models", "tasks"] + ModelZoo.all.map(\.id)))
          }
        }
      })
  }

  static func filter(_ rows: [ResultRow], _ invocation: Invocation, state: BenchState)
    throws(RuntimeError) -> [ResultRow]
  {
    var rows = rows
    for (key, _, word) in invocation.options {
      let wanted = try ArgumentReader.textList(word, option: key)
      var keys: [String] = []
      for (name, span) in wanted {
        switch key {
        case "model":
          // Any model with results counts, on the bench or not (measured in an earlier session).
          if let known = rows.first(where: {
            NameSuggestion.normalize($0.model) == NameSuggestion.normalize(name)
          }) {
            keys.append(known.model)
          } else {
            keys.append(try ModelCommands.resolveAny(name, in: state, span: span).displayName)
          }
        case "task":
          guard let task = TaskCatalog.resolveTask(name) else {
            throw RuntimeError(
              "unknown task '\(name)'", at: span,
              suggestion: NameSuggestion.nearest(to: name, among: TaskCatalog.allNames))
          }
          keys.append(task)
        case "group":
          guard let group = TaskCatalog.resolveGroup(name) else {
            throw RuntimeError(
              "unknown group '\(name)'", at: span,
              suggestion: NameSuggestion.nearest(
                to: name, among: ["imagenet", "manyshot", "fewshot", "cdfsl", "detection", "dense"]))
          }
          keys.append(group)
        default:
          let known = Set(rows.map { key == "protocol" ? $0.protocol : $0.metric })
          guard let match = known.first(where: { NameSuggestion.normalize($0) == NameSuggestion.normalize(name) })
          else {
            throw RuntimeError(
              "no results with \(key) '\(name)'", at: span,
              suggestion: NameSuggestion.nearest(to: name, among: known.sorted()))
          }
          keys.append(match)
        }
      }
      rows = rows.filter { row in
        let value: String =
          switch key {
          case "model": row.model
          case "task": row.task
          case "group": row.group
          case "protocol": row.protocol
          default: row.metric
          }
        return keys.contains(value)
      }
    }
    return rows
  }

  static func describeFilters(_ invocation: Invocation) -> String {
    let parts = invocation.options.map { "\($0.key)=\($0.value.value.displayText)" }
    return parts.isEmpty ? "" : " where " + parts.joined(separator: " ")
  }

  static func tasksTable(_ results: ResultsTable) -> DataTable {
    var seen: [String: (group: String, protocols: [String], metrics: [String])] = [:]
    var order: [String] = []
    for row in results.rows {
      if seen[row.task] == nil {
        seen[row.task] = (row.group, [], [])
        order.append(row.task)
      }
      if let entry = seen[row.task] {
        seen[row.task] = (
          entry.group, entry.protocols.contains(row.protocol) ? entry.protocols : entry.protocols + [row.protocol],
          entry.metrics.contains(row.metric) ? entry.metrics : entry.metrics + [row.metric]
        )
      }
    }
    let rows: [[Cell]] = order.compactMap { task in
      seen[task].map {
        [.text(task), .text($0.group), .text($0.protocols.joined(separator: ", ")), .text($0.metrics.joined(separator: ", "))]
      }
    }
    return DataTable(title: "", columns: ["task", "group", "protocols", "metrics"], rows: rows)
  }

  static func modelDetail(_ zoo: ZooModel, _ state: BenchState) -> String {
    if let fused = state.bench.first(where: { $0.zoo.id == zoo.id }), fused.fusion != nil {
      return fusionDetail(fused, state)
    }
    var lines: [(String, String)] = [
      ("model", zoo.displayName),
      ("id", zoo.id),
      ("aliases", zoo.aliases.isEmpty ? "—" : zoo.aliases.joined(separator: ", ")),
      ("architecture", zoo.architecture + (zoo.widthMultiplier > 1 ? " ×\(zoo.widthMultiplier) width" : "")),
      ("imagenet top-1", zoo.imagenetTop1.map { formatFixed($0, decimals: 1) + "% (published)" } ?? "—"),
      ("input normalisation", zoo.normalization == .imagenet ? "ImageNet mean/std" : "none ([0, 1] inputs)"),
      ("checkpoint file", zoo.checkpointFile),
      ("original url", zoo.url ?? "—"),
      ("file size", WeightsLoading.fileSizeDescription(zoo)),
      ("on the bench", state.bench.contains { $0.zoo.id == zoo.id } ? "yes" : "no"),
      ("results", "\(state.results.rows.filter { $0.model == zoo.displayName }.count)"),
    ]
    if let prefix = zoo.keyPrefix { lines.insert(("key prefix", prefix), at: 7) }
    if let weights = state.bench.first(where: { $0.zoo.id == zoo.id })?.weights {
      lines.append(("weights", weights.file))
      lines.append(("identity", weights.hash))
      lines.append(("load report", weights.report.description.replacingOccurrences(of: "\n", with: "; ")))
    } else {
      lines.append(("weights", "not loaded"))
    }
    let width = lines.map(\.0.count).max() ?? 0
    return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
      .joined(separator: "\n") + "\n"
  }
}
