// Copyright © 2026 the ssl authors.

import Runtime
import Testing

/// Layout snapshots with deterministic text metrics, plus structural invariants.
@Suite("Chart layout")
struct ChartLayoutTests {
  let measurer = ApproximateTextMeasurer()

  @Test func chartLayoutFigure1Scatter() {
    let layout = ChartLayout.make(ChartFixtures.figure1(), measurer: measurer)
    assertChartSnapshot(layout.textDescription, named: "chartLayoutFigure1Scatter")
  }

  @Test func chartLayoutFigure1ScatterSmall() {
    let layout = ChartLayout.make(
      ChartFixtures.figure1(width: 800, height: 600), measurer: measurer)
    assertChartSnapshot(layout.textDescription, named: "chartLayoutFigure1ScatterSmall")
  }

  @Test func chartLayoutFigure2Bars() {
    let layout = ChartLayout.make(ChartFixtures.figure2(), measurer: measurer)
    assertChartSnapshot(layout.textDescription, named: "chartLayoutFigure2Bars")
  }

  @Test func chartLayoutResultsGroupedBars() {
    let layout = ChartLayout.make(ChartFixtures.results(), measurer: measurer)
    assertChartSnapshot(layout.textDescription, named: "chartLayoutResultsGroupedBars")
  }

  @Test func chartLayoutReliabilityDiagram() throws {
    let layout = ChartLayout.make(ChartFixtures.reliability(), measurer: measurer)
    assertChartSnapshot(layout.textDescription, named: "chartLayoutReliabilityDiagram")
    // The plot is square, so the diagonal runs at 45° through its corners.
    #expect(layout.plotRect.width == layout.plotRect.height)
    let reliability = try #require(layout.reliability)
    #expect(reliability.diagonal.from == ChartPoint(x: layout.plotRect.x, y: layout.plotRect.maxY))
    #expect(reliability.diagonal.to == ChartPoint(x: layout.plotRect.maxX, y: layout.plotRect.y))
    // An over-confident bin sits below the diagonal; the fullest bin has the largest marker.
    let curve = reliability.curves[0]
    for point in curve.points {
      let t = (point.x - layout.plotRect.x) / layout.plotRect.width
      #expect(point.y > layout.plotRect.maxY - t * layout.plotRect.height)
    }
    #expect(reliability.curves[1].radii.last == reliability.curves.flatMap(\.radii).max())
    // Legend: the two models, then the diagonal.
    #expect(layout.legend?.entries.map(\.label.text) == [
      "simclr-v1 (ECE 9.8%)", "supervised (ECE 1.9%)", "perfect calibration",
    ])
  }

  @Test(arguments: [(1600, 1200), (800, 600)])
  func chartLayoutKeepsEveryTextInsideTheImage(width: Int, height: Int) {
    let image = ChartRect(x: 0, y: 0, width: Double(width), height: Double(height))
    for spec in [
      ChartFixtures.figure1(width: width, height: height),
      ChartFixtures.figure2(width: width, height: height),
      ChartFixtures.results(width: width, height: height),
      ChartFixtures.reliability(width: width, height: height),
    ] {
      let layout = ChartLayout.make(spec, measurer: measurer)
      for text in layout.texts {
        #expect(image.contains(text.box), "\(text.text) \(text.box) leaves the image")
      }
      if case .reliability = spec.content {
        // Square by design: its side is bounded by the height.
        #expect(layout.plotRect.width == layout.plotRect.height)
        #expect(layout.plotRect.height > Double(height) / 2)
      } else {
        #expect(layout.plotRect.width > Double(width) / 2)
        #expect(layout.plotRect.height > Double(height) / 3)
      }
    }
  }

  @Test func chartLayoutFigure1LabelsAvoidEachOtherMarkersAndAnnotation() throws {
    let layout = ChartLayout.make(ChartFixtures.figure1(), measurer: measurer)
    let scatter = try #require(layout.scatter)
    let labels = scatter.marks.compactMap(\.label).map(\.box)
    #expect(labels.count == 14)
    let markers = scatter.marks.map {
      ChartRect(center: $0.center, width: 2 * $0.radius, height: 2 * $0.radius)
    }
    let frame = try #require(scatter.annotationFrame)
    #expect(frame.x < layout.plotRect.center.x && frame.y < layout.plotRect.center.y)
    for (i, box) in labels.enumerated() {
      #expect(layout.plotRect.contains(box))
      #expect(!box.intersects(frame))
      for other in labels[(i + 1)...] { #expect(!box.intersects(other)) }
      for marker in markers { #expect(!box.intersects(marker)) }
    }
  }

  @Test func chartLayoutBarsHangNegativeValuesBelowZero() throws {
    let layout = ChartLayout.make(ChartFixtures.figure2(), measurer: measurer)
    let bars = try #require(layout.bars)
    #expect(bars.rotatedLabels)
    #expect(layout.yAxis.range.lowerBound < 0 && layout.yAxis.range.upperBound >= 0.91)
    for bar in bars.bars {
      if bar.value < 0 {
        #expect(abs(bar.rect.y - bars.zeroY) < 1e-9)
      } else {
        #expect(abs(bar.rect.maxY - bars.zeroY) < 1e-9)
      }
    }
    #expect(bars.bars.count == 22)
    #expect(layout.legend?.entries.map(\.label.text) == ["Pearson r", "Spearman ρ"])
  }

  @Test func chartLayoutShortCategoriesStayHorizontal() throws {
    let spec = ChartSpec(
      xLabel: "", yLabel: "accuracy",
      content: .bars(
        BarChartSpec(
          categories: ["A", "B", "C"], series: [BarSeries(name: "m", values: [1, 2, 3])],
          yRange: 0...5)))
    let layout = ChartLayout.make(spec, measurer: measurer)
    let bars = try #require(layout.bars)
    #expect(!bars.rotatedLabels)
    #expect(layout.legend == nil)
    #expect(layout.yAxis.range == 0...5)
    #expect(layout.xAxis.ticks.map(\.label.angle) == [0, 0, 0])
  }

  @Test func chartLayoutLongCategoryLabelIsNeverClipped() {
    let long = "a very long task name that would never fit under one bar"
    let spec = ChartSpec(
      width: 800, height: 600, xLabel: "", yLabel: "",
      content: .bars(
        BarChartSpec(
          categories: [long, "B"], series: [BarSeries(name: "m", values: [0.5, -0.2])])))
    let layout = ChartLayout.make(spec, measurer: measurer)
    let image = ChartRect(x: 0, y: 0, width: 800, height: 600)
    for tick in layout.xAxis.ticks {
      #expect(image.contains(tick.label.box), "\(tick.label.box)")
    }
  }
}
