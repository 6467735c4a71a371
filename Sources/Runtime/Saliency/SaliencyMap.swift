// Copyright © 2026 the ssl authors.

/// A per-pixel attention map, row-major [height, width].
public struct SaliencyMap: Hashable, Sendable {
  public let width: Int
  public let height: Int
  /// `width × height` values, row-major.
  public let values: [Double]

  public init(width: Int, height: Int, values: [Double]) {
    precondition(values.count == width * height, "SaliencyMap: \(values.count) values for \(width)×\(height)")
    self.width = width
    self.height = height
    self.values = values
  }

  /// Attentive diffusion (§7): the percentage of the map's values strictly above its mean.
  public var attentiveDiffusion: Double {
    guard !values.isEmpty else { return .nan }
    let mean = values.reduce(0, +) / Double(values.count)
    return 100 * Double(values.filter { $0 > mean }.count) / Double(values.count)
  }

  /// The central `side × side` crop.
  public func centreCropped(to side: Int) -> SaliencyMap {
    let top = max((height - side) / 2, 0)
    let left = max((width - side) / 2, 0)
    let h = min(side, height)
    let w = min(side, width)
    var out = [Double]()
    out.reserveCapacity(w * h)
    for y in top..<(top + h) { out.append(contentsOf: values[(y * width + left)..<(y * width + left + w)]) }
    return SaliencyMap(width: w, height: h, values: out)
  }

  /// Values scaled to [0, 1] by the map's own min and max (constant maps become 0).
  public var normalised: [Double] {
    guard let lo = values.min(), let hi = values.max(), hi > lo else {
      return [Double](repeating: 0, count: values.count)
    }
    return values.map { ($0 - lo) / (hi - lo) }
  }
}
