// Copyright © 2026 the ssl authors.

import Foundation
@testable import Lang
import Runtime
import Testing

/// `fuse` end to end on the two tiny committed models: the fused entry's exported features are
/// the concatenation of the members' (read through each member's feature cache), and its
/// linear probe equals the runtime's sweep on those concatenated features over the grid shifted
/// by one decade² (§8.4); `mode=add` sums; invariance and saliency measure a fused entry too.
struct FusionEndToEndTests {
  static let models = InvarianceEndToEndTests.models

  func run(_ script: String, workspace: URL) -> (RunStatus, OutputCapture) {
    let capture = OutputCapture()
    let session = Session(output: capture.sink)
    session.define("ws", string: workspace.path)
    session.define("data", string: EvalEndToEndTests.data)
    let status = session.run(
      """
      set workspace $ws
      load tiny from="\(Self.models[0].1)"
      load basic from="\(Self.models[1].1)"
      data tinyset from="$data"
      """ + "\n" + script, name: "<fuse>")
    return (status, capture)
  }

  func temporary(_ tag: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("ssl-\(tag)-\(UUID().uuidString)")
  }

  func labeled(_ set: FeatureSet) throws -> LabeledFeatures {
    try LabeledFeatures(
      features: FeatureMatrix(rows: set.rows, columns: set.columns, values: set.values), labels: set.labels)
  }

  @Test func fusedFeaturesAreTheMembersConcatenatedAndTheGridIsShifted() throws {
    let ws = temporary("fuse")
    defer { try? FileManager.default.removeItem(at: ws) }
    let (status, out) = run(
      """
      fuse tiny basic as=tb
      eval tinyset linear grid=7
      features tinyset split=train model=tiny to="$ws/tiny.npy"
      features tinyset split=train model=basic to="$ws/basic.npy"
      features tinyset split=train model=tb to="$ws/tb.npy"
      """, workspace: ws)
    #expect(status == .ok, "\(out.stderr)")
    #expect(out.stdout.contains("fused tb = tiny+basic (cat, 160-d); linear sweeps wd 1e-4…1e7 (shift 1, §8.4)"), "\(out.stdout)")
    // The fused entry reads its members' cached features: no extraction is its own.
    #expect(!out.progress.contains("tb ·"), "\(out.progress)")

    let tiny = try FeatureFiles.read(ws.path + "/tiny.npy")
    let basic = try FeatureFiles.read(ws.path + "/basic.npy")
    let fused = try FeatureFiles.read(ws.path + "/tb.npy")
    #expect(fused.rows == tiny.rows && fused.columns == tiny.columns + basic.columns)
    #expect(fused.labels == tiny.labels)
    for row in 0..<tiny.rows {
      let expected =
        Array(tiny.values[(row * tiny.columns)..<((row + 1) * tiny.columns)])
        + Array(basic.values[(row * basic.columns)..<((row + 1) * basic.columns)])
      #expect(Array(fused.values[(row * fused.columns)..<((row + 1) * fused.columns)]) == expected)
    }

    // The stored row: provenance of the fusion, and the runtime's probe on cat features with
    // the grid shifted by one (wd 1e-4…1e7).
    let stored = try ResultsStore(path: ws.path + "/results.sqlite").all()
    let row = try #require(stored.first { $0.row.model == "tb" })
    #expect(row.parameters["fusion"] == "cat" && row.parameters["members"] == "tiny+basic")
    #expect(row.parameters["grid-shift"] == "1")
    var parts: [String: (FeatureSet, FeatureSet)] = [:]
    for split in ["train", "val", "test"] {
      let (s2, o2) = run(
        """
        features tinyset split=\(split) model=tiny to="$ws/t-\(split).npy"
        features tinyset split=\(split) model=basic to="$ws/b-\(split).npy"
        """, workspace: ws)
      #expect(s2 == .ok, "\(o2.stderr)")
      parts[split] = (
        try FeatureFiles.read(ws.path + "/t-\(split).npy"), try FeatureFiles.read(ws.path + "/b-\(split).npy")
      )
    }
    func cat(_ split: String) throws -> LabeledFeatures {
      let (a, b) = try #require(parts[split])
      let m = try FeatureFusion.fuse(
        [FeatureMatrix(rows: a.rows, columns: a.columns, values: a.values),
         FeatureMatrix(rows: b.rows, columns: b.columns, values: b.values)], mode: .cat)
      return try LabeledFeatures(features: m, labels: a.labels)
    }
    let direct = try LinearProbe.sweep(
      train: cat("train"), validation: cat("val"), test: cat("test"), classCount: 3,
      config: LinearProbeConfig(grid: RegularizationGrid(count: 7, shift: 1)))
    #expect(abs(row.row.value - direct.testScore * 100) < 1e-9)
    #expect(row.chosen == "C=\(String(format: "%.3g", direct.chosenC))")
    #expect(RegularizationGrid(count: 7, shift: 1).weightDecays.first.map { abs($0 - 1e-4) < 1e-9 } == true)
  }

  @Test func addSumsAndMismatchedDimensionsAreRefused() throws {
    let ws = temporary("fuse-add")
    defer { try? FileManager.default.removeItem(at: ws) }
    // The bottleneck model's features are wider than the basic one's: add needs equal widths.
    let (status, out) = run("fuse tiny basic mode=add", workspace: ws)
    #expect(status != .ok)
    #expect(out.stderr.contains("mode=add needs equal feature dimensions: tiny has"), "\(out.stderr)")

    // The same file under a second name: add gives twice the features, mean the features.
    let (ok, out2) = run(
      """
      load again from="\(Self.models[0].1)"
      fuse tiny again mode=add as=twice
      fuse tiny again mode=mean as=same
      features tinyset split=test model=tiny to="$ws/tiny.npy"
      features tinyset split=test model=twice to="$ws/twice.npy"
      features tinyset split=test model=same to="$ws/same.npy"
      """, workspace: ws)
    #expect(ok == .ok, "\(out2.stderr)")
    let tiny = try FeatureFiles.read(ws.path + "/tiny.npy")
    let twice = try FeatureFiles.read(ws.path + "/twice.npy")
    let same = try FeatureFiles.read(ws.path + "/same.npy")
    #expect(twice.columns == tiny.columns && twice.values == tiny.values.map { $0 + $0 })
    #expect(same.values == tiny.values.map { ($0 + $0) / 2 })
  }

  @Test func invarianceAndSaliencyMeasureAFusedEntry() throws {
    let ws = temporary("fuse-inv")
    defer { try? FileManager.default.removeItem(at: ws) }
    try InvarianceEndToEndTests.writeNoise(to: ws.appendingPathComponent("reference"))
    let (status, out) = run(
      """
      data noise from="$ws/reference"
      fuse tiny basic as=tb
      unload tiny basic
      eval tinyset invariance n=3 k=2 transforms=[h_flip] reference=noise ridge=1e-3
      eval tinyset saliency n=1 stride=56
      """, workspace: ws)
    #expect(status == .ok, "\(out.stderr)")
    let stored = try ResultsStore(path: ws.path + "/results.sqlite").all()
    let cosine = try #require(stored.first { $0.row.metric == "cosine" })
    #expect(cosine.row.model == "tb" && cosine.parameters["members"] == "tiny+basic")

    // The same measurement through the runtime: fused function, fused reference statistics.
    func network(_ path: String) throws -> ResNetFeatureFunction {
      let loader = CheckpointLoader(environment: [:])
      let url = URL(fileURLWithPath: path)
      let config = try #require(try loader.inferArchitecture(file: url, prefix: nil))
      let loaded = try loader.load(file: url, expected: ResNet.parameterShapes(config), prefix: nil)
      return ResNetFeatureFunction(model: try ResNet(config: config, stateDict: loaded.stateDict))
    }
    let fused = FusedFeatureFunction(
      members: try Self.models.map { .init(function: try network($0.1), normalization: .imageNet) }, mode: .cat)
    var clean = SyntheticInvariance.cleanPreprocessing
    clean.normalization = .none
    let reference = try DatasetCatalog.imageFolder(name: "noise", root: ws.path + "/reference")
    let images = try reference.samples(.all).map { try reference.image(of: $0) }
    let whitening = try FeatureStatistics(
      features: SyntheticInvariance.features(of: images, preprocessing: clean, model: fused)
    ).whitening(ridge: 1e-3)
    let dataset = try DatasetCatalog.imageFolder(name: "tinyset", root: EvalEndToEndTests.data)
    let samples = try dataset.samples(.test)
    var random = NumpyRandomState(seed: 0)
    let picks = try random.choiceWithReplacement(from: samples.count, count: 3).map {
      try dataset.image(of: samples[$0])
    }
    let expected = try SyntheticInvariance.measure(
      images: picks, transform: .hFlip, k: 2, model: fused, whitening: whitening, clean: clean)
    #expect(abs(cosine.row.value - expected.meanSimilarity) < 1e-4)
    #expect(stored.contains { $0.row.model == "tb" && $0.row.metric == "diffusion" })
  }
}
