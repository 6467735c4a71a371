// Copyright © 2026 the ssl authors.

/// A feature matrix with one label (and optionally a split) per row: what extraction produces,
/// the cache stores, and the evaluation protocols consume.
public struct FeatureSet: Sendable, Equatable {
  /// The number of rows (images).
  public let rows: Int
  /// The feature dimension.
  public let columns: Int
  /// `rows * columns` values, row-major.
  public var values: [Float]
  /// One class index per row.
  public var labels: [Int]
  /// One split per row, when the file carried one.
  public var splits: [DatasetSplit]?

  /// Creates a set.
  ///
  /// - Precondition: `values.count == rows * columns`, `labels.count == rows`, and `splits`
  ///   (when given) has `rows` entries.
  public init(
    rows: Int, columns: Int, values: [Float], labels: [Int], splits: [DatasetSplit]? = nil
  ) {
    precondition(values.count == rows * columns && labels.count == rows, "feature set sizes")
    precondition(splits.map { $0.count == rows } ?? true, "split count")
    self.rows = rows
    self.columns = columns
    self.values = values
    self.labels = labels
    self.splits = splits
  }

  /// The rows of one split (all rows when the set has no splits and `split` is `.all`).
  public func rows(in split: DatasetSplit) -> FeatureSet? {
    guard let splits else { return split == .all ? self : nil }
    let keep = splits.indices.filter { splits[$0] == split || split == .all }
    var values: [Float] = []
    values.reserveCapacity(keep.count * columns)
    for r in keep { values += self.values[(r * columns)..<((r + 1) * columns)] }
    return FeatureSet(
      rows: keep.count, columns: columns, values: values, labels: keep.map { labels[$0] },
      splits: keep.map { splits[$0] })
  }
}
