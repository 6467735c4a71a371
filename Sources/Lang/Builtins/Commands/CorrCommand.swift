// Copyright © 2026 the ssl authors.

import Runtime

/// `corr <x> <y>`: the paper's correlation between ImageNet accuracy and transfer (§7).
enum CorrCommand {
  static let usage =
    "corr imagenet|<task> <group|task> [protocol=…] [metric=…] [xprotocol=…] [xmetric=…] [method=pearson|spearman|both] [exclude=[…]]"

  static var command: Command<BenchState> {
    Command(
      name: "corr",
      summary: "correlate ImageNet top-1 (or another task) with a task or task group across the bench",
      usage: usage, example: "load all; corr imagenet manyshot; plot",
      options: [
        OptionSpec("protocol", "protocols to include, e.g. linear, finetune, frozen (manyshot default: linear)"),
        OptionSpec("metric", "metrics to include, e.g. AP50, top1, mean-iou (default: all)"),
        OptionSpec("xprotocol", "when x is a task: its protocol (default linear when it has several)"),
        OptionSpec("xmetric", "when x is a task: its metric, e.g. xmetric=cosine for an invariance column"),
        OptionSpec("method", "pearson, spearman or both (default both)"),
        OptionSpec("exclude", "models to leave out, e.g. exclude=[supervised]"),
      ],
      run: { state, invocation, out throws(RuntimeError) in
        let (analysis, query) = try analyze(state, invocation)
        out.write(TextTable.render(table(analysis, query)))
        state.last = .correlation(analysis, query)
      })
  }

  static func analyze(_ state: BenchState, _ invocation: Invocation) throws(RuntimeError) -> (
    CorrelationAnalysis, CorrelationQuery
  ) {
    let args = invocation.arguments
    guard args.count == 2 else {
      throw RuntimeError(
        "'corr' takes two columns, got \(args.count)", at: args.first?.span ?? invocation.span,
        notes: [DiagnosticNote("usage: \(usage)")])
    }
    let x = try xColumn(args[0], invocation: invocation, state: state)
    let yName = try ArgumentReader.text(args[1], option: "corr")
    let target: CorrelationRequest.Target
    let resolved: String
    if let group = TaskCatalog.resolveGroup(yName), group != "imagenet" {
      target = .group(group)
      resolved = group
    } else if let task = TaskCatalog.resolveTask(yName), task != "ImageNet" {
      target = .task(task)
      resolved = task
    } else if let task = measuredTask(yName, in: state) {
      // A measured column outside the catalog: a user dataset or an invariance transform.
      target = .task(task)
      resolved = task
    } else {
      throw RuntimeError(
        "unknown task or group '\(yName)'", at: args[1].span,
        suggestion: NameSuggestion.nearest(
          to: yName, among: TaskCatalog.allNames + state.results.columns.map(\.task)))
    }
    var request = CorrelationRequest(
      target: target, protocols: nil, metrics: nil, models: state.bench.map(\.name), excluded: [])
    request.x = x
    var filters: [String] = []
    var filterValues: [String] = []
    if let (_, word) = invocation.option("protocol") {
      request.protocols = try ArgumentReader.textList(word, option: "protocol").map(\.0)
      filters.append("protocol " + (request.protocols ?? []).joined(separator: ", "))
      filterValues += request.protocols ?? []
    }
    if let (_, word) = invocation.option("metric") {
      request.metrics = try ArgumentReader.textList(word, option: "metric").map(\.0)
      filters.append("metric " + (request.metrics ?? []).joined(separator: ", "))
      filterValues += request.metrics ?? []
    }
    if let (_, word) = invocation.option("exclude") {
      for (name, span) in try ArgumentReader.textList(word, option: "exclude") {
        let zoo = try ModelCommands.resolveAny(name, in: state, span: span)
        guard state.bench.contains(where: { $0.zoo.id == zoo.id }) else {
          throw RuntimeError("cannot exclude \(zoo.displayName): it is not on the bench", at: span)
        }
        request.excluded.append(zoo.displayName)
      }
    }
    var method = "both"
    if let (_, word) = invocation.option("method") {
      method = try ArgumentReader.text(word, option: "method").lowercased()
      guard ["pearson", "spearman", "both"].contains(method) else {
        throw RuntimeError(
          "method must be pearson, spearman or both, got '\(method)'", at: word.span,
          suggestion: NameSuggestion.nearest(to: method, among: ["pearson", "spearman", "both"]))
      }
    }
    if state.bench.isEmpty {
      throw RuntimeError(
        "no models on the bench", at: invocation.span,
        notes: [DiagnosticNote("load some first, e.g. 'load all'")])
    }
    let analysis: CorrelationAnalysis
    do throws(AnalysisError) {
      analysis = try TransferCorrelation.analyze(request, table: state.results)
    } catch {
      throw runtimeError(error, state: state, at: invocation.span)
    }
    let query = CorrelationQuery(
      target: resolved, isGroup: { if case .group = target { true } else { false } }(),
      method: method, filters: filters, filterValues: filterValues,
      x: x.map { "\($0.task)" } ?? "imagenet", xDescription: xDescription(x, state: state),
      xLabel: x.map { "\($0) (raw)" } ?? "ImageNet top-1 accuracy (%)")
    return (analysis, query)
  }

  /// A task of the session's results spelled like `name` (`rotation` after `eval … invariance`).
  static func measuredTask(_ name: String, in state: BenchState) -> String? {
    let key = NameSuggestion.normalize(name)
    return state.results.columns.first { NameSuggestion.normalize($0.task) == key }?.task
  }

  /// The correlation as a printed table.
  static func table(_ analysis: CorrelationAnalysis, _ query: CorrelationQuery) -> DataTable {
    let pearson = query.method != "spearman"
    let spearman = query.method != "pearson"
    var columns = ["task", "protocol", "metric", "y", "n"]
    if pearson { columns += ["r", "95% CI", "p"] }
    if spearman { columns += ["ρ", "p(ρ)"] }
    func row(_ task: String, _ proto: String, _ metric: String, _ transform: String, _ c: TaskCorrelation)
      -> [Cell]
    {
      var cells: [Cell] = [
        .text(task), .text(proto), .text(metric), .text(transform),
        .number(Double(c.n), decimals: 0),
      ]
      if pearson {
        cells += [
          .number(c.pearson.r, decimals: 3),
          // Fisher's z interval needs n > 3; with three models it spans everything.
          c.n > 3
            ? .text("[\(formatFixed(c.pearson.ci95.lowerBound, decimals: 2)), \(formatFixed(c.pearson.ci95.upperBound, decimals: 2))]")
            : .text("—"),
          .probability(c.pearson.pValue),
        ]
      }
      if spearman { cells += [.number(c.spearman.rho, decimals: 3), .probability(c.spearman.pValue)] }
      return cells
    }
    var rows = analysis.rows.map {
      row($0.column.task, $0.column.protocol, $0.column.metric, transformName($0.transform), $0)
    }
    if let average = analysis.average, query.isGroup || analysis.rows.count > 1 {
      rows.append(row("average", "", "", "log-odds", average))
    }
    let n = analysis.rows.first?.n ?? 0
    var title = "corr \(query.x) \(query.target): \(n) models, x = \(query.xDescription)"
    if !query.filters.isEmpty { title += "; " + query.filters.joined(separator: "; ") }
    return DataTable(title: title, columns: columns, rows: rows)
  }

  static func transformName(_ transform: ValueTransform) -> String {
    switch transform {
    case .logit: "logit"
    case .negated: "negated"
    case .identity: "raw"
    }
  }

  /// The analysis error as a message; missing results are grouped by model, with the
  /// `exclude=` that would leave those models out.
  static func runtimeError(_ error: AnalysisError, state: BenchState, at span: SourceSpan)
    -> RuntimeError
  {
    guard case .missingValues(let missing) = error else {
      return RuntimeError(error.description, at: span)
    }
    var models: [String] = []
    for item in missing where !models.contains(item.model) { models.append(item.model) }
    let notes = models.map { model -> DiagnosticNote in
      let columns = missing.filter { $0.model == model }.map { "\($0.column.task) \($0.column.protocol) \($0.column.metric)" }
      let shown = columns.prefix(3).joined(separator: ", ")
      let more = columns.count > 3 ? " and \(columns.count - 3) more" : ""
      return DiagnosticNote("\(model) lacks \(shown)\(more)")
    }
    let ids = models.compactMap { name in state.bench.first { $0.name == name }?.zoo.id }
    return RuntimeError(
      "\(models.count) of \(state.bench.count) models on the bench lack results this correlation needs",
      at: span,
      notes: notes + [
        DiagnosticNote("measure them with 'eval', or leave them out with exclude=[\(ids.joined(separator: ", "))]")
      ])
  }
}
