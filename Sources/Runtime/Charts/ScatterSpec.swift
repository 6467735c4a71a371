// Copyright © 2026 the ssl authors.

/// A labelled scatter plot with an optional fitted line and confidence band (Figure 1).
public struct ScatterSpec: Sendable {
  /// The points, each drawn as a marker with its label placed beside it.
  public var points: [LabeledPoint]
  /// The fitted line and its band, sampled by the caller; `nil` draws points only.
  public var fit: FitBand?
  /// A short text such as `"r = 0.93"`, boxed in a corner inside the plot (top-left when free).
  public var annotation: String?

  /// Creates a scatter spec.
  ///
  /// - Parameters:
  ///   - points: The labelled points.
  ///   - fit: The sampled fit line and band, or `nil`.
  ///   - annotation: The corner text, or `nil`.
  public init(points: [LabeledPoint], fit: FitBand? = nil, annotation: String? = nil) {
    self.points = points
    self.fit = fit
    self.annotation = annotation
  }
}
