// Copyright © 2026 the ssl authors.

/// One column of the results table: a (task, protocol, metric) within a group.
///
/// The reference table has 50 columns (ImageNet plus the 49 transfer columns of
/// Tables 1–5), each with one value per model.
public struct ColumnKey: Hashable, Sendable, CustomStringConvertible {
  /// The task name, for example `Pets`.
  public var task: String
  /// The protocol, for example `linear`.
  public var `protocol`: String
  /// The metric, for example `mean-per-class`.
  public var metric: String
  /// The group, for example `manyshot`.
  public var group: String

  /// Creates a column key.
  ///
  /// - Parameters:
  ///   - task: The task name.
  ///   - protocol: The protocol.
  ///   - metric: The metric.
  ///   - group: The group.
  public init(task: String, protocol: String, metric: String, group: String) {
    self.task = task
    self.protocol = `protocol`
    self.metric = metric
    self.group = group
  }

  /// The column a row belongs to.
  ///
  /// - Parameter row: A result row.
  public init(_ row: ResultRow) {
    self.init(task: row.task, protocol: row.protocol, metric: row.metric, group: row.group)
  }

  /// The ImageNet linear top-1 column, the x-axis of every correlation in the paper.
  public static let imagenetTop1 = ColumnKey(
    task: "ImageNet", protocol: "linear", metric: "top1", group: "imagenet")

  /// The metric's unit, derived from ``metric``.
  public var scale: MetricScale { MetricScale(metric: metric) }

  /// `task protocol metric`, for example `Pets finetune top1`, for messages.
  public var description: String { "\(task) \(`protocol`) \(metric)" }
}
