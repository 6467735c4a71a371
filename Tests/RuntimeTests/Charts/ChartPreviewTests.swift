// Copyright © 2026 the ssl authors.

import Foundation
import Runtime
import Testing

/// Writes the example figures to `$SSL_CHART_PREVIEW` (a folder) for a person to look at.
///
/// Skipped unless the variable is set; the PNG checks themselves live in ChartRendererTests.
@Suite("Chart previews")
struct ChartPreviewTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["SSL_CHART_PREVIEW"] != nil))
  func chartPreviewsAreWritten() throws {
    let folder = ProcessInfo.processInfo.environment["SSL_CHART_PREVIEW"] ?? "/tmp"
    try ChartRenderer.writePNG(ChartFixtures.figure1(), to: folder + "/figure1.png")
    try ChartRenderer.writePNG(
      ChartFixtures.figure1(width: 800, height: 600), to: folder + "/figure1-small.png")
    try ChartRenderer.writePNG(ChartFixtures.figure2(), to: folder + "/figure2.png")
    try ChartRenderer.writePNG(
      ChartFixtures.figure2(width: 800, height: 600), to: folder + "/figure2-small.png")
    try ChartRenderer.writePNG(ChartFixtures.results(), to: folder + "/results.png")
    try ChartRenderer.writePNG(ChartFixtures.reliability(), to: folder + "/reliability.png")
    try ChartRenderer.writePNG(
      ChartFixtures.reliability(width: 800, height: 600), to: folder + "/reliability-small.png")
    try ChartRenderer.writePNG(Self.stress(), to: folder + "/stress-small.png")
  }

  /// Ten series with long names and long category labels at 800×600.
  static func stress() -> ChartSpec {
    let names = ChartFixtures.models.prefix(10).map(\.name)
    let categories = ["Aircraft linear accuracy", "Flowers few-shot 5-way", "VOC2007 mAP", "Pets"]
    let series = names.enumerated().map { i, name in
      BarSeries(
        name: name, values: categories.indices.map { c in Double((i * 7 + c * 13) % 17) - 4 },
        errors: categories.indices.map { _ in 0.8 })
    }
    return ChartSpec(
      width: 800, height: 600, title: "stress", xLabel: "task", yLabel: "score",
      content: .bars(BarChartSpec(categories: categories, series: series)))
  }
}
