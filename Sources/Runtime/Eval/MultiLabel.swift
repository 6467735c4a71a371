// Copyright © 2026 the ssl authors.
//
// Multi-label targets (VOC2007's 20 classes) travel through the feature cache as one int64 per
// image: bit c is set when class c is present. The cache format stays one label per row, and
// the linear probe decodes the masks into per-class positives.

/// Bit-mask encoding of multi-label targets.
public enum MultiLabel {
  /// The mask of `positives`, or nil when a class index is outside 0...61.
  public static func mask(_ positives: [Int]) -> Int? {
    var mask = 0
    for c in positives {
      guard (0...61).contains(c) else { return nil }
      mask |= 1 << c
    }
    return mask
  }

  /// `[class][row]`: whether row `i` has class `c`, for `classCount` classes.
  public static func positives(_ masks: [Int], classCount: Int) -> [[Bool]] {
    (0..<classCount).map { c in masks.map { $0 & (1 << c) != 0 } }
  }
}
