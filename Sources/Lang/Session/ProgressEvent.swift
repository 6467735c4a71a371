// Copyright © 2026 the ssl authors.

import Foundation

/// One report of how far long work has got (feature extraction, a sweep, episodes), and the
/// texts a host shows for it: a one-line bar on a terminal, a summary at the end.
///
/// Producers report through ``OutputSink/progress(_:done:total:unit:)``; the host keeps the
/// clock and decides when to redraw.
public struct ProgressEvent: Sendable, Equatable {
  /// What the work does, in the past tense (`extracted`).
  public var label: String
  /// Units finished so far.
  public var done: Int
  /// Units in all.
  public var total: Int
  /// The plural noun counted (`images`).
  public var unit: String

  /// Creates an event.
  public init(label: String, done: Int, total: Int, unit: String) {
    self.label = label
    self.done = done
    self.total = total
    self.unit = unit
  }

  /// Whether the work has finished.
  public var isFinished: Bool { done >= total }

  /// The line shown when the work ends, `extracted 7,349 images in 3m12s (38.2 img/s)`.
  ///
  /// - Parameter elapsed: Seconds since the work started.
  public func summary(elapsed: Double) -> String {
    let rate = elapsed > 0 ? " (\(Self.decimal(Double(done) / elapsed)) \(rateUnit)/s)" : ""
    return "\(label) \(Self.grouped(done)) \(unit) in \(Self.duration(elapsed))\(rate)"
  }

  /// The one-line bar drawn on a terminal while the work runs:
  /// `extracted [#######-------]  42% 3,120/7,349 images  38.2 img/s  1m51s left`.
  ///
  /// - Parameters:
  ///   - elapsed: Seconds since the work started.
  ///   - width: Cells of the bar itself.
  public func bar(elapsed: Double, width: Int = 24) -> String {
    let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
    let filled = Int((fraction * Double(width)).rounded(.down))
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    let percent = String(Int((fraction * 100).rounded(.down)))
    var text =
      "\(label) [\(bar)] \(String(repeating: " ", count: 3 - percent.count))\(percent)% "
      + "\(Self.grouped(done))/\(Self.grouped(total)) \(unit)"
    if elapsed > 0.5, done > 0 {
      let rate = Double(done) / elapsed
      text += "  \(Self.decimal(rate)) \(rateUnit)/s"
      text += "  \(Self.duration(Double(total - done) / rate)) left"
    }
    return text
  }

  /// The unit in rates: `images` is shortened to `img`, other units are kept.
  var rateUnit: String { unit == "images" ? "img" : unit }

  /// `7349` → `7,349`.
  static func grouped(_ n: Int) -> String {
    let digits = String(abs(n))
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return n < 0 ? "-" + out : out
  }

  /// One decimal below 100, none above: `38.2`, `412`.
  static func decimal(_ x: Double) -> String {
    x < 100 ? String(format: "%.1f", x) : grouped(Int(x.rounded()))
  }

  /// `0.4s`, `42s`, `3m12s`, `1h05m`.
  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "?" }
    if seconds < 10 { return String(format: "%.1fs", seconds) }
    let s = Int(seconds.rounded())
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
    return "\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m"
  }
}
