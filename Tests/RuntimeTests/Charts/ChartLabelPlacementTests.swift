// Copyright © 2026 the ssl authors.

import Runtime
import TestSupport
import Testing

/// Property: for seeded random point clouds, label boxes never overlap and stay in the plot.
@Suite("Chart label placement")
struct ChartLabelPlacementTests {
  static let names = [
    "InsDis", "MoCo-v1", "PCL-v1", "PIRL", "PCL-v2", "SimCLR-v1", "MoCo-v2", "SimCLR-v2",
    "SeLa-v2", "InfoMin", "BYOL", "DeepCluster-v2", "SwAV", "Supervised", "BarlowTwins",
    "DINO",
  ]

  @Test(arguments: 1...40)
  func chartLabelsNeverOverlapForRandomClouds(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed))
    let count = Int.random(in: 3...Self.names.count, using: &rng)
    // Half the clouds are tight clusters, the hard case for a greedy placer.
    let spread = seed.isMultiple(of: 2) ? 20.0 : 4.0
    let points = (0..<count).map { i in
      LabeledPoint(
        x: 60 + Double.random(in: 0...spread, using: &rng),
        y: Double.random(in: 0.5...2.0, using: &rng), label: Self.names[i])
    }
    let size = seed.isMultiple(of: 3) ? (800, 600) : (1600, 1200)
    let spec = ChartSpec(
      width: size.0, height: size.1, xLabel: "x", yLabel: "y",
      content: .scatter(ScatterSpec(points: points, annotation: "r = 0.50")))
    let layout = ChartLayout.make(spec, measurer: ApproximateTextMeasurer())
    let scatter = try #require(layout.scatter)
    let boxes = scatter.marks.compactMap(\.label).map(\.box)
    #expect(boxes.count == count)
    for (i, box) in boxes.enumerated() {
      #expect(layout.plotRect.contains(box), "seed \(seed): \(box) outside \(layout.plotRect)")
      if let frame = scatter.annotationFrame {
        #expect(!box.intersects(frame), "seed \(seed): label over the annotation")
      }
      for other in boxes[(i + 1)...] {
        #expect(!box.intersects(other), "seed \(seed): \(box) overlaps \(other)")
      }
    }
  }
}
