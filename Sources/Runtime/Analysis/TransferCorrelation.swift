// Copyright © 2026 the ssl authors.

/// The paper's correlation between ImageNet accuracy and transfer performance (§7, Figures 1–2).
///
/// For models `m` on the bench (minus exclusions):
/// * `x_m = logit(ImageNet top-1_m / 100)` — from the table's ImageNet column, or else the
///   zoo's published number (``ZooModel/imagenetTop1``);
/// * for each selected column `c`, `y_{m,c} = T_c(value_{m,c})` with ``ValueTransform``
///   `T_c`: logit of the proportion for bounded higher-is-better metrics (percent / 100;
///   `mean-iou` as is), negation for lower-is-better ones;
/// * one row per column: Pearson and Spearman of `(x_m, y_{m,c})`;
/// * the average transfer log-odds `ȳ_m = mean_{c ∈ L} y_{m,c}` over the columns `L` whose
///   transform is `.logit`, and Pearson/Spearman of `(x_m, ȳ_m)`. Negated error metrics are
///   left out of the average because they are not on the log-odds scale.
///
/// Column selection: ``CorrelationRequest/Target/group(_:)`` takes the group's columns with
/// protocol `linear` by default for `manyshot` (the paper reports linear and finetune
/// separately) and every protocol otherwise; ``CorrelationRequest/Target/task(_:)`` takes every
/// column of the task across groups. Explicit `protocols`/`metrics` filters then apply.
public enum TransferCorrelation {
  /// The minimum number of models (Pearson's t test has `n − 2` degrees of freedom).
  public static let minimumModels = 3

  /// Runs the correlation analysis.
  ///
  /// - Parameters:
  ///   - request: The target, filters and models.
  ///   - table: The results to read (usually ``ResultsTable/reference`` plus measurements).
  /// - Returns: Per-column rows in CSV column order, the average row and the plot points.
  /// - Throws: ``AnalysisError``: `.noMatchingColumns`, then `.tooFewModels`, then
  ///   `.missingValues` (listing every gap), `.nonFiniteTransform`, `.constantColumn`.
  public static func analyze(
    _ request: CorrelationRequest, table: ResultsTable
  ) throws(AnalysisError) -> CorrelationAnalysis {
    var (label, columns) = try selectColumns(request, table: table)
    if let x = request.x {
      columns.removeAll { $0 == x }
      guard !columns.isEmpty else {
        throw .noMatchingColumns(target: "\(label) other than x", protocols: request.protocols, metrics: request.metrics)
      }
    }
    let models = benchModels(request)
    guard models.count >= minimumModels else {
      throw .tooFewModels(count: models.count, needed: minimumModels)
    }
    let top1 = try imagenetTop1(models: models, columns: columns, table: table, x: request.x)
    let xs = try xValues(top1, models: models, x: request.x, table: table)

    var rows: [TaskCorrelation] = []
    var pointsByColumn: [ColumnKey: [CorrelationPoint]] = [:]
    var averageColumns: [ColumnKey] = []
    var sums = [Double](repeating: 0, count: models.count)
    for column in columns {
      let transform = self.transform(of: column, table: table)
      var points: [CorrelationPoint] = []
      for (m, model) in models.enumerated() {
        // Presence was checked in imagenetTop1(models:columns:table:).
        let value = table.value(model: model, column: column) ?? .nan
        let y = transform.apply(value, scale: column.scale)
        guard y.isFinite else {
          throw .nonFiniteTransform(model: model, column: column, value: value)
        }
        points.append(CorrelationPoint(model: model, raw: top1[m], x: xs[m], y: y))
        if transform == .logit { sums[m] += y }
      }
      if transform == .logit { averageColumns.append(column) }
      rows.append(try correlate(column: column, points: points, transform: transform))
      pointsByColumn[column] = points
    }

    var average: TaskCorrelation?
    var averagePoints: [CorrelationPoint] = []
    if !averageColumns.isEmpty {
      let count = Double(averageColumns.count)
      averagePoints = models.indices.map { m in
        CorrelationPoint(model: models[m], raw: top1[m], x: xs[m], y: sums[m] / count)
      }
      let key = averageKey(averageColumns)
      average = try correlate(column: key, points: averagePoints, transform: .logit)
    }
    return CorrelationAnalysis(
      target: label, models: models, rows: rows, averageColumns: averageColumns,
      average: average, averagePoints: averagePoints, pointsByColumn: pointsByColumn)
  }

  // MARK: - Selection

  /// The target's columns after filters, in table order, and a label for them.
  static func selectColumns(
    _ request: CorrelationRequest, table: ResultsTable
  ) throws(AnalysisError) -> (label: String, columns: [ColumnKey]) {
    var columns: [ColumnKey]
    var protocols = request.protocols
    let name: String
    switch request.target {
    case .group(let raw):
      name = TaskCatalog.resolveGroup(raw) ?? raw
      columns = table.columns.filter { $0.group == name }
      if protocols == nil, name == "manyshot" { protocols = ["linear"] }
    case .task(let raw):
      name = TaskCatalog.resolveTask(raw) ?? raw
      columns = table.columns.filter { NameKey.of($0.task) == NameKey.of(name) }
    }
    if let protocols {
      let keys = Set(protocols.map(NameKey.of))
      columns = columns.filter { keys.contains(NameKey.of($0.protocol)) }
    }
    if let metrics = request.metrics {
      let keys = Set(metrics.map(NameKey.of))
      columns = columns.filter { keys.contains(NameKey.of($0.metric)) }
    }
    let kind = if case .group = request.target { "group" } else { "task" }
    guard !columns.isEmpty else {
      throw .noMatchingColumns(
        target: "\(kind) \(name)", protocols: protocols, metrics: request.metrics)
    }
    let suffix = protocols.map { " (\($0.joined(separator: ", ")))" } ?? ""
    return ("\(kind) \(name)\(suffix)", columns)
  }

  /// The bench models, de-duplicated, minus exclusions (matched by name key or zoo model).
  static func benchModels(_ request: CorrelationRequest) -> [String] {
    let excludedKeys = Set(request.excluded.map(NameKey.of))
    let excludedIDs = Set(request.excluded.compactMap { ModelZoo.resolve($0)?.id })
    var seen = Set<String>()
    return request.models.filter { model in
      guard seen.insert(model).inserted else { return false }
      if excludedKeys.contains(NameKey.of(model)) { return false }
      if let id = ModelZoo.resolve(model)?.id, excludedIDs.contains(id) { return false }
      return true
    }
  }

  /// Each model's raw x — ImageNet top-1 (percent), or the x column's value — after checking
  /// every needed value is present.
  private static func imagenetTop1(
    models: [String], columns: [ColumnKey], table: ResultsTable, x: ColumnKey? = nil
  ) throws(AnalysisError) -> [Double] {
    var missing: [MissingValue] = []
    var top1: [Double] = []
    for model in models {
      if let x {
        if let value = table.value(model: model, column: x) {
          top1.append(value)
        } else {
          missing.append(MissingValue(model: model, column: x))
        }
      } else if let value = table.imagenetTop1(model: model) ?? ModelZoo.resolve(model)?.imagenetTop1 {
        top1.append(value)
      } else {
        missing.append(MissingValue(model: model, column: .imagenetTop1))
      }
      for column in columns where table.value(model: model, column: column) == nil {
        missing.append(MissingValue(model: model, column: column))
      }
    }
    guard missing.isEmpty else { throw .missingValues(missing) }
    if x != nil { return top1 }
    for (model, value) in zip(models, top1) where !Logit.logit(percent: value).isFinite {
      throw .nonFiniteTransform(model: model, column: .imagenetTop1, value: value)
    }
    return top1
  }

  /// The transformed x of each model: logit of ImageNet top-1, or the x column's transform.
  private static func xValues(
    _ raw: [Double], models: [String], x: ColumnKey?, table: ResultsTable
  ) throws(AnalysisError) -> [Double] {
    guard let x else { return raw.map { Logit.logit(percent: $0) } }
    let transform = self.transform(of: x, table: table)
    var out: [Double] = []
    for (model, value) in zip(models, raw) {
      let v = transform.apply(value, scale: x.scale)
      guard v.isFinite else { throw .nonFiniteTransform(model: model, column: x, value: value) }
      out.append(v)
    }
    return out
  }

  // MARK: - Statistics

  /// The paper's transform for a column, from its scale and the table's `better` field.
  static func transform(of column: ColumnKey, table: ResultsTable) -> ValueTransform {
    let direction = table.rows.first { ColumnKey($0) == column }?.better ?? .higher
    return ValueTransform.paper(scale: column.scale, direction: direction)
  }

  private static func correlate(
    column: ColumnKey, points: [CorrelationPoint], transform: ValueTransform
  ) throws(AnalysisError) -> TaskCorrelation {
    let x = points.map(\.x)
    let y = points.map(\.y)
    let pearson = Correlation.pearson(x, y)
    guard !pearson.r.isNaN else { throw .constantColumn(column: column) }
    return TaskCorrelation(
      column: column, n: points.count, pearson: pearson, spearman: Correlation.spearman(x, y),
      transform: transform)
  }

  /// The synthetic key of the average row: task `average`, metric `log-odds`, and the
  /// averaged columns' groups and protocols (first-appearance order) joined with `+`.
  static func averageKey(_ columns: [ColumnKey]) -> ColumnKey {
    func joined(_ values: [String]) -> String {
      var seen = Set<String>()
      return values.filter { seen.insert($0).inserted }.joined(separator: "+")
    }
    return ColumnKey(
      task: "average", protocol: joined(columns.map(\.protocol)), metric: "log-odds",
      group: joined(columns.map(\.group)))
  }
}
