// Copyright © 2026 the ssl authors.

/// A fitted line sampled at ascending x values, with the lower and upper edge of its band.
///
/// The four arrays have equal length. The chart draws `lower`/`upper` as one translucent
/// polygon under the line through `(xs[i], ys[i])`. Samples with a non-finite value are skipped.
public struct FitBand: Hashable, Sendable {
  /// The sample positions, ascending.
  public var xs: [Double]
  /// The line's value at each `xs[i]`.
  public var ys: [Double]
  /// The lower edge of the band at each `xs[i]`.
  public var lower: [Double]
  /// The upper edge of the band at each `xs[i]`.
  public var upper: [Double]

  /// Creates a sampled line and band.
  ///
  /// - Parameters:
  ///   - xs: Ascending sample positions.
  ///   - ys: The line values.
  ///   - lower: The band's lower edge.
  ///   - upper: The band's upper edge.
  public init(xs: [Double], ys: [Double], lower: [Double], upper: [Double]) {
    self.xs = xs
    self.ys = ys
    self.lower = lower
    self.upper = upper
  }

  /// The indices whose four values are all finite.
  var finiteIndices: [Int] {
    let n = min(xs.count, ys.count, lower.count, upper.count)
    return (0..<n).filter {
      xs[$0].isFinite && ys[$0].isFinite && lower[$0].isFinite && upper[$0].isFinite
    }
  }
}
