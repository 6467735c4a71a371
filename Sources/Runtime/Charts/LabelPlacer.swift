// Copyright © 2026 the ssl authors.

import Foundation

/// Greedy placement of point labels so they overlap no other label, marker or fixed box.
///
/// Each label tries candidate positions around its marker: ring 0 holds right, left, above,
/// below, then the four diagonals, each just clear of the marker. Later rings move out by
/// `ringStep` and try 16 directions; a label placed there gets a leader line. Among the
/// candidates that stay inside `bounds` and clear every obstacle, the cheapest wins:
/// each ring out costs 3, crossing the fit line 2, and sitting nearer another marker than its
/// own (an ambiguous label) 4 next to the marker or 1 with a leader; direction order breaks
/// ties. If no candidate clears, the one with the least overlapping area is used, clamped
/// inside `bounds`.
struct LabelPlacer {
  /// Where labels must stay (the plot, inset from the frame).
  var bounds: ChartRect
  /// Boxes no label may overlap: markers, the annotation, labels placed so far.
  var obstacles: [ChartRect]
  /// Every marker centre, to judge which marker a label seems to belong to.
  var anchors: [ChartPoint]
  /// Polylines a label should avoid crossing when it can (the fit line).
  var softLines: [[ChartPoint]]
  /// Half the drawn width of the soft lines.
  var softLineHalfWidth: Double
  /// Extra clearance kept between a label and every obstacle.
  var clearance: Double
  /// How far each ring lies beyond the previous one.
  var ringStep: Double
  /// How many rings to try.
  var ringCount = 8

  /// The preferred directions in degrees (counter-clockwise from "right"), nearest ring.
  static let nearAngles: [Double] = [0, 180, 90, 270, 45, 135, 315, 225]
  /// The directions tried in farther rings: the eight above, then the eight between them.
  static let farAngles: [Double] =
    nearAngles + [22.5, 157.5, 337.5, 202.5, 67.5, 112.5, 292.5, 247.5]

  /// Places one label of `size` beside a marker and records it as an obstacle.
  ///
  /// - Returns: The label box, whether it sits out far enough to need a leader line, and its
  ///   cost (1,000 plus the overlap when no candidate was clear).
  mutating func place(
    size: (width: Double, height: Double), around anchor: ChartPoint, radius: Double, gap: Double
  ) -> Placement {
    var fallback: (box: ChartRect, overlap: Double, isFar: Bool)?
    var chosen: (box: ChartRect, cost: Double, isFar: Bool)?
    for ring in 0..<ringCount {
      // A farther ring costs at least 3, so once a choice beats that, stop looking.
      if let chosen, chosen.cost < Double(ring) * 3 { break }
      let distance = radius + gap + Double(ring) * ringStep
      let angles = ring == 0 ? Self.nearAngles : Self.farAngles
      for (order, angle) in angles.enumerated() {
        let box = candidate(size: size, anchor: anchor, distance: distance, angle: angle)
        let clamped = clampedInside(box)
        let overlap = overlapCost(clamped) + (clamped == box ? 0 : 1e-3)
        if fallback == nil || overlap < (fallback?.overlap ?? .infinity) {
          fallback = (clamped, overlap, ring > 0)
        }
        guard clamped == box, overlap == 0 else { continue }
        var cost = Double(ring) * 3 + Double(order) * 0.01
        if crossesSoftLine(box) { cost += 2 }
        if isAmbiguous(box, anchor: anchor, radius: radius) { cost += ring == 0 ? 4 : 1 }
        if chosen == nil || cost < (chosen?.cost ?? .infinity) { chosen = (box, cost, ring > 0) }
      }
    }
    if let chosen {
      return commit(Placement(box: chosen.box, isFar: chosen.isFar, cost: chosen.cost))
    }
    let last = fallback ?? (clampedInside(ChartRect(center: anchor, width: 0, height: 0)), 0, false)
    return commit(Placement(box: last.box, isFar: last.isFar, cost: 1000 + last.overlap))
  }

  /// Where a label went and what it cost.
  struct Placement {
    /// The label box.
    var box: ChartRect
    /// Whether the label is off its marker and needs a leader line.
    var isFar: Bool
    /// The placement cost; lower is better.
    var cost: Double
  }

  /// Whether another marker lies nearer the box than the box's own marker.
  private func isAmbiguous(_ box: ChartRect, anchor: ChartPoint, radius: Double) -> Bool {
    let own = Self.distance(from: anchor, to: box)
    return anchors.contains { other in
      other != anchor && Self.distance(from: other, to: box) < own + radius * 0.5
    }
  }

  /// The distance from a point to the nearest point of a rectangle.
  static func distance(from point: ChartPoint, to box: ChartRect) -> Double {
    let dx = max(box.x - point.x, 0, point.x - box.maxX)
    let dy = max(box.y - point.y, 0, point.y - box.maxY)
    return (dx * dx + dy * dy).squareRoot()
  }

  /// The box in direction `angle`, `distance` from the anchor.
  ///
  /// Along an axis the near edge is centred on the ray; on a slant the near corner sits on it,
  /// so a wide label on a diagonal hugs its marker instead of floating above it.
  func candidate(
    size: (width: Double, height: Double), anchor: ChartPoint, distance: Double, angle: Double
  ) -> ChartRect {
    let radians = angle * Double.pi / 180
    let ux = cos(radians)
    let uy = -sin(radians)  // screen y grows downwards
    let a = size.width / 2
    let b = size.height / 2
    let center: ChartPoint
    if abs(ux) < 1e-9 || abs(uy) < 1e-9 {
      let reach = distance + a * abs(ux) + b * abs(uy)
      center = ChartPoint(x: anchor.x + ux * reach, y: anchor.y + uy * reach)
    } else {
      center = ChartPoint(
        x: anchor.x + ux * distance + (ux > 0 ? a : -a),
        y: anchor.y + uy * distance + (uy > 0 ? b : -b))
    }
    return ChartRect(center: center, width: size.width, height: size.height)
  }

  private mutating func commit(_ placement: Placement) -> Placement {
    obstacles.append(placement.box)
    return placement
  }

  private func overlapCost(_ box: ChartRect) -> Double {
    let grown = box.insetBy(-clearance)
    return obstacles.reduce(0) { $0 + grown.overlapArea($1) }
  }

  /// The box moved (not resized) so it lies inside `bounds` where it fits.
  private func clampedInside(_ box: ChartRect) -> ChartRect {
    var moved = box
    moved.x = min(max(box.x, bounds.x), max(bounds.x, bounds.maxX - box.width))
    moved.y = min(max(box.y, bounds.y), max(bounds.y, bounds.maxY - box.height))
    return moved
  }

  private func crossesSoftLine(_ box: ChartRect) -> Bool {
    let grown = box.insetBy(-(softLineHalfWidth + clearance))
    return softLines.contains { line in
      zip(line, line.dropFirst()).contains { Self.segment($0, $1, intersects: grown) }
    }
  }

  /// Liang–Barsky clipping: whether the segment `a`–`b` passes through the rectangle.
  static func segment(_ a: ChartPoint, _ b: ChartPoint, intersects box: ChartRect) -> Bool {
    let dx = b.x - a.x
    let dy = b.y - a.y
    var t0 = 0.0
    var t1 = 1.0
    let edges = [
      (-dx, a.x - box.x), (dx, box.maxX - a.x), (-dy, a.y - box.y), (dy, box.maxY - a.y),
    ]
    for (p, q) in edges {
      if p == 0 {
        if q < 0 { return false }
      } else {
        let t = q / p
        if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
        if t0 > t1 { return false }
      }
    }
    return true
  }
}
