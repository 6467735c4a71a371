// Copyright © 2026 the ssl authors.

/// One number of a results table: a model's score on a task under a protocol and metric.
///
/// The fields are the columns of `reference-results.csv` plus the row's ``Provenance``.
public struct ResultRow: Hashable, Sendable {
  /// The model's paper display name, for example `DeepCluster-v2`.
  public var model: String
  /// The task (dataset) name as in the CSV, for example `Pets`, `VOC-detection`.
  public var task: String
  /// The result group: `imagenet`, `manyshot`, `fewshot`, `cdfsl`, `detection` or `dense`.
  public var group: String
  /// The evaluation protocol, for example `linear`, `finetune`, `fewshot-5way-20shot`.
  public var `protocol`: String
  /// The metric, for example `top1`, `mean-per-class`, `AP50`, `mean-iou`.
  public var metric: String
  /// The value on the metric's ``MetricScale``.
  public var value: Double
  /// The half-width of the published 95% interval (few-shot rows only).
  public var ci95: Double?
  /// Whether larger or smaller values are better.
  public var better: MetricDirection
  /// Where the number came from.
  public var provenance: Provenance

  /// Creates a row.
  ///
  /// - Parameters:
  ///   - model: The model's display name.
  ///   - task: The task name.
  ///   - group: The result group.
  ///   - protocol: The evaluation protocol.
  ///   - metric: The metric name.
  ///   - value: The value.
  ///   - ci95: The 95% interval half-width, if published.
  ///   - better: The metric direction.
  ///   - provenance: Where the number came from.
  public init(
    model: String, task: String, group: String, protocol: String, metric: String,
    value: Double, ci95: Double? = nil, better: MetricDirection, provenance: Provenance
  ) {
    self.model = model
    self.task = task
    self.group = group
    self.protocol = `protocol`
    self.metric = metric
    self.value = value
    self.ci95 = ci95
    self.better = better
    self.provenance = provenance
  }

  /// The metric's unit, derived from ``metric``.
  public var scale: MetricScale { MetricScale(metric: metric) }
}
