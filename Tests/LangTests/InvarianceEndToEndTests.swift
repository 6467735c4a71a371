// Copyright © 2026 the ssl authors.

import Foundation
@testable import Lang
import Runtime
import Testing

/// `eval … invariance` end to end: two tiny models, the tinyset as the measured dataset and a
/// folder of noise images as the reference set; the stored rows must equal the runtime's
/// measurement on the images the protocol samples (numpy `choice` with replacement, seed 0,
/// from the test split), and `plot` writes the heatmap.
struct InvarianceEndToEndTests {
  static let fixtures = EvalEndToEndTests.tests.appendingPathComponent("RuntimeTests/Fixtures")
  static let models = [
    ("tiny", fixtures.appendingPathComponent("resnet_tiny_bottleneck.safetensors").path),
    ("basic", fixtures.appendingPathComponent("resnet_tiny_basic.safetensors").path),
  ]

  /// A committed tiny model as the runtime loads it.
  static func network(_ path: String) throws -> ResNetFeatureFunction {
    let loader = CheckpointLoader(environment: [:])
    let url = URL(fileURLWithPath: path)
    let config = try #require(try loader.inferArchitecture(file: url, prefix: nil))
    let loaded = try loader.load(file: url, expected: ResNet.parameterShapes(config), prefix: nil)
    return ResNetFeatureFunction(model: try ResNet(config: config, stateDict: loaded.stateDict))
  }

  /// 48 noise images as 24-bit BMPs (fewer than the 128 feature dimensions: `ridge=` keeps Σ invertible).
  static func writeNoise(to folder: URL) throws {
    let dir = folder.appendingPathComponent("noise")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for i in 0..<48 {
      let side = 40
      let row = side * 3
      var bytes: [UInt8] = Array("BM".utf8)
      func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
      func le16(_ v: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
      bytes += le32(54 + row * side) + le32(0) + le32(54)
      bytes += le32(40) + le32(side) + le32(side) + le16(1) + le16(24) + le32(0) + le32(row * side)
      bytes += le32(2835) + le32(2835) + le32(0) + le32(0)
      for _ in 0..<(row * side) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(UInt8(truncatingIfNeeded: state >> 56))
      }
      try Data(bytes).write(to: dir.appendingPathComponent(String(format: "%03d.bmp", i)))
    }
  }

  @Test func rowsEqualTheRuntimeMeasurementAndPlot() throws {
    let scratch = ScratchSession("inv")
    let (workspace, capture, session) = (scratch.workspace, scratch.capture, scratch.session)
    try Self.writeNoise(to: workspace.appendingPathComponent("reference"))
    let script = """
      set workspace $ws
      load tiny from="\(Self.models[0].1)"
      load basic from="\(Self.models[1].1)"
      data tinyset from="$data"
      data noise from="$ws/reference"
      eval tinyset invariance n=4 k=3 transforms=[h_flip, hue] reference=noise ridge=1e-3
      plot to="$ws/invariance.png"
      """
    #expect(session.run(script, name: "<inv>") == .ok, "\(capture.stderr)")
    // 2 models × 2 transforms × (cosine, mahalanobis, alignment, uniformity).
    #expect(capture.stdout.contains("16 rows"), "\(capture.stdout)")
    #expect(capture.stdout.contains("wrote \(workspace.path)/invariance.png (2 models × 2 transforms)"))
    #expect(FileManager.default.fileExists(atPath: workspace.path + "/invariance.png"))

    let stored = try ResultsStore(path: workspace.path + "/results.sqlite").all()
    // The protocol, step by step through the runtime: sample, statistics, measure.
    let dataset = try DatasetCatalog.imageFolder(name: "tinyset", root: EvalEndToEndTests.data)
    let samples = try dataset.samples(.test)
    var random = NumpyRandomState(seed: 0)
    let images = try random.choiceWithReplacement(from: samples.count, count: 4).map {
      try dataset.image(of: samples[$0])
    }
    let reference = try DatasetCatalog.imageFolder(
      name: "noise", root: workspace.path + "/reference")
    let referenceImages = try reference.samples(.all).map { try reference.image(of: $0) }
    for (name, path) in Self.models {
      let network = try Self.network(path)
      let features = try SyntheticInvariance.features(
        of: referenceImages, preprocessing: SyntheticInvariance.cleanPreprocessing, model: network)
      let whitening = try FeatureStatistics(features: features).whitening(ridge: 1e-3)
      for transform in [SyntheticTransform.hFlip, .hue] {
        let expected = try SyntheticInvariance.measure(
          images: images, transform: transform, k: 3, model: network, whitening: whitening)
        let rows = stored.filter { $0.row.model == name && $0.row.task == transform.rawValue }
        let cosine = try #require(rows.first { $0.row.metric == "cosine" })
        let distance = try #require(rows.first { $0.row.metric == "mahalanobis" })
        #expect(abs(cosine.row.value - expected.meanSimilarity) < 1e-4, "\(name) \(transform)")
        #expect(abs(distance.row.value - expected.meanDistance) < 1e-3 * max(1, expected.meanDistance))
        let alignment = try #require(rows.first { $0.row.metric == "alignment" })
        let uniformity = try #require(rows.first { $0.row.metric == "uniformity" })
        #expect(abs(alignment.row.value - expected.alignment) < 1e-6 && expected.alignment >= 0)
        #expect(abs(uniformity.row.value - expected.uniformity) < 1e-6 && expected.uniformity <= 0)
        // The ± column is the Hoeffding margin for n = 4 and one comparison: sqrt(ln(20) / 8).
        #expect(abs((cosine.row.ci95 ?? 0) - (log(20.0) / 8).squareRoot()) < 1e-12)
        #expect(cosine.parameters["reference"] == "noise" && cosine.parameters["n"] == "4")
      }
    }
  }

  @Test func saliencyColumnIsTheMeanDiffusionOfTheFirstTestImages() throws {
    let scratch = ScratchSession("sal")
    let (workspace, capture, session) = (scratch.workspace, scratch.capture, scratch.session)
    let script = """
      set workspace $ws
      load tiny from="\(Self.models[0].1)"
      data tinyset from="$data"
      eval tinyset saliency n=2 stride=24
      """
    #expect(session.run(script, name: "<sal>") == .ok, "\(capture.stderr)")
    let stored = try #require(try ResultsStore(path: workspace.path + "/results.sqlite").all().first)
    #expect(stored.row.protocol == "saliency" && stored.row.metric == "diffusion")
    #expect(stored.row.group == "attention")
    #expect(stored.parameters["stride"] == "24" && stored.parameters["window"] == "10")
    let network = try Self.network(Self.models[0].1)
    let dataset = try DatasetCatalog.imageFolder(name: "tinyset", root: EvalEndToEndTests.data)
    let diffusions = try dataset.samples(.test).prefix(2).map { sample in
      try OcclusionSaliency.map(
        of: dataset.image(of: sample), model: network, settings: OcclusionSettings(window: 10, stride: 24)
      ).map.attentiveDiffusion
    }
    #expect(abs(stored.row.value - (diffusions[0] + diffusions[1]) / 2) < 1e-9)
  }

  @Test func ridgeOnTheLandmarkDatasets() throws {
    let scratch = ScratchSession("ridge")
    let (workspace, capture, session) = (scratch.workspace, scratch.capture, scratch.session)
    let trees = Self.fixtures.appendingPathComponent("reg_trees").path
    let script = """
      set workspace $ws
      set data "\(trees)"
      set batch 4
      load tiny from="\(Self.models[0].1)"
      eval 300w ridge grid=9
      """
    #expect(session.run(script, name: "<ridge>") == .ok, "\(capture.stderr)")
    let stored = try #require(try ResultsStore(path: workspace.path + "/results.sqlite").all().first)
    #expect(stored.row.task == "300W" && stored.row.metric == "r2" && stored.parameters["outputs"] == "136")
    // The same measurement through the runtime: §8.4 features, 5-fold ridge CV, test R². Same
    // batches of 4 as the script, so the GEMMs and their rounding are the same too.
    let dataset = try RegressionDataset.faces300W(root: trees + "/300w")
    let network = try Self.network(Self.models[0].1)
    let pre = RegressionDataset.preprocessing(.imageNet)
    let train = try dataset.features(of: dataset.trainval, model: network, preprocessing: pre, batchSize: 4)
    let test = try dataset.features(of: dataset.test, model: network, preprocessing: pre, batchSize: 4)
    let expected = try Ridge.crossValidate(
      trainval: train, trainvalTargets: dataset.trainval.flatMap(\.target), test: test,
      testTargets: dataset.test.flatMap(\.target), outputs: 136,
      grid: RegularizationGrid(count: 9), folds: 5, seed: 0)
    #expect(abs(stored.row.value - expected.testR2) < 1e-9)
    // Provenance: the chosen alpha (= 1/wd, §8.4's quirk), the grid and the fold count. (On
    // these six images every grid point scores the same to 14 digits, so which one wins is
    // rounding; the choice itself is checked against sklearn in RidgeCrossValidationTests.)
    let wd = try #require(stored.parameters["wd"].flatMap(Double.init))
    #expect(RegularizationGrid(count: 9).weightDecays.contains { abs($0 / wd - 1) < 1e-5 })
    #expect(stored.parameters["alpha"] == String(format: "%.6g", 1 / wd))
    #expect(stored.chosen == "alpha=\(String(format: "%.3g", 1 / wd)) (wd=\(String(format: "%.3g", wd)))")
    #expect(stored.parameters["folds"] == "5" && stored.parameters["grid"] == "9")
    #expect(stored.parameters["grid_range"] == "1e-06…1e+05")
    // The features went through the cache (one entry per split), and a rerun reads them back
    // and measures the same R².
    let cached = FeatureCache(directory: workspace.path + "/features").entries()
    #expect(Set(cached.map(\.key.split)) == [.trainval, .test])
    #expect(cached.allSatisfy { $0.key.preprocessing.hasPrefix("landmark-crop+") })
    #expect(session.run("eval 300w ridge grid=9", name: "<ridge-again>") == .ok, "\(capture.stderr)")
    let again = try ResultsStore(path: workspace.path + "/results.sqlite").all()
    #expect(again.count == 2 && abs(again[1].row.value - stored.row.value) < 1e-12)
    // Not re-extracted: the same entries, written at the same times.
    #expect(FeatureCache(directory: workspace.path + "/features").entries() == cached)
    #expect(session.run("eval pets ridge", name: "<ridge-bad>") == .runtimeError)
    #expect(capture.stderr.contains("'ridge' regresses landmarks: 300w, celeba or lsp, not 'pets'"))
    #expect(session.run("eval 300w linear", name: "<ridge-linear>") == .runtimeError)
    #expect(capture.stderr.contains("300W is a landmark regression set: evaluate it with 'ridge'"))
  }

  @Test func heatmapMarksFollowTheMargin() throws {
    func row(_ model: String, _ task: String, _ value: Double, _ margin: Double) -> ResultRow {
      ResultRow(
        model: model, task: task, group: "invariance", protocol: "synthetic", metric: "cosine",
        value: value, ci95: margin, better: .higher, provenance: .measured(description: ""))
    }
    let rows = [
      row("a", "rotation", 0.9, 0.3), row("b", "rotation", 0.5, 0.3),  // 0.4 > 0.3: a
      row("a", "hue", 0.6, 0.3), row("b", "hue", 0.5, 0.3),  // 0.1 ≤ 0.3: none
      row("a", "blur", 0.2, 0.3), row("b", "blur", 0.7, 0.3),  // 0.5 > 0.3: b
    ]
    let heatmap = try #require(InvarianceCharts.heatmap(rows, title: ""))
    #expect(heatmap.models == ["a", "b"])
    #expect(heatmap.transforms == ["rotation", "hue", "blur"])
    #expect(heatmap.marks == [0, nil, 1])
    // A real-world column (§8.3) is labelled as such and marked by its own margin.
    var real = row("a", "coil", 0.8, 0.1)
    real.protocol = "realworld"
    var realB = row("b", "coil", 0.6, 0.1)
    realB.protocol = "realworld"
    let mixed = try #require(InvarianceCharts.heatmap(rows + [real, realB], title: ""))
    #expect(mixed.transforms == ["rotation", "hue", "blur", "coil (real)"])
    #expect(mixed.marks == [0, nil, 1, 0])
  }
}
