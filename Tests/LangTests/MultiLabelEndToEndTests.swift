// Copyright © 2026 the ssl authors.

import Foundation
import Lang
import Runtime
import Testing

/// `eval voc2007 linear` on the tiny VOC2007 tree of scripts/fixtures/make_dataset_trees.py:
/// the stored mAP equals the runtime's one-vs-rest 11-point mAP at the chosen C, computed from
/// the same features; the other protocols say why they do not apply.
struct MultiLabelEndToEndTests {
  @Test func masksRoundTrip() {
    #expect(MultiLabel.mask([0, 3, 19]) == 1 | 8 | (1 << 19))
    #expect(MultiLabel.mask([62]) == nil)
    #expect(MultiLabel.positives([5, 2], classCount: 3) == [[true, false], [false, true], [true, false]])
  }

  @Test func vocLinearIsElevenPointMAP() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("ssl-voc-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let tree = EvalEndToEndTests.tests.appendingPathComponent("RuntimeTests/Fixtures/ds_trees/voc2007")
    try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("VOC2007"), withDestinationURL: tree)
    let capture = OutputCapture()
    let session = Session(output: capture.sink)
    session.define("ws", string: root.appendingPathComponent("ws").path)
    session.define("data", string: root.path)
    session.define("model", string: EvalEndToEndTests.model)
    let script = """
      set workspace $ws
      set data $data
      load tiny from="$model"
      eval voc2007 linear c=1
      """
    #expect(session.run(script, name: "<voc>") == .ok, "\(capture.stderr)")
    let stored = try #require(try ResultsStore(path: root.path + "/ws/results.sqlite").all().first)
    #expect(stored.row.metric == "map11" && stored.row.task == "VOC2007" && stored.chosen == "C=1")

    // The same number from the runtime, on features extracted the way the protocol does.
    let dataset = try DatasetCatalog.load("voc2007", dataRoot: root.path)
    let network = try InvarianceEndToEndTests.network(EvalEndToEndTests.model).model
    let cache = FeatureCache(directory: root.appendingPathComponent("check").path)
    func split(_ s: DatasetSplit) throws -> (FeatureMatrix, [[Bool]]) {
      let job = FeatureJob(
        model: network, modelHash: "check", modelName: "tiny", dataset: dataset, split: s,
        preprocessing: .linear(.imageNet))
      let set = try FeatureProvider.features(job, cache: cache).features
      return (
        try FeatureMatrix(rows: set.rows, columns: set.columns, values: set.values),
        MultiLabel.positives(set.labels, classCount: 20)
      )
    }
    let (train, trainPositives) = try split(.train)
    let (val, valPositives) = try split(.val)
    let trainval = try train.appendingRows(val)
    let trainvalPositives = zip(trainPositives, valPositives).map { $0 + $1 }
    let (test, testPositives) = try split(.test)
    let expected = try LinearProbe.oneVsRestAveragePrecision(
      train: trainval, trainPositives: trainvalPositives, test: test, testPositives: testPositives, c: 1)
    #expect(abs(stored.row.value - expected.mean * 100) < 1e-3, "\(stored.row.value) vs \(expected.mean * 100)")
    #expect(session.run("eval voc2007 knn", name: "<voc-knn>") == .runtimeError)
    #expect(capture.stderr.contains("VOC2007 is multi-label: only 'linear' (11-point mAP) applies"))
  }
}
