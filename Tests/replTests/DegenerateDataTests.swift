// Copyright © 2026 the ssl authors.
//
// Degenerate data through the real `ssl` executable (issue #9): each case ends in a clear
// message naming the problem, and nothing stored before is lost. Feature files are written
// with FeatureFiles; images come from the tinyset fixture; the model is the tiny committed
// bottleneck ResNet.

import Foundation
import Runtime
import Testing

@Suite(.serialized) struct DegenerateDataTests {
  static let tests = KillRecoveryTests.tests
  static let model = KillRecoveryTests.model
  static let tinyset = KillRecoveryTests.tinyset
  let cli = CommandLineTests()

  /// A fresh folder for one test.
  func scratch(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-degenerate-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes features (40 train rows, 20 test rows unless `splits` says otherwise).
  func featureFile(
    _ folder: URL, _ name: String, rows: Int = 60, columns: Int = 8,
    labels: (Int) -> Int = { $0 % 3 }, value: (Int, Int) -> Float = { r, c in Float((r * 7 + c * 3) % 11) }
  ) throws -> String {
    let path = folder.appendingPathComponent(name).path
    var values: [Float] = []
    for r in 0..<rows { for c in 0..<columns { values.append(value(r, c)) } }
    let splits = (0..<rows).map { $0 < rows * 2 / 3 ? DatasetSplit.train : .test }
    try FeatureFiles.write(
      FeatureSet(rows: rows, columns: columns, values: values, labels: (0..<rows).map(labels), splits: splits),
      to: path)
    return path
  }

  func run(_ script: String, workspace: URL) throws -> CommandLineTests.Run {
    try cli.ssl(["-e", "set workspace \"\(workspace.path)\"; " + script])
  }

  // MARK: - Features

  @Test func nonFiniteFeaturesAreRefusedByEveryProtocol() throws {
    let dir = try scratch("nan")
    let file = try featureFile(
      dir, "nan.safetensors",
      value: { (r: Int, c: Int) -> Float in
        if r == 5 && c == 2 { return .nan }
        if r == 7 && c == 1 { return .infinity }
        return Float(r + c)
      })
    for proto in ["linear", "knn k=5", "fewshot way=3 shot=2 query=2 episodes=5", "calibration"] {
      let out = try run("data d from=\"\(file)\"; eval d \(proto)", workspace: dir)
      #expect(out.status == 70, "\(proto): \(out.stderr)")
      #expect(out.stderr.contains("2 feature values in 2 rows are NaN or infinite"), "\(proto): \(out.stderr)")
    }
  }

  @Test func aDivergedCheckpointIsNamedNotEvaluated() throws {
    let dir = try scratch("divergedckpt")
    let file = try SafeTensorsFile(contentsOf: URL(fileURLWithPath: Self.model))
    var dict = file.stateDict()
    let conv = try #require(dict["conv1.weight"])
    var scalars = conv.scalars
    scalars[0] = .nan
    dict["conv1.weight"] = Tensor(shape: conv.shape, scalars: scalars)
    let bad = dir.appendingPathComponent("diverged.safetensors")
    try SafeTensorsWriter.write(dict, to: bad)
    let out = try run(
      "load bad from=\"\(bad.path)\"; data t from=\"\(Self.tinyset.path)\"; eval t knn k=5",
      workspace: dir)
    #expect(out.status == 70)
    #expect(out.stderr.contains("NaN or infinite") && out.stderr.contains("check the checkpoint"), "\(out.stderr)")
  }

  @Test func constantFeaturesPredictTheMajorityClass() throws {
    let dir = try scratch("constant")
    // Class 0 holds half of every split: a probe that cannot use the features predicts it.
    let labels: (Int) -> Int = { r in r % 4 < 2 ? 0 : r % 4 - 1 }
    let file = try featureFile(dir, "const.safetensors", labels: labels, value: { _, _ in 1 })
    let testLabels = (40..<60).map(labels)
    let majority = Double(testLabels.filter { $0 == 0 }.count) / Double(testLabels.count) * 100
    let out = try run("data d from=\"\(file)\"; eval d linear; eval d knn k=5", workspace: dir)
    #expect(out.status == 0, "\(out.stderr)")
    let linear = try #require(out.stdout.split(separator: "\n").first { $0.contains(" linear ") })
    #expect(linear.contains(String(format: "%.2f", majority)), "\(linear)")
    #expect(!out.stdout.lowercased().contains("nan"))
  }

  @Test func zeroFeaturesDoNotTurnIntoNaN() throws {
    let dir = try scratch("zero")
    let file = try featureFile(dir, "zero.safetensors", value: { _, _ in 0 })
    let out = try run("data d from=\"\(file)\"; eval d knn k=5; eval d linear", workspace: dir)
    #expect(out.status == 0, "\(out.stderr)")
    #expect(out.stdout.contains(" knn ") && !out.stdout.lowercased().contains("nan"), "\(out.stdout)")
  }

  @Test func labelProblemsAreNamed() throws {
    let dir = try scratch("labels")
    let single = try featureFile(dir, "single.safetensors", labels: { _ in 0 })
    var out = try run("data d from=\"\(single)\"; eval d linear", workspace: dir)
    #expect(out.stderr.contains("every training sample has label 0; a classifier needs at least two classes"))
    let three = try featureFile(dir, "three.safetensors")
    out = try run("data d from=\"\(three)\"; eval d fewshot", workspace: dir)
    #expect(out.stderr.contains("way=5 needs 5 classes per episode; the data has 3"), "\(out.stderr)")
    let small = try featureFile(dir, "small.safetensors", rows: 50, labels: { $0 % 5 })
    out = try run("data d from=\"\(small)\"; eval d fewshot shot=20 query=15", workspace: dir)
    #expect(out.stderr.contains("has 10 samples, an episode needs 35 (shot + query)"), "\(out.stderr)")
  }

  // MARK: - Images and paths

  @Test func repeatedImagesAreReported() throws {
    let dir = try scratch("duplicates")
    let images = try FileManager.default.contentsOfDirectory(
      atPath: Self.tinyset.appendingPathComponent("train/blue_diag").path
    ).sorted().prefix(4)
    var lines = ["path,label,split"]
    for image in images {
      let path = Self.tinyset.appendingPathComponent("train/blue_diag/\(image)").path
      lines += ["\(path),a,train", "\(path),a,train", "\(path),b,test"]
    }
    let list = dir.appendingPathComponent("list.csv")
    try lines.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
    let out = try run("data d from=\"\(list.path)\"", workspace: dir)
    #expect(out.status == 0, "\(out.stderr)")
    #expect(out.stderr.contains("4 image(s) listed more than once (00.png ×3"), "\(out.stderr)")
  }

  @Test func spacesAndNonASCIINamesWorkAndCache() throws {
    let dir = try scratch("names")
    let data = dir.appendingPathComponent("données d'été")
    let fm = FileManager.default
    for split in ["train", "test"] {
      let source = Self.tinyset.appendingPathComponent(split)
      for label in try fm.contentsOfDirectory(atPath: source.path) {
        let folder = data.appendingPathComponent("\(split)/chats \(label) ü")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for image in try fm.contentsOfDirectory(atPath: source.appendingPathComponent(label).path) {
          try fm.copyItem(
            at: source.appendingPathComponent("\(label)/\(image)"),
            to: folder.appendingPathComponent("été \(image)"))
        }
      }
    }
    let workspace = dir.appendingPathComponent("espace de travail ü")
    let script = "load tiny from=\"\(Self.model)\"; data d from=\"\(data.path)\"; eval d knn k=5"
    let first = try run(script, workspace: workspace)
    #expect(first.status == 0, "\(first.stderr)")
    let second = try run(script + "; cache", workspace: workspace)
    #expect(second.status == 0, "\(second.stderr)")
    let row = { (out: String) in out.split(separator: "\n").first { $0.contains(" knn ") }.map(String.init) }
    #expect(row(first.stdout) != nil)
    #expect(row(first.stdout)?.prefix(40) == row(second.stdout)?.prefix(40))
    #expect(!second.stderr.contains("extracted"), "second run extracted again: \(second.stderr)")
    #expect(second.stdout.contains("3 cached feature sets"), "\(second.stdout)")
  }
}
