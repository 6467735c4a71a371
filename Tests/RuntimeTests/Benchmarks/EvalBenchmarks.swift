// Copyright © 2026 the ssl authors.
//
// Opt-in (SSL_BENCH=1; run in release): the issue #6 acceptance figures on the Pets-sized
// synthetic features of ../shared/bench. `scripts/bench.d/eval_linear_anchor.py` writes the
// prepared features to $SSL_EVAL_BENCH_DATA (default $TMPDIR/ssl-eval-bench) and, when sklearn
// imports, times sklearn's warm sweep in the same run. Each figure is one JSON line on stdout.
//
//   SSL_BENCH=1 swift test -c release --filter EvalBenchmarks
//
// Also: SSL_BENCH_SKIP_SKLEARN=1 (prepare the data only, no anchor timings),
// SSL_EVAL_BENCH_VARIANTS=n (run the first n linear-probe variants; 0 = few-shot only),
// SSL_EVAL_BENCH_REPEAT=n (runs of the acceptance variant, default 3: `total_s` is their
// median, `total_s_runs` lists them in order — the first pays the process's cold start).

import Foundation
import Kernels
import Runtime
import Testing

@Suite(.enabled(if: ProcessInfo.processInfo.environment["SSL_BENCH"] == "1"))
struct EvalBenchmarks {
  static let dataDirectory = ProcessInfo.processInfo.environment["SSL_EVAL_BENCH_DATA"]
    ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("ssl-eval-bench")
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Runs the anchor script; returns its last stdout line parsed as JSON, or why not.
  static func runAnchor(sklearn: Bool) -> Result<[String: Any], AnchorFailure> {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    let script = repository.appendingPathComponent("scripts/bench.d/eval_linear_anchor.py").path
    process.arguments = ["python3", script, "--out", dataDirectory] + (sklearn ? ["--sklearn"] : [])
    let pipe = Pipe()
    process.standardOutput = pipe
    // stderr goes to a file: a second pipe could fill up while stdout is being drained.
    let errorPath = dataDirectory + ".stderr"
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    process.standardError = FileHandle(forWritingAtPath: errorPath)
    do { try process.run() } catch { return .failure(AnchorFailure(message: "\(error)")) }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0,
      let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    else {
      return .failure(
        AnchorFailure(message: "status \(process.terminationStatus): \(errorText.suffix(300))"))
    }
    return .success(object)
  }

  struct AnchorFailure: Error { var message: String }

  static func read<T>(_ name: String, as: T.Type) throws -> [T] {
    let data = try Data(contentsOf: URL(fileURLWithPath: dataDirectory + "/" + name))
    return data.withUnsafeBytes { Array($0.bindMemory(to: T.self)) }
  }

  static func split(_ name: String, dim: Int) throws -> LabeledFeatures {
    let x = try read("\(name).f32", as: Float.self)
    let y = try read("\(name).i64", as: Int64.self).map(Int.init)
    return try LabeledFeatures(
      features: FeatureMatrix(rows: y.count, columns: dim, values: x), labels: y)
  }

  static func emit(_ fields: [String: Any]) {
    var object = fields
    object["bench"] = "EvalBenchmarks"
    if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
      print(String(decoding: data, as: UTF8.self))
    }
  }

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  @Test func linearProbeAndFewShotAgainstAnchors() throws {
    BLASThreads.set(2)
    let wantSklearn = ProcessInfo.processInfo.environment["SSL_BENCH_SKIP_SKLEARN"] != "1"
    let anchorResult = Self.runAnchor(sklearn: wantSklearn)
    if case .failure(let failure) = anchorResult {
      Self.emit(["figure": "anchor", "error": failure.message])
    }
    let anchor = try? anchorResult.get()
    let dim = 2048
    let train = try Self.split("sweep_train", dim: dim)
    let val = try Self.split("sweep_val", dim: dim)
    let refit = try Self.split("refit_train", dim: dim)
    let test = try Self.split("refit_test", dim: dim)

    // The bench protocol: C ascending, ties to the smaller C, sklearn ≥ 1.1 stopping rule.
    // The first variant is the acceptance figure: sklearn's protocol step for step (warm sweep,
    // cold refit). The others show the warm refit and the float64 GEMM path.
    let variants: [(LogisticRegressionConfig.Precision, LinearProbeConfig.RefitStart)] = [
      (.float32GEMM, .cold), (.float32GEMM, .chosenFit), (.float64GEMM, .cold),
    ]
    let only = ProcessInfo.processInfo.environment["SSL_EVAL_BENCH_VARIANTS"].flatMap(Int.init)
    let repeats = max(1, ProcessInfo.processInfo.environment["SSL_EVAL_BENCH_REPEAT"]
      .flatMap(Int.init) ?? 3)
    for (index, (precision, refitStart)) in variants.prefix(only ?? variants.count).enumerated() {
      var solver = LogisticRegressionConfig.sklearnCurrent
      solver.precision = precision
      let config = LinearProbeConfig(order: .increasingC, refitStart: refitStart, solver: solver)
      var result: LinearProbeResult?
      var runs: [Double] = []
      for _ in 0..<(index == 0 ? repeats : 1) {
        runs.append(
          try Self.seconds {
            result = try LinearProbe.sweep(
              train: train, validation: val, test: test, trainval: refit, config: config)
          })
      }
      let time = runs.sorted()[runs.count / 2]
      guard let result else { return }
      let iterations = result.gridFits.map(\.report.iterations)
      var fields: [String: Any] = [
        "figure": "linear_warm_sweep_refit", "precision": "\(precision)", "refit": "\(refitStart)",
        "total_s": time, "total_s_runs": runs,
        "chosen_C": result.chosenC, "chosen_index_ascending": result.chosenIndex ?? -1,
        "test_acc": result.testScore, "iters_total": iterations.reduce(0, +),
        "refit_iters": result.refitReport.iterations,
        "line_evals_total": result.gridFits.map(\.report.lineEvaluations).reduce(0, +),
        "refit_objective": result.refitReport.objective,
        "val_accs": result.gridFits.map(\.validationScore), "iters": iterations,
      ]
      if let anchor, let sk = anchor["sklearn_warm_total_s"] as? Double,
        let skIndex = anchor["sklearn_best_index_ascending"] as? Int,
        let skAcc = anchor["sklearn_test_acc"] as? Double
      {
        let index = result.chosenIndex ?? -1
        fields["sklearn_warm_total_s"] = sk
        fields["sklearn_best_C"] = anchor["sklearn_best_C"]
        fields["sklearn_test_acc"] = skAcc
        fields["speedup"] = sk / time
        fields["accept_C_within_1_step"] = abs(index - skIndex) <= 1
        fields["accept_acc_within_0.3pt"] = abs(result.testScore - skAcc) <= 0.003
        fields["accept_time_le_tenth"] = time <= sk / 10
      }
      Self.emit(fields)
    }

    // Few-shot: the anchor's 600 saved episodes (exact accuracies) and the full sampled path.
    let x = try Self.read("fewshot_X.f32", as: Float.self)
    let y = try Self.read("fewshot_y.i64", as: Int64.self).map(Int.init)
    let features = try FeatureMatrix(rows: y.count, columns: dim, values: x)
    let config = FewShotConfig(way: 5, shot: 20, query: 15, episodes: 600, seed: 0)
    var sampled: FewShotResult?
    let timeSampled = try Self.seconds {
      sampled = try FewShot.evaluate(features: features, labels: y, config: config)
    }
    let reference = try Self.read("fewshot_acc.f64", as: Double.self)
    let flat = try Self.read("fewshot_episodes.i64", as: Int64.self).map(Int.init)
    let episodes = FewShotEpisodes(
      indices: (0..<600).map { e in
        (0..<5).map { k in Array(flat[(e * 5 + k) * 35..<((e * 5 + k) + 1) * 35]) }
      }, shot: 20)
    var given: FewShotResult?
    let timeGiven = try Self.seconds {
      given = try FewShot.evaluate(features: features, episodes: episodes)
    }
    var fewshot: [String: Any] = [
      "figure": "fewshot_600x5way20shot", "total_s": timeSampled, "compute_s": timeGiven,
      "mean_acc": sampled?.mean ?? .nan, "ci95": sampled?.confidence95 ?? .nan,
      "episodes_match_reference": sampled?.episodeAccuracies == reference,
      "given_episodes_match_reference": given?.episodeAccuracies == reference,
    ]
    if let anchor, let numpy = anchor["numpy_fewshot_loop_total_s"] as? Double {
      fewshot["numpy_loop_total_s"] = numpy
      fewshot["accept_not_slower_than_numpy"] = timeSampled <= numpy
    }
    Self.emit(fewshot)
  }
}
