// Copyright © 2026 the ssl authors.
//
// The invariance paper's synthetic transforms (protocols.md §8.2, `eval_synthetic_invariance.py`
// `ManualTransform`) as a catalogue: each case knows its default k, its parameter grid in the
// seed code's order and how to apply one setting to a full-resolution 8-bit image, reproducing
// torchvision's functional op on a PIL image (so Pillow's 8-bit arithmetic). The clean
// preprocessing (Resize 256 bilinear, CenterCrop 224, ImageNet normalise) runs afterwards,
// outside this type, except for `resizedCrop`, which yields 224×224 itself.

/// One synthetic transform of the invariance paper.
public enum SyntheticTransform: String, CaseIterable, Sendable {
  case resizedCrop = "resized_crop"
  case hFlip = "h_flip"
  case vFlip = "v_flip"
  case scale, shear, rotation, translation, deform, grayscale, brightness, contrast,
    saturation, hue, blur, sharpness, equalize, posterize, invert
}

/// One parameter value of a transform.
///
/// The meaning of ``values`` per transform: `[angle]` (rotation, degrees), `[tx, ty]`
/// (translation, pixels), `[scale]`, `[shearX, shearY]` (degrees), `[top, left, height, width]`
/// (resized_crop, original-image pixels), `[sigma]` (deform, blur), `[factor]` (brightness,
/// contrast, saturation, hue, sharpness), `[bits]` (posterize), `[0]` / `[1]` for off / on
/// (flips, grayscale, equalize, invert).
public struct TransformSetting: Sendable, Equatable {
  /// The parameters, in the order above.
  public var values: [Double]

  /// Creates a setting.
  public init(_ values: [Double]) {
    self.values = values
  }
}

extension SyntheticTransform {
  /// The seed code's default number of settings: 2 for the on/off transforms, 7 for
  /// posterize, 256 otherwise.
  public var defaultK: Int {
    switch self {
    case .hFlip, .vFlip, .grayscale, .invert, .equalize: return 2
    case .posterize: return 7
    case .resizedCrop, .scale, .shear, .rotation, .translation, .deform, .brightness,
      .contrast, .saturation, .hue, .blur, .sharpness:
      return 256
    }
  }

  /// Whether the op produces the 224×224 network input itself (no Resize 256 + CenterCrop).
  public var skipsCleanResize: Bool { self == .resizedCrop }

  /// The kernel size the seed code passes to `gaussian_blur`: `1 + 2 · (224 // 20)` = 23.
  public static let blurKernelSize = 23

  /// The paper's parameter grid, in the seed code's order.
  ///
  /// Grids over two or four parameters are Cartesian products with the first parameter
  /// varying slowest (`itertools.product` order); with `k` given they use
  /// `Int(k^(1/2))` or `Int(k^(1/4))` values per parameter.
  ///
  /// - Parameter k: The number of settings; ``defaultK`` when `nil`. The on/off transforms
  ///   always give `[0]`, `[1]`; posterize gives bits `1...min(k, 7)`.
  /// - Returns: The settings (`k` of them for one-parameter grids).
  public func settings(k: Int? = nil) -> [TransformSetting] {
    let k = max(1, k ?? defaultK)
    switch self {
    case .hFlip, .vFlip, .grayscale, .invert, .equalize:
      return [TransformSetting([0]), TransformSetting([1])]
    case .posterize:
      return (1...min(k, 7)).map { TransformSetting([Double($0)]) }
    case .rotation:
      return Self.linspace(0, 360, k + 1).dropLast().map { TransformSetting([$0]) }
    case .translation:
      let n = Self.root(k, 2)
      let space = (1 - 224.0 / 256) / 2
      let shifts = Self.linspace(-space, space, n + 1).dropLast().map { $0 * 256 }
      return Self.product([Array(shifts), Array(shifts)])
    case .scale:
      return Self.linspace(0.25, 2, k).map { TransformSetting([$0]) }
    case .shear:
      let n = Self.root(k, 2)
      let angles = Array(Self.linspace(-160, 160, n + 1).dropLast())
      return Self.product([angles, angles])
    case .resizedCrop:
      let n = Self.root(k, 4)
      let offsets = Self.linspace(0, 0.25, n).map { $0 * 256 }
      let sides = Self.linspace(0.75, 0.25, n).map { $0 * 256 }
      return Self.product([offsets, offsets, sides, sides])
    case .deform:
      // `linspace(10, 50, 8)` truncated to int, cycled k / 8 times (σ = 10, 15, 21, …).
      let sigmas = Self.linspace(10, 50, 8).map { Double(Int($0)) }
      return (0..<k).map { TransformSetting([sigmas[$0 % sigmas.count]]) }
    case .brightness, .contrast, .saturation:
      return Self.linspace(0.25, 5, k).map { TransformSetting([$0]) }
    case .hue:
      return Self.linspace(-0.5, 0.5, k).map { TransformSetting([$0]) }
    case .blur:
      return Self.linspace(1e-5, 20, k).map { TransformSetting([$0]) }
    case .sharpness:
      return Self.linspace(1, 30, k).map { TransformSetting([$0]) }
    }
  }

  // MARK: - Grid helpers

  /// `np.linspace(start, stop, count)`: `i · step + start`, the last point set to `stop`.
  static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
    guard count > 1 else { return count == 1 ? [start] : [] }
    let step = (stop - start) / Double(count - 1)
    var values = (0..<count).map { Double($0) * step + start }
    values[count - 1] = stop
    return values
  }

  /// The largest `n ≥ 1` with `n^p ≤ k`.
  private static func root(_ k: Int, _ p: Int) -> Int {
    var n = 1
    while power(n + 1, p) <= k { n += 1 }
    return n
  }

  private static func power(_ n: Int, _ p: Int) -> Int { (0..<p).reduce(1) { r, _ in r * n } }

  /// The Cartesian product of the lists, first list varying slowest.
  private static func product(_ lists: [[Double]]) -> [TransformSetting] {
    var rows: [[Double]] = [[]]
    for list in lists { rows = rows.flatMap { row in list.map { row + [$0] } } }
    return rows.map { TransformSetting($0) }
  }
}
