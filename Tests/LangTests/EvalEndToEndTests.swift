// Copyright © 2026 the ssl authors.

import Foundation
import Lang
import Testing

/// The whole path on a tiny committed model and dataset: load a checkpoint, register a
/// dataset, run the three protocols, show and plot the results; then a new session on the
/// same workspace reuses the cached features (no extraction) and sees the stored results.
///
/// Model: `Tests/RuntimeTests/Fixtures/resnet_tiny_bottleneck.safetensors`
/// (scripts/fixtures/make_resnet_reference.py); data: `Fixtures/tinyset`
/// (scripts/fixtures/make_tinyset.py).
struct EvalEndToEndTests {
  static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let model = tests.appendingPathComponent(
    "RuntimeTests/Fixtures/resnet_tiny_bottleneck.safetensors").path
  static let data = tests.appendingPathComponent("LangTests/Fixtures/tinyset").path

  func session(workspace: String) -> (Session, OutputCapture) {
    let capture = OutputCapture()
    let session = Session(output: capture.sink)
    session.define("ws", string: workspace)
    session.define("model", string: Self.model)
    session.define("data", string: Self.data)
    return (session, capture)
  }

  @Test func loadEvalShowPlotThenRerunFromCache() throws {
    let workspace = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-e2e-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let script = """
      set workspace $ws
      load tiny from="$model"
      data tinyset from="$data"
      eval tinyset linear
      eval tinyset fewshot way=3 shot=5 query=5 episodes=40
      eval tinyset knn k=5
      eval tinyset calibration
      show results where model=tiny
      plot to="$ws/results.png"
      """
    let (first, out1) = session(workspace: workspace)
    #expect(first.run(script, name: "<e2e>") == .ok, "\(out1.stderr)")
    #expect(out1.stdout.contains("matched 100/100 tensors"))
    #expect(out1.stdout.contains("registered tinyset: 3 classes; train 29, val 7"))
    // Perfectly separated and confident: the probe's ECE is 0 with and without scaling.
    #expect(out1.stdout.contains("tiny   tinyset  user   calibration  ece      0.00"))
    #expect(out1.stdout.contains("tiny   tinyset  user   calibration  ece-ts   0.00"))
    for proto in ["linear", "fewshot-3way-5shot", "knn"] {
      #expect(out1.stdout.contains("tiny   tinyset  user   \(proto)"), "row for \(proto)")
    }
    #expect(out1.stdout.contains("5 rows"))
    #expect(out1.progress.contains("tiny · tinyset train: extracted 29/29 images"))
    #expect(FileManager.default.fileExists(atPath: workspace + "/results.png"))
    #expect(FileManager.default.fileExists(atPath: workspace + "/results.sqlite"))

    // A new session: stored results are there, and a rerun extracts nothing.
    let (second, out2) = session(workspace: workspace)
    let rerun = """
      set workspace $ws
      show results where model=tiny
      load tiny from="$model"
      data tinyset from="$data"
      eval tinyset linear
      eval tinyset knn k=5
      """
    #expect(second.run(rerun, name: "<e2e-rerun>") == .ok, "\(out2.stderr)")
    #expect(out2.stdout.contains("5 rows"))
    #expect(out2.progress.isEmpty, "a rerun must hit the feature cache: \(out2.progress)")
  }

  @Test func cacheListsExportsAndClears() throws {
    let workspace = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-e2e-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let (session, out) = session(workspace: workspace)
    let script = """
      set workspace $ws
      load tiny from="$model"
      data tinyset from="$data"
      eval tinyset knn k=5
      cache
      features tinyset split=test to="$ws/test.safetensors"
      features tinyset split=train to="$ws/train.npy"
      cache clear dataset=tinyset
      cache
      """
    #expect(session.run(script, name: "<cache>") == .ok, "\(out.stderr)")
    #expect(out.stdout.contains("tiny   tinyset  train      29"))
    #expect(out.stdout.contains("3 cached feature sets in"))
    #expect(out.stdout.contains("(18×128, tiny, tinyset test)"))
    #expect(out.stdout.contains("removed 3 cached feature sets"))
    #expect(out.stdout.contains("0 cached feature sets in"))
    // The test split was cached by knn, so exporting it extracted nothing; train too.
    #expect(out.progress.filter { $0.contains("test") }.count == 1, "\(out.progress)")
    let npy = try Data(contentsOf: URL(fileURLWithPath: workspace + "/train.npy"))
    #expect(npy.starts(with: [0x93] + Array("NUMPY".utf8)))
    #expect(FileManager.default.fileExists(atPath: workspace + "/train.labels.npy"))
    #expect(FileManager.default.fileExists(atPath: workspace + "/test.safetensors"))
  }

  @Test func evalWithoutWeightsSaysWhatIsMissing() {
    let (session, out) = session(workspace: "/tmp/unused")
    #expect(session.run("load byol; eval pets linear", name: "<e2e>") == .runtimeError)
    #expect(out.stderr.contains("have no weights to evaluate"))
    #expect(out.stderr.contains("fetch byol"))
  }
}
