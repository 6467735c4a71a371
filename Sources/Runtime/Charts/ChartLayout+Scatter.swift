// Copyright © 2026 the ssl authors.

// MARK: - Scatter (Figure 1)

extension ChartLayout {
  /// Lays out a labelled scatter with an optional fit band and corner annotation.
  static func makeScatter(
    _ spec: ChartSpec, _ scatter: ScatterSpec, measurer: some TextMeasurer
  ) -> ChartLayout {
    let style = ChartStyle(width: spec.width, height: spec.height)
    let points = scatter.points.filter { $0.x.isFinite && $0.y.isFinite }
    var xs = points.map(\.x)
    var ys = points.map(\.y)
    let fitIndices = scatter.fit?.finiteIndices ?? []
    if let fit = scatter.fit {
      for i in fitIndices {
        xs.append(fit.xs[i])
        ys += [fit.lower[i], fit.upper[i]]
      }
    }
    // Data padding leaves room for labels beside the outermost points.
    let xRange = padded(extent(xs), fraction: 0.07)
    let yRange = padded(extent(ys), fraction: 0.09)
    let tickHeight = measurer.size(of: "0", pointSize: style.tickFont, bold: false).height

    // Two passes: the tick steps depend on the plot size, the margins on the tick labels.
    var plot = ChartRect(
      x: 0, y: 0, width: Double(spec.width) * 0.8, height: Double(spec.height) * 0.75)
    var xStep = 1.0
    var yStep = 1.0
    for _ in 0..<2 {
      xStep = ChartTicks.niceStep(
        span: xRange.upperBound - xRange.lowerBound,
        targetCount: tickTarget(length: plot.width, spacing: style.tickFont * 7))
      yStep = ChartTicks.niceStep(
        span: yRange.upperBound - yRange.lowerBound,
        targetCount: tickTarget(length: plot.height, spacing: style.tickFont * 4.5))
      let lastX = ChartTicks.ticks(in: xRange, step: xStep).last ?? xRange.upperBound
      let lastWidth = measurer.size(
        of: ChartTicks.label(lastX, step: xStep), pointSize: style.tickFont, bold: false
      ).width
      let lastFromRight = (xRange.upperBound - lastX) / (xRange.upperBound - xRange.lowerBound)
      let needs = FrameNeeds(
        yTickWidth: widestTickLabel(range: yRange, step: yStep, style: style, measurer: measurer),
        xLabelBlock: tickHeight, legendHeight: 0,
        rightOverhang: lastWidth / 2 - lastFromRight * plot.width, minimumLeft: 0)
      plot = plotRect(spec, style: style, measurer: measurer, needs: needs)
    }

    let xScale = LinearScale(domain: xRange, start: plot.x, end: plot.maxX)
    let yScale = LinearScale(domain: yRange, start: plot.maxY, end: plot.y)
    var layout = ChartLayout(
      width: spec.width, height: spec.height, style: style, plotRect: plot,
      xAxis: ChartAxis(
        range: xRange, step: xStep,
        ticks: numericTicks(
          range: xRange, step: xStep, scale: xScale, horizontal: true, plot: plot, style: style,
          measurer: measurer)),
      yAxis: ChartAxis(
        range: yRange, step: yStep,
        ticks: numericTicks(
          range: yRange, step: yStep, scale: yScale, horizontal: false, plot: plot, style: style,
          measurer: measurer)))
    layout.placeTitles(spec, measurer: measurer, xLabelBlock: tickHeight)

    var band: [ChartPoint] = []
    var line: [ChartPoint] = []
    if let fit = scatter.fit, fitIndices.count >= 2 {
      line = fitIndices.map { ChartPoint(x: xScale(fit.xs[$0]), y: yScale(fit.ys[$0])) }
      band =
        fitIndices.map { ChartPoint(x: xScale(fit.xs[$0]), y: yScale(fit.upper[$0])) }
        + fitIndices.reversed().map { ChartPoint(x: xScale(fit.xs[$0]), y: yScale(fit.lower[$0])) }
    }
    let radius = style.markerRadius
    let centers = points.map { ChartPoint(x: xScale($0.x), y: yScale($0.y)) }
    let markerBoxes = centers.map { ChartRect(center: $0, width: 2 * radius, height: 2 * radius) }
    let (annotation, annotationFrame) = placeAnnotation(
      scatter.annotation, plot: plot, avoiding: markerBoxes, style: style, measurer: measurer)
    let marks = placeLabels(
      points, centers: centers, plot: plot,
      obstacles: markerBoxes + [annotationFrame].compactMap { $0 }, line: line, style: style,
      measurer: measurer)
    layout.scatter = ScatterLayout(
      marks: marks, band: band, line: line, annotation: annotation,
      annotationFrame: annotationFrame)
    return layout
  }

  /// The annotation in the first free corner: top-left, else bottom-right, top-right, bottom-left.
  private static func placeAnnotation(
    _ text: String?, plot: ChartRect, avoiding markers: [ChartRect], style: ChartStyle,
    measurer: some TextMeasurer
  ) -> (ChartText?, ChartRect?) {
    guard let text, !text.isEmpty else { return (nil, nil) }
    let font = style.annotationFont
    let size = measurer.size(of: text, pointSize: font, bold: false)
    let padding = (font * 0.4).rounded()
    let inset = style.gap * 1.5
    let boxWidth = size.width + 2 * padding
    let boxHeight = size.height + 2 * padding
    let left = plot.x + inset
    let right = plot.maxX - inset - boxWidth
    let top = plot.y + inset
    let bottom = plot.maxY - inset - boxHeight
    let corners = [(left, top), (right, bottom), (right, top), (left, bottom)]
    let frames = corners.map { ChartRect(x: $0.0, y: $0.1, width: boxWidth, height: boxHeight) }
    let frame =
      frames.first { f in !markers.contains { f.insetBy(-2).intersects($0) } } ?? frames[0]
    let label = ChartText(
      text, center: frame.center, size: size, fontSize: font, role: .annotation)
    return (label, frame)
  }

  /// Places every non-empty label with ``LabelPlacer``, keeping the cheapest of several orders.
  ///
  /// Greedy placement depends on who chooses first, so a few fixed orders (most crowded first,
  /// input order and its reverse, by x, by y) and some seeded shuffles are each tried, and the
  /// order with the lowest total cost wins. Everything is deterministic.
  private static func placeLabels(
    _ points: [LabeledPoint], centers: [ChartPoint], plot: ChartRect, obstacles: [ChartRect],
    line: [ChartPoint], style: ChartStyle, measurer: some TextMeasurer
  ) -> [ScatterLayout.Mark] {
    let font = style.pointLabelFont
    let radius = style.markerRadius
    let sizes = points.map { measurer.size(of: $0.label, pointSize: font, bold: false) }
    let lineHeight = measurer.size(of: "Ag", pointSize: font, bold: false).height
    let start = LabelPlacer(
      bounds: plot.insetBy(style.frameWidth + 2), obstacles: obstacles, anchors: centers,
      softLines: line.isEmpty ? [] : [line], softLineHalfWidth: style.lineWidth / 2,
      clearance: max(1, style.scale * 2), ringStep: lineHeight * 0.9)
    let labelled = points.indices.filter { !points[$0].label.isEmpty }
    var best: (cost: Double, placements: [Int: LabelPlacer.Placement])?
    for order in candidateOrders(labelled, centers: centers, reach: lineHeight * 4) {
      var placer = start
      var placements: [Int: LabelPlacer.Placement] = [:]
      var total = 0.0
      for index in order {
        let placed = placer.place(
          size: sizes[index], around: centers[index], radius: radius, gap: style.gap * 0.5)
        placements[index] = placed
        total += placed.cost
        if let best, total >= best.cost { break }
      }
      if best == nil || total < (best?.cost ?? .infinity) { best = (total, placements) }
    }
    return points.indices.map { index in
      var mark = ScatterLayout.Mark(
        point: points[index], center: centers[index], radius: radius, label: nil, leader: nil)
      if let placed = best?.placements[index] {
        mark.label = ChartText(
          points[index].label, center: placed.box.center, size: sizes[index], fontSize: font,
          role: .pointLabel)
        if placed.isFar {
          mark.leader = leader(from: centers[index], radius: radius, to: placed.box)
        }
      }
      return mark
    }
  }

  /// Orders to try: most crowded first, input, reversed, by x both ways, by y both ways, and
  /// eight shuffles from a fixed-seed linear congruential generator.
  private static func candidateOrders(
    _ indices: [Int], centers: [ChartPoint], reach: Double
  ) -> [[Int]] {
    let crowding = centers.map { c in
      centers.filter { abs($0.x - c.x) < reach * 2 && abs($0.y - c.y) < reach }.count
    }
    var orders = [
      indices.sorted { crowding[$0] != crowding[$1] ? crowding[$0] > crowding[$1] : $0 < $1 },
      indices, indices.reversed(),
      indices.sorted { centers[$0].x < centers[$1].x },
      indices.sorted { centers[$0].x > centers[$1].x },
      indices.sorted { centers[$0].y < centers[$1].y },
      indices.sorted { centers[$0].y > centers[$1].y },
    ]
    var state: UInt64 = 0x5EED
    for _ in 0..<8 {
      var shuffled = indices
      for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        shuffled.swapAt(i, Int((state >> 33) % UInt64(i + 1)))
      }
      orders.append(shuffled)
    }
    return orders
  }

  /// A segment from the marker's edge to the nearest point of the label box.
  private static func leader(from center: ChartPoint, radius: Double, to box: ChartRect)
    -> ScatterLayout.Leader
  {
    let nearest = ChartPoint(
      x: min(max(center.x, box.x), box.maxX), y: min(max(center.y, box.y), box.maxY))
    let dx = nearest.x - center.x
    let dy = nearest.y - center.y
    let length = max(1e-9, (dx * dx + dy * dy).squareRoot())
    let start = ChartPoint(x: center.x + dx / length * radius, y: center.y + dy / length * radius)
    return ScatterLayout.Leader(from: start, to: nearest)
  }
}
