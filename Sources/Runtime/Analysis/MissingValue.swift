// Copyright © 2026 the ssl authors.

/// A model that has no value in a column the analysis needs.
public struct MissingValue: Hashable, Sendable, CustomStringConvertible {
  /// The model's display name.
  public var model: String
  /// The column it lacks.
  public var column: ColumnKey

  /// Creates a missing-value record.
  ///
  /// - Parameters:
  ///   - model: The model's display name.
  ///   - column: The column it lacks.
  public init(model: String, column: ColumnKey) {
    self.model = model
    self.column = column
  }

  /// `SwAV lacks Pets finetune top1`.
  public var description: String { "\(model) lacks \(column)" }
}
