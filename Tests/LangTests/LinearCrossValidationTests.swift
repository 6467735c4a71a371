// Copyright © 2026 the ssl authors.

import Foundation
import Runtime
import Testing

@testable import Lang

/// `eval … linear folds=k`: the invariance paper's k-fold selection of C (§8.4) through the
/// language, on a feature file without a val split.
struct LinearCrossValidationTests {
  @Test func foldsSelectCOnTrainvalAndScoreTest() throws {
    let workspace = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-lcv-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: workspace) }
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    // Three overlapping classes in 2-d: 120 train rows (no val), 60 test rows.
    var values: [Float] = []
    var labels: [Int] = []
    var splits: [DatasetSplit] = []
    for i in 0..<180 {
      let label = i % 3
      let jitter = Float((i * 53) % 97) / 40 - 1.2
      let other = Float((i * 31) % 89) / 45 - 1
      values += [Float(label) + jitter, Float(label == 1 ? 1 : 0) + other]
      labels.append(label)
      splits.append(i < 120 ? .train : .test)
    }
    let set = FeatureSet(rows: 180, columns: 2, values: values, labels: labels, splits: splits)
    let file = workspace.appendingPathComponent("f.safetensors").path
    try FeatureFiles.write(set, to: file)
    let capture = OutputCapture()
    let session = Session(output: capture.sink)
    session.define("ws", string: workspace.path)
    let script = """
      set workspace $ws
      data f from="\(file)" model=probe
      eval f linear folds=5 grid=9
      """
    #expect(session.run(script, name: "<lcv>") == .ok, "\(capture.stderr)")
    let stored = try #require(try ResultsStore(path: workspace.path + "/results.sqlite").all().first)
    #expect(stored.row.protocol == "linear" && stored.row.metric == "top1")
    #expect(stored.parameters["selection"] == "5-fold" && stored.parameters["folds"] == "5")
    // The same protocol straight through the runtime: trainval = train rows then val rows.
    func rows(_ split: DatasetSplit) throws -> LabeledFeatures {
      let part = try #require(set.resolvedRows(split))
      return try LabeledFeatures(
        features: FeatureMatrix(rows: part.rows, columns: part.columns, values: part.values),
        labels: part.labels)
    }
    let trainval = try rows(.train).appending(try rows(.val))
    #expect(trainval.count == 120)
    let expected = try LinearProbe.crossValidate(
      trainval: trainval, test: try rows(.test), grid: RegularizationGrid(count: 9), folds: 5,
      seed: 0)
    #expect(abs(stored.row.value - expected.testScore * 100) < 1e-9)
    #expect(stored.chosen == "C=\(String(format: "%.3g", 1 / expected.chosenWeightDecay))")
    // The mean fold accuracies vary over the grid: the choice is a real one.
    #expect(Set(expected.meanScores).count > 1)
    #expect(session.run("eval f linear folds=5 c=1", name: "<lcv-c>") == .runtimeError)
    #expect(capture.stderr.contains("'folds=' selects C by cross-validation; drop 'c=' or 'folds='"))
    #expect(session.run("eval f knn folds=5", name: "<lcv-knn>") == .runtimeError)
    #expect(capture.stderr.contains("option 'folds' belongs to 'linear', not 'knn'"))
  }
}
