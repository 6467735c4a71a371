// Copyright © 2026 the ssl authors.

import Foundation

/// The weight-decay grid of the seed code: `wd = torch.logspace(lo, hi, count)` in float32.
///
/// torch computes point `i` as `10^(lo + step·i)` for `i < count/2` and
/// `10^(hi − step·(count − 1 − i))` otherwise, with `step = (hi − lo)/(count − 1)` in Double,
/// then rounds to float32; the protocols then use `C = 1/wd` in Double (so `wd = 0.1` gives
/// `C = 9.99999985…`). The invariance paper shifts the exponents by `2c` (§8.4):
/// `c = 2` for a `w3` model, otherwise the number of fused models minus one.
public struct RegularizationGrid: Hashable, Sendable {
  /// The weight decays, ascending (float32 values widened to Double).
  public var weightDecays: [Double]

  /// Creates the grid `logspace(lo + 2·shift, hi + 2·shift, count)` in float32.
  ///
  /// - Parameters:
  ///   - count: Grid size (default 45; the seed code's `-w`).
  ///   - lowExponent: `lo` (default −6).
  ///   - highExponent: `hi` (default 5).
  ///   - shift: The §8.4 shift `c` (default 0).
  public init(count: Int = 45, lowExponent: Double = -6, highExponent: Double = 5, shift: Int = 0) {
    let lo = lowExponent + 2 * Double(shift)
    let hi = highExponent + 2 * Double(shift)
    if count == 1 {
      weightDecays = [Double(Float(pow(10, lo)))]
      return
    }
    let step = (hi - lo) / Double(count - 1)
    let halfway = count / 2
    weightDecays = (0..<max(count, 0)).map { i in
      let exponent = i < halfway ? lo + step * Double(i) : hi - step * Double(count - 1 - i)
      return Double(Float(pow(10, exponent)))
    }
  }

  /// The §8.4 grid shift: 2 when the model name contains `w3`, else (fused models − 1).
  ///
  /// - Parameter modelName: The model name, with `+` between fused models (`"a+b"`).
  /// - Returns: The shift `c`.
  public static func invarianceShift(modelName: String) -> Int {
    if modelName.contains("w3") { return 2 }
    return modelName.filter { $0 == "+" }.count
  }

  /// `C = 1/wd` for each grid point, in the order of ``weightDecays`` (C descending).
  public var inverseValues: [Double] { weightDecays.map { 1 / $0 } }
}
