// Copyright © 2026 the ssl authors.

import Foundation
import Runtime
import Testing

@testable import Lang

/// The reliability diagram `plot` draws after `eval … calibration`.
struct CalibrationChartTests {
  @Test func storedBinsParse() {
    let bins = CalibrationCharts.bins("3:0.500000:0.600000;0:0.000000:0.000000;2:1.000000:0.900000")
    #expect(bins == [
      .init(index: 0, count: 3, accuracy: 0.5, confidence: 0.6),
      .init(index: 2, count: 2, accuracy: 1, confidence: 0.9),
    ])
  }

  @Test func plotAfterCalibrationDrawsTheDiagram() throws {
    let scratch = ScratchSession("cal")
    let (workspace, capture, session) = (scratch.workspace, scratch.capture, scratch.session)
    // Two classes on one axis, overlapping: a probe with mid-range confidences.
    var values: [Float] = []
    var labels: [Int] = []
    var splits: [DatasetSplit] = []
    for i in 0..<200 {
      let label = i % 2
      values += [Float(label) + Float((i * 37) % 101) / 60 - 0.8, 1]
      labels.append(label)
      splits.append(i < 140 ? .train : .test)
    }
    let file = workspace.appendingPathComponent("f.safetensors").path
    try FeatureFiles.write(
      FeatureSet(rows: 200, columns: 2, values: values, labels: labels, splits: splits), to: file)
    let script = """
      set workspace $ws
      data f from="\(file)" model=probe
      eval f calibration grid=5
      plot to="$ws/reliability.png"
      """
    #expect(session.run(script, name: "<cal>") == .ok, "\(capture.stderr)")
    #expect(capture.stdout.contains("wrote \(workspace.path)/reliability.png (1600×1200)"))
    let png = try Data(contentsOf: workspace.appendingPathComponent("reliability.png"))
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }
}
