// Copyright © 2026 the ssl authors.

/// Maps a data interval linearly onto a pixel interval (which may run backwards, as y does).
public struct LinearScale: Hashable, Sendable {
  /// The data interval.
  public var domain: ClosedRange<Double>
  /// The pixel position of `domain.lowerBound`.
  public var start: Double
  /// The pixel position of `domain.upperBound`.
  public var end: Double

  /// Creates a scale.
  ///
  /// - Parameters:
  ///   - domain: The data interval; a zero-width domain maps everything to the middle.
  ///   - start: The pixel for the lower bound.
  ///   - end: The pixel for the upper bound.
  public init(domain: ClosedRange<Double>, start: Double, end: Double) {
    self.domain = domain
    self.start = start
    self.end = end
  }

  /// The pixel position of a data value.
  ///
  /// - Parameter value: The data value.
  /// - Returns: Its pixel position (extrapolated outside the domain).
  public func callAsFunction(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    guard span > 0 else { return (start + end) / 2 }
    return start + (value - domain.lowerBound) / span * (end - start)
  }
}
