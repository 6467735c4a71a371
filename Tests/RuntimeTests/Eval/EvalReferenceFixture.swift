// Copyright © 2026 the ssl authors.
//
// Reads Fixtures/eval_reference.json, written by scripts/fixtures/make_eval_references.py
// (numpy 2.4.6, scipy 1.17.1, scikit-learn 1.9.1), and regenerates the inputs that script used
// (`EvalTestData`, the same SplitMix64 stream), so only expectations are committed.

import Foundation
import Runtime

/// The decoded reference values.
struct EvalReferenceFixture: Decodable {
  struct PCG64: Decodable {
    var seed0_raw: [UInt64]
    var seed123456789012_raw: [UInt64]
    var choice_seed7: [[Int]]
  }
  struct MT: Decodable {
    var seed0_perm10: [Int]
    var seed5_perm300_head: [Int]
  }
  struct DataSpec: Decodable {
    var n: Int
    var d: Int
    var k: Int
    var data_seed: UInt64
    var sep: Double
    var noise: Double
  }
  struct FewShotRef: Decodable {
    var way: Int
    var shot: Int
    var query: Int
    var episodes: Int
    var seed: UInt64
    var first_episode: [[Int]]
    var accuracies: [Double]
  }
  struct LogisticFit: Decodable {
    var C: Double
    var coef: [Double]
    var intercept: [Double]
    var objective: Double
    var train_acc: Double
  }
  struct LogisticRef: Decodable { var fits: [LogisticFit] }
  struct RidgeCase: Decodable {
    var n: Int
    var d: Int
    var seed: UInt64
    var alpha: Double
    var coef: [Double]
    var intercept: [Double]
    var test_r2: Double
    var Y: [Double]
  }
  struct CalibrationRef: Decodable {
    var scale: Double
    var ece: Double
    var temperature: Double
    var fold_eces: [Double]
    var ts_ece: Double
  }
  struct KNNRef: Decodable {
    var predictions: [Int]
    var top1: Double
  }

  var pcg64: PCG64
  var mt19937: MT
  var kfold_seed0_n23: [[Int]]
  var fewshot: FewShotRef
  var fewshotData: DataSpec
  var logistic: LogisticRef
  var logisticData: DataSpec
  var ridge: [String: RidgeCase]
  var calibration: CalibrationRef
  var calibrationData: DataSpec
  var knn: KNNRef
  var knnData: DataSpec

  enum CodingKeys: String, CodingKey {
    case pcg64, mt19937, kfold_seed0_n23, fewshot, logistic, ridge, calibration, knn
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    pcg64 = try c.decode(PCG64.self, forKey: .pcg64)
    mt19937 = try c.decode(MT.self, forKey: .mt19937)
    kfold_seed0_n23 = try c.decode([[Int]].self, forKey: .kfold_seed0_n23)
    fewshot = try c.decode(FewShotRef.self, forKey: .fewshot)
    fewshotData = try c.decode(DataSpec.self, forKey: .fewshot)
    logistic = try c.decode(LogisticRef.self, forKey: .logistic)
    logisticData = try c.decode(DataSpec.self, forKey: .logistic)
    ridge = try c.decode([String: RidgeCase].self, forKey: .ridge)
    calibration = try c.decode(CalibrationRef.self, forKey: .calibration)
    calibrationData = try c.decode(DataSpec.self, forKey: .calibration)
    knn = try c.decode(KNNRef.self, forKey: .knn)
    knnData = try c.decode(DataSpec.self, forKey: .knn)
  }

  static func load() throws -> EvalReferenceFixture {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/eval_reference.json")
    return try JSONDecoder().decode(EvalReferenceFixture.self, from: Data(contentsOf: url))
  }
}

/// The inputs of make_eval_references.py: SplitMix64, u = (next >> 11)·2⁻⁵³.
struct EvalTestData {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// `make_data(n, d, k, seed, sep, noise)`: features and labels `i % k`.
  static func classification(_ spec: EvalReferenceFixture.DataSpec) -> (FeatureMatrix, [Int]) {
    classification(n: spec.n, d: spec.d, k: spec.k, seed: spec.data_seed, sep: spec.sep,
      noise: spec.noise)
  }

  static func classification(
    n: Int, d: Int, k: Int, seed: UInt64, sep: Double, noise: Double
  ) -> (FeatureMatrix, [Int]) {
    var g = EvalTestData(seed: seed)
    var means = [Double]()
    for _ in 0..<(k * d) { means.append((2 * g.uniform() - 1) * sep) }
    var x = [Float]()
    let labels = (0..<n).map { $0 % k }
    for i in 0..<n {
      for j in 0..<d {
        let a = g.uniform()
        let b = g.uniform()
        let c = g.uniform()
        x.append(Float(means[labels[i] * d + j] + ((a + b) + c - 1.5) * noise))
      }
    }
    // The shape is consistent by construction.
    return (try! FeatureMatrix(rows: n, columns: d, values: x), labels)
  }
}
