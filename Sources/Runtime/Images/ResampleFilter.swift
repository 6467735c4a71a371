// Copyright © 2026 the ssl authors.

/// A separable resampling filter, as in Pillow's `libImaging/Resample.c`.
///
/// On a downscale by a factor `s` the filter is stretched by `s` (its support becomes
/// `support * s`), which is what makes Pillow's resize antialiased.
public enum ResampleFilter: String, CaseIterable, Codable, Sendable {
  /// The triangle filter, support 1 (Pillow `BILINEAR`, torchvision's default).
  case bilinear
  /// Keys' cubic convolution with `a = -0.5`, support 2 (Pillow `BICUBIC`).
  case bicubic

  /// Half the filter's width in source pixels before stretching.
  public var support: Double {
    switch self {
    case .bilinear: return 1
    case .bicubic: return 2
    }
  }

  /// The filter's value at distance `x` from the centre.
  public func weight(_ x: Double) -> Double {
    let x = abs(x)
    switch self {
    case .bilinear:
      return x < 1 ? 1 - x : 0
    case .bicubic:
      let a = -0.5
      if x < 1 { return ((a + 2) * x - (a + 3)) * x * x + 1 }
      if x < 2 { return (((x - 5) * x + 8) * x - 4) * a }
      return 0
    }
  }
}
