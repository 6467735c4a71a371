// Copyright © 2026 the ssl authors.

import Foundation

/// One model's point on a correlation scatter plot.
public struct CorrelationPoint: Hashable, Sendable {
  /// The model's display name.
  public var model: String
  /// The model's ImageNet linear top-1, in percent.
  public var imagenetTop1: Double
  /// The y value: the column's transformed value, or the average transfer log-odds.
  public var y: Double

  /// Creates a point.
  ///
  /// - Parameters:
  ///   - model: The model's display name.
  ///   - imagenetTop1: ImageNet top-1 in percent.
  ///   - y: The transformed value.
  public init(model: String, imagenetTop1: Double, y: Double) {
    self.model = model
    self.imagenetTop1 = imagenetTop1
    self.y = y
  }

  /// The x value the correlation uses: `logit(imagenetTop1 / 100)`.
  public var x: Double { Logit.logit(percent: imagenetTop1) }
}
