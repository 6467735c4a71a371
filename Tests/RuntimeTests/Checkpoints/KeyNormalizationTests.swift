// Copyright © 2026 the ssl authors.

import Testing

@testable import Runtime

@Suite struct KeyNormalizationTests {
  let arch: [KeyNormalization.Key] = [
    ("conv1.weight", [4, 3, 3, 3]), ("bn1.weight", [4]), ("bn1.bias", [4]),
    ("bn1.running_mean", [4]), ("bn1.running_var", [4]), ("bn1.num_batches_tracked", []),
  ]

  func keys(_ prefix: String) -> [KeyNormalization.Key] {
    arch.map { (prefix + $0.name, $0.shape) }
  }

  @Test func mocoLayoutIsRenamedAndGrouped() throws {
    let file =
      keys("module.encoder_q.") + keys("module.encoder_k.") + [
        ("module.encoder_q.fc.0.weight", [8, 8]), ("module.encoder_q.fc.2.bias", [3]),
        ("module.queue", [3, 16]), ("module.queue_ptr", [1]),
      ]
    var report = LoadReport(source: "m", format: "torch zip")
    let pairs = KeyNormalization.match(
      file, expected: arch, prefix: "module.encoder_q.", report: &report)
    #expect(pairs.map(\.target) == arch.dropLast().map(\.name))
    #expect(report.matchedCount == 5 && report.expectedCount == 5)
    #expect(
      report.dropped[.classifier] == ["module.encoder_q.fc.0.weight", "module.encoder_q.fc.2.bias"])
    #expect(report.dropped[.momentumEncoder]?.count == 8)
    #expect(report.dropped[.batchNormCounters] == ["module.encoder_q.bn1.num_batches_tracked"])
    #expect(report.unexpected.isEmpty && report.isComplete)
    try report.validate()
  }

  @Test(arguments: [
    ("module.encoder_q.", "module.encoder_q."), ("module.", "module."), ("", nil),
    ("backbone.", "backbone."), ("module.encoder.", "module.encoder."),
  ])
  func prefixIsDetected(prefix: String, detected: String?) {
    var report = LoadReport(source: "m", format: "f")
    let pairs = KeyNormalization.match(keys(prefix), expected: arch, prefix: nil, report: &report)
    #expect(report.prefix == detected)
    #expect(report.prefixDetected == (detected != nil))
    #expect(pairs.count == 5)
  }

  @Test func aConvertedFileLoadsWithTheZooPrefix() {
    // ssl-transfer's converted files have plain names; the prefix applies only where present.
    var report = LoadReport(source: "m", format: "f")
    _ = KeyNormalization.match(
      keys(""), expected: arch, prefix: "module.encoder_q.", report: &report)
    #expect(report.isComplete)
  }

  @Test func missingTensorsAreAnError() {
    var report = LoadReport(source: "m", format: "f")
    let partial = keys("module.").filter { !$0.name.contains("running_var") }
    _ = KeyNormalization.match(partial, expected: arch, prefix: "module.", report: &report)
    #expect(report.missing == ["bn1.running_var"])
    #expect(throws: CheckpointError.missingTensors(["bn1.running_var"])) { try report.validate() }
  }

  @Test func shapeMismatchNamesBothShapes() {
    var report = LoadReport(source: "m", format: "f")
    var file = keys("")
    file[2] = ("bn1.bias", [8])
    _ = KeyNormalization.match(file, expected: arch, prefix: nil, report: &report)
    let error = CheckpointError.shapeMismatch(path: "bn1.bias", expected: [4], found: [8])
    #expect(throws: error) { try report.validate() }
    #expect(error.description == "bn1.bias: expected [4], found [8]")
  }

  @Test func swavAndPirlGroups() {
    var report = LoadReport(source: "m", format: "f")
    let file =
      keys("module.") + [
        ("module.projection_head.0.weight", [6, 8]), ("module.prototypes.weight", [10, 6]),
        ("module.jigsaw.fc.weight", [4, 4]), ("module.head_jig.bias", [4]), ("module.mystery", [1]),
      ]
    _ = KeyNormalization.match(file, expected: arch, prefix: "module.", report: &report)
    #expect(report.dropped[.projectionHead] == ["module.projection_head.0.weight"])
    #expect(report.dropped[.prototypes] == ["module.prototypes.weight"])
    #expect(report.dropped[.jigsaw]?.count == 2)
    #expect(report.unexpected == ["module.mystery"])
    #expect(report.description.contains("matched 5/5 tensors"))
    #expect(report.description.contains("unexpected: module.mystery"))
  }

  @Test func unwrapFollowsWrapperKeys() throws {
    let tensor = PickleObject.tensor(
      TorchTensorRef(
        storage: TorchStorageRef(
          key: "0", dtype: .float32, elementCount: 1, location: "cpu", viewOffset: 0),
        offset: 0, shape: [1], strides: [1]))
    let inner = PickleObject.dict([.init(key: .string("w"), value: tensor)])
    let root = PickleObject.dict([
      .init(key: .string("epoch"), value: .int(3)),
      .init(key: .string("model"), value: .dict([.init(key: .string("state_dict"), value: inner)])),
    ])
    let (entries, path, siblings) = try KeyNormalization.unwrap(root)
    #expect(path == ["model", "state_dict"])
    #expect(siblings == ["epoch"])
    #expect(entries.count == 1)
    #expect(
      throws: CheckpointError.unexpectedStructure(
        path: "", expected: "a dict of tensors", found: "list")
    ) {
      try KeyNormalization.unwrap(.list([]))
    }
  }
}
