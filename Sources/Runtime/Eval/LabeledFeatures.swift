// Copyright © 2026 the ssl authors.

/// Features with one class label per row: a split (train, val, test) of a classification set.
public struct LabeledFeatures: Hashable, Sendable {
  /// `[n, d]` features.
  public var features: FeatureMatrix
  /// `n` class indices.
  public var labels: [Int]

  /// Pairs features with labels.
  ///
  /// - Parameters:
  ///   - features: `[n, d]` features.
  ///   - labels: `n` labels, each ≥ 0.
  /// - Throws: ``EvalError`` when the counts differ, a label is negative or a feature is NaN
  ///   or infinite.
  public init(features: FeatureMatrix, labels: [Int]) throws(EvalError) {
    guard labels.count == features.rows else {
      throw .sizeMismatch(what: "labels", expected: features.rows, actual: labels.count)
    }
    if let bad = labels.first(where: { $0 < 0 }) {
      throw .labelOutOfRange(label: bad, classCount: (labels.max() ?? 0) + 1)
    }
    if let first = features.values.firstIndex(where: { !$0.isFinite }) {
      let width = max(features.columns, 1)
      var count = 0
      var rows = Set<Int>()
      for (i, v) in features.values.enumerated() where !v.isFinite {
        count += 1
        rows.insert(i / width)
      }
      throw .nonFiniteFeatures(count: count, rows: rows.count, firstRow: first / width)
    }
    self.features = features
    self.labels = labels
  }

  /// The number of samples.
  public var count: Int { labels.count }

  /// This split with `other` appended (train + val → trainval).
  ///
  /// - Parameter other: A split with the same feature width.
  /// - Returns: The concatenation, `self` first.
  /// - Throws: ``EvalError/sizeMismatch(what:expected:actual:)`` for different widths.
  public func appending(_ other: LabeledFeatures) throws(EvalError) -> LabeledFeatures {
    try LabeledFeatures(
      features: features.appendingRows(other.features), labels: labels + other.labels)
  }

  /// The samples at `indices`, in that order.
  ///
  /// - Parameter indices: Row indices.
  /// - Returns: The subset.
  public func selecting(_ indices: [Int]) -> LabeledFeatures {
    // Labels were validated at construction, so the subset is valid too.
    var copy = self
    copy.features = features.selectingRows(indices)
    copy.labels = indices.map { labels[$0] }
    return copy
  }
}
