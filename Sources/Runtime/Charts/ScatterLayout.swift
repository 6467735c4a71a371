// Copyright © 2026 the ssl authors.

/// The scatter-specific geometry of a ``ChartLayout``: markers, labels, band, line, annotation.
public struct ScatterLayout: Hashable, Sendable {
  /// One marker per finite input point, in input order.
  public var marks: [Mark]
  /// The band as a closed polygon (upper edge left to right, then lower edge back); empty for none.
  public var band: [ChartPoint]
  /// The fit line as a polyline; empty for none.
  public var line: [ChartPoint]
  /// The boxed corner annotation, or `nil`.
  public var annotation: ChartText?
  /// The frame drawn around the annotation, or `nil`.
  public var annotationFrame: ChartRect?

  /// A point's marker and its placed label.
  public struct Mark: Hashable, Sendable {
    /// The input point.
    public var point: LabeledPoint
    /// The marker centre in pixels.
    public var center: ChartPoint
    /// The marker radius in pixels.
    public var radius: Double
    /// The placed label, or `nil` when the point has no label.
    public var label: ChartText?
    /// A thin line from the marker to a label placed farther out, or `nil` when adjacent.
    public var leader: Leader?

    /// Creates a mark.
    ///
    /// - Parameters:
    ///   - point: The input point.
    ///   - center: The marker centre.
    ///   - radius: The marker radius.
    ///   - label: The placed label.
    ///   - leader: The leader line, if any.
    public init(
      point: LabeledPoint, center: ChartPoint, radius: Double, label: ChartText?,
      leader: Leader?
    ) {
      self.point = point
      self.center = center
      self.radius = radius
      self.label = label
      self.leader = leader
    }
  }

  /// A leader line segment.
  public struct Leader: Hashable, Sendable {
    /// The end at the marker's edge.
    public var from: ChartPoint
    /// The end at the label box.
    public var to: ChartPoint

    /// Creates a leader.
    ///
    /// - Parameters:
    ///   - from: The marker end.
    ///   - to: The label end.
    public init(from: ChartPoint, to: ChartPoint) {
      self.from = from
      self.to = to
    }
  }

  /// Creates a scatter layout.
  ///
  /// - Parameters:
  ///   - marks: The markers with labels.
  ///   - band: The band polygon.
  ///   - line: The fit polyline.
  ///   - annotation: The annotation text.
  ///   - annotationFrame: The annotation's frame.
  public init(
    marks: [Mark], band: [ChartPoint], line: [ChartPoint], annotation: ChartText?,
    annotationFrame: ChartRect?
  ) {
    self.marks = marks
    self.band = band
    self.line = line
    self.annotation = annotation
    self.annotationFrame = annotationFrame
  }
}
