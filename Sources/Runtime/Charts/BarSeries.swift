// Copyright © 2026 the ssl authors.

/// One named row of bar values, optionally with error whiskers.
public struct BarSeries: Hashable, Sendable {
  /// The legend name.
  public var name: String
  /// One value per category; NaN leaves a gap.
  public var values: [Double]
  /// Optional ± half-widths per category, drawn as whiskers; 0 or NaN draws none.
  public var errors: [Double]?

  /// Creates a series.
  ///
  /// - Parameters:
  ///   - name: The legend name.
  ///   - values: One value per category.
  ///   - errors: Optional ± half-widths.
  public init(name: String, values: [Double], errors: [Double]? = nil) {
    self.name = name
    self.values = values
    self.errors = errors
  }
}
