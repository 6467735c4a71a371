// Copyright © 2026 the ssl authors.

/// The result of ``TransferCorrelation/analyze(_:table:)``: per-column rows and the average.
public struct CorrelationAnalysis: Sendable {
  /// What was correlated, for example `group manyshot (linear)` or `task Pets`.
  public var target: String
  /// The models used, in bench order, after exclusions.
  public var models: [String]
  /// One row per selected column, in the table's (CSV) column order.
  public var rows: [TaskCorrelation]
  /// The columns that enter the average: the selected ones whose transform is `.logit`.
  public var averageColumns: [ColumnKey]
  /// logit(ImageNet) against each model's mean log-odds over ``averageColumns``.
  ///
  /// Its column is synthetic: task `average`, metric `log-odds`, and the selected groups and
  /// protocols joined with `+` (e.g. `manyshot` / `linear`). Nil when no column is bounded
  /// (negated error metrics are reported per column but never averaged).
  public var average: TaskCorrelation?
  /// The points behind ``average``, one per model in bench order; empty when it is nil.
  public var averagePoints: [CorrelationPoint]
  /// The points behind each row, keyed by column, one per model in bench order.
  public var pointsByColumn: [ColumnKey: [CorrelationPoint]]

  /// Creates an analysis.
  ///
  /// - Parameters:
  ///   - target: The target description.
  ///   - models: The models used.
  ///   - rows: The per-column rows.
  ///   - averageColumns: The averaged columns.
  ///   - average: The average row.
  ///   - averagePoints: The average's points.
  ///   - pointsByColumn: The per-column points.
  public init(
    target: String, models: [String], rows: [TaskCorrelation], averageColumns: [ColumnKey],
    average: TaskCorrelation?, averagePoints: [CorrelationPoint],
    pointsByColumn: [ColumnKey: [CorrelationPoint]]
  ) {
    self.target = target
    self.models = models
    self.rows = rows
    self.averageColumns = averageColumns
    self.average = average
    self.averagePoints = averagePoints
    self.pointsByColumn = pointsByColumn
  }
}
