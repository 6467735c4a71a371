// Copyright © 2026 the ssl authors.

import Foundation

/// One model's point on a correlation scatter plot.
public struct CorrelationPoint: Hashable, Sendable {
  /// The model's display name.
  public var model: String
  /// The x column's raw value: the model's ImageNet linear top-1 in percent by default, or
  /// the value of the request's x column (``CorrelationRequest/x``).
  public var imagenetTop1: Double
  /// The x value the correlation uses: `logit(imagenetTop1 / 100)` by default, or the x
  /// column's paper transform of it.
  public var x: Double
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
    self.x = Logit.logit(percent: imagenetTop1)
    self.y = y
  }

  /// A point of a correlation whose x is another column: its raw and transformed values.
  public init(model: String, raw: Double, x: Double, y: Double) {
    self.model = model
    self.imagenetTop1 = raw
    self.x = x
    self.y = y
  }
}
