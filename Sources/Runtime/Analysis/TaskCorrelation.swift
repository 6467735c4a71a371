// Copyright © 2026 the ssl authors.

/// The correlation between logit(ImageNet top-1) and one column's transformed values.
///
/// One row of the `corr` table (and of the paper's Figure 2).
public struct TaskCorrelation: Sendable {
  /// The column; for the average row a synthetic key (see ``CorrelationAnalysis/average``).
  public var column: ColumnKey
  /// The number of models correlated.
  public var n: Int
  /// Pearson's r of `logit(ImageNet top-1 / 100)` against the transformed values.
  public var pearson: PearsonResult
  /// Spearman's ρ of the same pairs.
  public var spearman: SpearmanResult
  /// The transform applied to the column's values.
  public var transform: ValueTransform

  /// Creates a row.
  ///
  /// - Parameters:
  ///   - column: The column.
  ///   - n: The number of models.
  ///   - pearson: Pearson's r with p-value and interval.
  ///   - spearman: Spearman's ρ with p-value.
  ///   - transform: The y transform.
  public init(
    column: ColumnKey, n: Int, pearson: PearsonResult, spearman: SpearmanResult,
    transform: ValueTransform
  ) {
    self.column = column
    self.n = n
    self.pearson = pearson
    self.spearman = spearman
    self.transform = transform
  }
}
