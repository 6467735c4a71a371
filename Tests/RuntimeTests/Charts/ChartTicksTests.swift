// Copyright © 2026 the ssl authors.

import Runtime
import Testing

/// Hand-computed nice steps, tick lists and labels.
@Suite("Chart ticks")
struct ChartTicksTests {
  /// `raw = span / count`, then 1/2/5/10 × 10^k by Heckbert's thresholds (1.5, 3, 7).
  @Test(arguments: [
    (17.7, 6, 2.0),  // raw 2.95 → f = 2.95 < 3 → 2
    (17.7, 5, 5.0),  // raw 3.54 → 5
    (1.4, 6, 0.2),  // raw 0.233 → f = 2.33 → 2 × 0.1
    (100.0, 10, 10.0),  // raw 10 → f = 1 → 1 × 10
    (1.2, 3, 0.5),  // raw 0.4 → f = 4 → 5 × 0.1
    (7.0, 5, 1.0),  // raw 1.4 → 1
    (8.0, 1, 10.0),  // raw 8 → f = 8 ≥ 7 → 10
  ])
  func chartNiceStepFollowsHeckbert(span: Double, count: Int, expected: Double) {
    #expect(abs(ChartTicks.niceStep(span: span, targetCount: count) - expected) < 1e-12)
  }

  @Test func chartTicksAreMultiplesInsideTheRange() {
    #expect(ChartTicks.ticks(in: 58.1...78.6, step: 2) == [60, 62, 64, 66, 68, 70, 72, 74, 76, 78])
    #expect(
      ChartTicks.ticks(in: 0.4...2.05, step: 0.2) == [0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0])
    #expect(ChartTicks.ticks(in: -0.35...1.0, step: 0.5) == [0, 0.5, 1.0])
    // Computed as k · step, so no 0.30000000000000004.
    #expect(ChartTicks.ticks(in: 0.1...0.3, step: 0.1) == [0.1, 0.2, 0.3])
    #expect(ChartTicks.ticks(in: 0.31...0.39, step: 0.1).isEmpty)
  }

  @Test func chartSnappedRangeWidensToSteps() {
    #expect(ChartTicks.snapped(-0.33...0.95, step: 0.2) == -0.4...1.0)
    #expect(ChartTicks.snapped(0...1, step: 0.2) == 0...1)
    #expect(ChartTicks.snapped(0...0, step: 0.5) == 0...0.5)
  }

  @Test func chartTickLabelsUseStepDecimalsAndTrueMinus() {
    #expect(ChartTicks.label(60, step: 2) == "60")
    #expect(ChartTicks.label(0.5, step: 0.5) == "0.5")
    #expect(ChartTicks.label(1, step: 0.2) == "1.0")
    #expect(ChartTicks.label(-0.4, step: 0.2) == "\u{2212}0.4")
    #expect(ChartTicks.label(-1e-17, step: 0.2) == "0.0")
    #expect(ChartTicks.label(0.05, step: 0.05) == "0.05")
    #expect(ChartTicks.label(1500, step: 500) == "1500")
  }

  @Test func chartLinearScaleRunsBackwardsForY() {
    let scale = LinearScale(domain: 0...2, start: 1000, end: 100)
    #expect(scale(0) == 1000)
    #expect(scale(2) == 100)
    #expect(scale(1) == 550)
  }
}
