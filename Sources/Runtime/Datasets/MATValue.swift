// Copyright © 2026 the ssl authors.

/// A MATLAB array read from a v5/v7 `.mat` file (the subset the dataset devkits use).
///
/// Dimensions are MATLAB's (column-major); ``numbers`` and cell/struct elements are in
/// column-major order, which for the `1×N` and `N×1` arrays of the devkits is just the order.
public indirect enum MATValue: Equatable, Sendable {
  /// A numeric array (any MATLAB class), converted to `Double`.
  case numeric(dims: [Int], values: [Double])
  /// A character array, as text (rows of a 2-D char array joined column-major order undone).
  case text(dims: [Int], value: String)
  /// A cell array.
  case cell(dims: [Int], elements: [MATValue])
  /// A struct array: field names and, per element, the field values in name order.
  case structure(dims: [Int], fields: [String], elements: [[MATValue]])

  /// The numbers of a numeric array, or `nil`.
  public var numbers: [Double]? {
    if case .numeric(_, let values) = self { return values }
    return nil
  }

  /// The text of a char array, or `nil`.
  public var string: String? {
    if case .text(_, let value) = self { return value }
    return nil
  }

  /// The value of a field for every element of a struct array, or `nil`.
  public func field(_ name: String) -> [MATValue]? {
    guard case .structure(_, let fields, let elements) = self,
      let i = fields.firstIndex(of: name)
    else { return nil }
    return elements.map { $0[i] }
  }
}
