// Copyright © 2026 the ssl authors.

import Foundation

/// "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, and their labels.
///
/// The step follows Heckbert's "Nice numbers for graph labels" (Graphics Gems, 1990): take
/// `raw = span / targetCount`, split it as `f · 10^k` with `1 ≤ f < 10`, and round `f` to 1
/// (`f < 1.5`), 2 (`f < 3`), 5 (`f < 7`) or 10. Tick values are computed as `k · step` from
/// integers, never by repeated addition, so `0.1 + 0.2`-style drift cannot creep into labels.
public enum ChartTicks {
  /// The nice step for covering `span` with about `targetCount` intervals.
  ///
  /// - Parameters:
  ///   - span: The length of the range; must be positive and finite.
  ///   - targetCount: The wanted number of intervals, at least 1.
  /// - Returns: A step of the form 1, 2 or 5 times a power of ten.
  public static func niceStep(span: Double, targetCount: Int) -> Double {
    precondition(span > 0 && span.isFinite, "niceStep: span must be positive and finite")
    let raw = span / Double(max(1, targetCount))
    let exponent = floor(log10(raw))
    let magnitude = pow(10, exponent)
    let fraction = raw / magnitude
    let nice: Double
    if fraction < 1.5 {
      nice = 1
    } else if fraction < 3 {
      nice = 2
    } else if fraction < 7 {
      nice = 5
    } else {
      nice = 10
    }
    return nice * magnitude
  }

  /// The multiples of `step` that lie inside `range` (with a small tolerance at both ends).
  ///
  /// - Parameters:
  ///   - range: The axis range.
  ///   - step: The tick step.
  /// - Returns: The tick values, ascending.
  public static func ticks(in range: ClosedRange<Double>, step: Double) -> [Double] {
    let tolerance = step * 1e-9
    let first = Int(ceil((range.lowerBound - tolerance) / step))
    let last = Int(floor((range.upperBound + tolerance) / step))
    guard first <= last else { return [] }
    let decimals = self.decimals(for: step)
    return (first...last).map { rounded(Double($0) * step, decimals: decimals) }
  }

  /// The range widened outwards to the nearest multiples of `step`.
  ///
  /// - Parameters:
  ///   - range: The data range.
  ///   - step: The tick step.
  /// - Returns: `floor(lo / step) · step ... ceil(hi / step) · step`.
  public static func snapped(_ range: ClosedRange<Double>, step: Double) -> ClosedRange<Double> {
    let tolerance = 1e-9
    let lo = floor(range.lowerBound / step + tolerance) * step
    let hi = ceil(range.upperBound / step - tolerance) * step
    return lo...max(hi, lo + step)
  }

  /// The number of decimals a label needs at this step (0 for steps ≥ 1).
  ///
  /// - Parameter step: The tick step.
  /// - Returns: `max(0, −floor(log10 step))`.
  public static func decimals(for step: Double) -> Int {
    max(0, -Int(floor(log10(step) + 1e-9)))
  }

  /// The label of a tick value: fixed decimals and a true minus sign (U+2212).
  ///
  /// - Parameters:
  ///   - value: The tick value.
  ///   - step: The tick step, which fixes the decimals.
  /// - Returns: For example `"0.5"`, `"−1.0"`, `"60"`.
  public static func label(_ value: Double, step: Double) -> String {
    let decimals = self.decimals(for: step)
    let magnitude = String(format: "%.\(decimals)f", abs(value))
    let isZero = rounded(value, decimals: decimals) == 0
    return value < 0 && !isZero ? "\u{2212}" + magnitude : magnitude
  }

  /// `value` rounded to `decimals` places, with `−0` turned into `0`.
  static func rounded(_ value: Double, decimals: Int) -> Double {
    let scale = pow(10, Double(decimals))
    let result = (value * scale).rounded() / scale
    return result == 0 ? 0 : result
  }
}
