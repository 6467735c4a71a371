// Copyright © 2026 the ssl authors.

/// Why a correlation analysis could not be computed.
public enum AnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
  // MARK: Inputs

  /// Fewer models remain after exclusions than a correlation needs.
  case tooFewModels(count: Int, needed: Int)
  /// No column matches the target and filters.
  case noMatchingColumns(target: String, protocols: [String]?, metrics: [String]?)

  // MARK: Data

  /// Some models lack some selected columns; every (model, column) pair is listed.
  case missingValues([MissingValue])
  /// A value's transform is not finite, for example the logit of 0% or 100%.
  case nonFiniteTransform(model: String, column: ColumnKey, value: Double)
  /// Every model has the same transformed value in a column, so r is undefined.
  case constantColumn(column: ColumnKey)

  /// A message naming the models and columns at fault.
  public var description: String {
    switch self {
    case .tooFewModels(let count, let needed):
      "correlation needs at least \(needed) models, but \(count) remain"
    case .noMatchingColumns(let target, let protocols, let metrics):
      "no results match \(target)" + Self.filter("protocols", protocols)
        + Self.filter("metrics", metrics)
    case .missingValues(let missing):
      "missing results: " + missing.map(\.description).joined(separator: "; ")
    case .nonFiniteTransform(let model, let column, let value):
      "\(model)'s \(column) value \(value) has no finite log-odds"
    case .constantColumn(let column):
      "\(column) has the same value for every model, so its correlation is undefined"
    }
  }

  private static func filter(_ label: String, _ values: [String]?) -> String {
    guard let values else { return "" }
    return " with \(label) [\(values.joined(separator: ", "))]"
  }
}
