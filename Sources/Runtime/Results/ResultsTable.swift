// Copyright © 2026 the ssl authors.

/// A table of results: rows of (model, task, group, protocol, metric, value).
///
/// ``reference`` holds the 700 published numbers of the CVPR 2021 paper (14 models × 50
/// columns), parsed from the CSV embedded at build time
/// (`ReferenceResults+Generated.swift`, written by `scripts/embed-reference-results.sh`).
/// Measured rows can be appended to a copy; lookups return the **last** matching row, so a
/// later measurement overrides an earlier number for the same model and column.
public struct ResultsTable: Sendable {
  /// The rows, in insertion (file) order.
  public var rows: [ResultRow]

  /// Creates a table from rows.
  ///
  /// - Parameter rows: The rows, in the order lookups should see them.
  public init(rows: [ResultRow] = []) {
    self.rows = rows
  }

  /// Parses a results CSV strictly (see ``ResultsCSVError`` for what is rejected).
  ///
  /// - Parameters:
  ///   - text: CSV text with the header `model,task,group,protocol,metric,value,ci95,better`.
  ///   - provenance: The provenance of every row; nil (the default) assigns
  ///     `.reference(table:)` from each row's group.
  /// - Throws: ``ResultsCSVError`` naming the first malformed line and column.
  public init(csv text: String, provenance: Provenance? = nil) throws(ResultsCSVError) {
    self.rows = try ResultsCSVParser.parse(text, provenance: provenance)
  }

  /// The published results of Ericsson, Gouk & Hospedales (CVPR 2021), Tables 1–5.
  ///
  /// The embedded text is checked by the test suite, so a parse failure here is a build
  /// defect and traps with the parser's message.
  public static let reference: ResultsTable = {
    do {
      return try ResultsTable(csv: ReferenceResultsCSV.text)
    } catch {
      preconditionFailure("embedded reference-results.csv is malformed: \(error)")
    }
  }()

  /// The embedded text of `reference-results.csv`, byte for byte (for export and checks).
  public static var referenceCSVText: String { ReferenceResultsCSV.text }

  // MARK: - Lookups

  /// The model names in order of first appearance.
  public var models: [String] {
    var seen = Set<String>()
    return rows.compactMap { seen.insert($0.model).inserted ? $0.model : nil }
  }

  /// The distinct columns in order of first appearance (the CSV's column order).
  public var columns: [ColumnKey] {
    var seen = Set<ColumnKey>()
    return rows.compactMap { row in
      let key = ColumnKey(row)
      return seen.insert(key).inserted ? key : nil
    }
  }

  /// Every row for a model, in table order.
  ///
  /// - Parameter model: The model's display name, matched exactly.
  /// - Returns: The model's rows.
  public func rows(model: String) -> [ResultRow] {
    rows.filter { $0.model == model }
  }

  /// Every row in a group, in table order.
  ///
  /// - Parameter group: The group name, matched exactly.
  /// - Returns: The group's rows.
  public func rows(group: String) -> [ResultRow] {
    rows.filter { $0.group == group }
  }

  /// Every row for a task, in table order.
  ///
  /// - Parameter task: The task name, matched exactly.
  /// - Returns: The task's rows.
  public func rows(task: String) -> [ResultRow] {
    rows.filter { $0.task == task }
  }

  /// The last row for a model in a column, if any.
  ///
  /// - Parameters:
  ///   - model: The model's display name.
  ///   - column: The column.
  /// - Returns: The matching row, or nil.
  public func row(model: String, column: ColumnKey) -> ResultRow? {
    rows.last { $0.model == model && ColumnKey($0) == column }
  }

  /// The value for a model in a column, if any.
  ///
  /// - Parameters:
  ///   - model: The model's display name.
  ///   - column: The column.
  /// - Returns: The value of the last matching row, or nil.
  public func value(model: String, column: ColumnKey) -> Double? {
    row(model: model, column: column)?.value
  }

  /// The model's ImageNet linear top-1 (percent), if the table has it.
  ///
  /// - Parameter model: The model's display name.
  /// - Returns: The value in the ``ColumnKey/imagenetTop1`` column, or nil.
  public func imagenetTop1(model: String) -> Double? {
    value(model: model, column: .imagenetTop1)
  }

  /// Appends rows; later rows override earlier ones in lookups.
  ///
  /// - Parameter newRows: The rows to add.
  public mutating func append(contentsOf newRows: [ResultRow]) {
    rows.append(contentsOf: newRows)
  }
}
