// Copyright © 2026 the ssl authors.

/// What to correlate with ImageNet accuracy: a target, column filters and a set of models.
///
/// Built by the `corr` command (`corr imagenet manyshot`, `corr imagenet pets`) and run by
/// ``TransferCorrelation/analyze(_:table:)``.
public struct CorrelationRequest: Sendable {
  /// The columns to correlate against: a whole group or one task.
  public enum Target: Hashable, Sendable, CustomStringConvertible {
    /// Every column of a group (`manyshot`, `fewshot`, `cdfsl`, `detection`, `dense`,
    /// `imagenet`); aliases such as `many-shot` are resolved by ``TaskCatalog``.
    case group(String)
    /// Every column of one task (`Pets`, `voc07`, …), across groups and protocols.
    case task(String)

    /// `group manyshot` or `task Pets`, with the name as given.
    public var description: String {
      switch self {
      case .group(let name): "group \(name)"
      case .task(let name): "task \(name)"
      }
    }
  }

  /// The group or task to correlate against.
  public var target: Target
  /// Protocols to keep (case- and punctuation-insensitive); nil for the default: `linear`
  /// for the `manyshot` group, every protocol otherwise.
  public var protocols: [String]?
  /// Metrics to keep (case- and punctuation-insensitive); nil for every metric.
  public var metrics: [String]?
  /// The models on the bench, as display names, in bench order.
  public var models: [String]
  /// Models to leave out, matched by name key or zoo alias (`swav` excludes `SwAV`).
  public var excluded: [String]
  /// The x column; nil for ImageNet top-1 (the paper's x, with the zoo's published value as
  /// fallback). Another column is transformed like a y column (logit, negation or none) —
  /// `corr pets invariance` correlates invariance with transfer.
  public var x: ColumnKey? = nil

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - target: The group or task.
  ///   - protocols: Protocols to keep, or nil for the default.
  ///   - metrics: Metrics to keep, or nil for all.
  ///   - models: The models, as display names.
  ///   - excluded: Models to leave out.
  public init(
    target: Target, protocols: [String]? = nil, metrics: [String]? = nil, models: [String],
    excluded: [String] = []
  ) {
    self.target = target
    self.protocols = protocols
    self.metrics = metrics
    self.models = models
    self.excluded = excluded
  }
}
