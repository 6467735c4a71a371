// Copyright © 2026 the ssl authors.

import Foundation
@testable import Lang
import Runtime
import Testing

/// Real-world invariance (§8.3) end to end: a folder-per-group dataset registered with
/// `views=folder`; `eval … invariance` adds per model a `realworld` S and L row equal to the
/// runtime's measurement, beside the synthetic rows, and `plot` draws both as columns.
struct RealWorldEndToEndTests {
  @Test func groupedViewsGiveRealWorldRows() throws {
    let ws = FileManager.default.temporaryDirectory.appendingPathComponent("ssl-rw-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: ws) }
    try InvarianceEndToEndTests.writeNoise(to: ws.appendingPathComponent("reference"))
    // Three groups of four views each, taken from the noise images.
    let noise = ws.appendingPathComponent("reference/noise")
    for (g, name) in ["cup", "lamp", "shoe"].enumerated() {
      let dir = ws.appendingPathComponent("views/\(name)")
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      for v in 0..<4 {
        let file = String(format: "%03d.bmp", g * 4 + v)
        try FileManager.default.copyItem(at: noise.appendingPathComponent(file), to: dir.appendingPathComponent(file))
      }
    }
    let capture = OutputCapture()
    let session = Session(output: capture.sink)
    session.define("ws", string: ws.path)
    let script = """
      set workspace $ws
      load tiny from="\(InvarianceEndToEndTests.models[0].1)"
      load basic from="\(InvarianceEndToEndTests.models[1].1)"
      data noise from="$ws/reference"
      data objects from="$ws/views" views=folder
      eval objects invariance n=3 k=2 transforms=[h_flip] reference=noise ridge=1e-3
      plot to="$ws/rw.png"
      """
    #expect(session.run(script, name: "<rw>") == .ok, "\(capture.stderr)")
    #expect(capture.stdout.contains("registered objects: 3 groups of views (folder), 4–4 views each, 12 images"))
    #expect(capture.stdout.contains("wrote \(ws.path)/rw.png (2 models × 2 transforms)"), "\(capture.stdout)")
    let stored = try ResultsStore(path: ws.path + "/results.sqlite").all()
    // Per model: h_flip's cosine, mahalanobis, alignment, uniformity + real-world S and L.
    #expect(stored.count == 12)
    // §8.1's statistics are cached per model and reference set.
    let statistics = try FileManager.default.contentsOfDirectory(atPath: ws.path + "/statistics")
    #expect(statistics.filter { $0.hasSuffix(".stats") }.count == 2)
    let groups = try InvarianceGroups(.folder, root: ws.path + "/views")
    let reference = try DatasetCatalog.imageFolder(name: "noise", root: ws.path + "/reference")
    let images = try reference.samples(.all).map { try reference.image(of: $0) }
    for (name, path) in InvarianceEndToEndTests.models {
      let loader = CheckpointLoader(environment: [:])
      let url = URL(fileURLWithPath: path)
      let config = try #require(try loader.inferArchitecture(file: url, prefix: nil))
      let loaded = try loader.load(file: url, expected: ResNet.parameterShapes(config), prefix: nil)
      let network = ResNetFeatureFunction(model: try ResNet(config: config, stateDict: loaded.stateDict))
      let whitening = try FeatureStatistics(
        features: SyntheticInvariance.features(
          of: images, preprocessing: SyntheticInvariance.cleanPreprocessing, model: network)
      ).whitening(ridge: 1e-3)
      let expected = try RealWorldInvariance.measure(
        groups: groups.readableGroups, model: network, whitening: whitening)
      let rows = stored.filter { $0.row.model == name && $0.row.protocol == "realworld" }
      let s = try #require(rows.first { $0.row.metric == "cosine" })
      let l = try #require(rows.first { $0.row.metric == "mahalanobis" })
      #expect(s.row.task == "objects" && s.row.group == "invariance")
      #expect(abs(s.row.value - expected.meanSimilarity) < 1e-4)
      #expect(abs(l.row.value - expected.meanDistance) < 1e-3 * max(1, expected.meanDistance))
      // Hoeffding margin over the 3 groups, one comparison: sqrt(ln(20) / 6).
      #expect(abs((s.row.ci95 ?? 0) - (log(20.0) / 6).squareRoot()) < 1e-12)
      #expect(s.parameters["views"] == "folder" && s.parameters["groups"] == "3")
    }
    // A rerun reads the cached statistics and gives the same numbers.
    let before = stored.map(\.row.value)
    #expect(session.run("eval objects invariance n=3 k=2 transforms=[h_flip] reference=noise ridge=1e-3", name: "<rw2>") == .ok)
    let again = try ResultsStore(path: ws.path + "/results.sqlite").all().suffix(12).map(\.row.value)
    #expect(Array(again) == before)
    // Groups of views serve invariance only.
    let other = session.run("eval objects linear", name: "<rw-linear>")
    #expect(other != .ok)
    #expect(capture.stderr.contains("objects holds groups of views (registered with views=): it serves 'invariance', not 'linear'"))
  }
}
