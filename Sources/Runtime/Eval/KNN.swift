// Copyright © 2026 the ssl authors.
//
// KNN.swift — DINO's weighted k-nearest-neighbour classifier on frozen features
// (facebookresearch/dino `eval_knn.py`, k = 20, T = 0.07).
//
// Both splits are L2-normalised (x / max(‖x‖, 1e-12)); similarities s = x_test·x_trainᵀ come
// from `sgemm` in blocks of test rows ([block, n_train] at a time, so memory stays bounded);
// for each test row the k most similar train rows vote for their class with weight exp(s/T);
// the prediction is the class with the largest summed weight (the first on ties).

import Foundation
import Kernels

/// kNN settings (DINO's defaults).
public struct KNNConfig: Hashable, Sendable {
  /// Neighbours per query (default 20).
  public var k: Int
  /// The temperature T of the vote weights exp(s/T) (default 0.07).
  public var temperature: Double
  /// Test rows per similarity GEMM (default 512).
  public var blockRows: Int

  /// Creates settings.
  ///
  /// - Parameters:
  ///   - k: neighbours per query.
  ///   - temperature: vote temperature.
  ///   - blockRows: test rows per GEMM block.
  public init(k: Int = 20, temperature: Double = 0.07, blockRows: Int = 512) {
    self.k = k
    self.temperature = temperature
    self.blockRows = blockRows
  }
}

/// The outcome of a kNN evaluation.
public struct KNNResult: Hashable, Sendable {
  /// Predicted class per test sample.
  public var predictions: [Int]
  /// Top-1 accuracy in [0, 1].
  public var top1: Double
  /// Top-5 accuracy in [0, 1] (the true class among the 5 largest votes).
  public var top5: Double
}

/// Temperature-weighted cosine kNN (a namespace).
public enum KNN {
  /// Classifies `test` by its neighbours in `train`.
  ///
  /// - Parameters:
  ///   - train: The labelled reference set.
  ///   - test: The queries with their true labels.
  ///   - config: k and T.
  /// - Returns: Predictions and accuracies.
  /// - Throws: ``EvalError`` for bad settings or different widths.
  public static func evaluate(
    train: LabeledFeatures, test: LabeledFeatures, config: KNNConfig = KNNConfig()
  ) throws(EvalError) -> KNNResult {
    guard config.k >= 1, config.temperature > 0, config.blockRows >= 1 else {
      throw .invalidParameter(name: "k", value: Double(config.k), reason: "k ≥ 1 and T > 0")
    }
    guard train.features.columns == test.features.columns else {
      throw .sizeMismatch(
        what: "kNN feature width", expected: train.features.columns,
        actual: test.features.columns)
    }
    guard train.count >= 1 else {
      throw .tooFewSamples(what: "kNN train", count: train.count, needed: 1)
    }
    let d = train.features.columns
    let classCount = max(train.labels.max() ?? 0, test.labels.max() ?? 0) + 1
    let reference = normalizedRows(train.features)
    let queries = normalizedRows(test.features)
    let k = min(config.k, train.count)
    let nTrain = train.count
    var predictions = [Int](repeating: 0, count: test.count)
    var top5Hits = 0
    var similarities = [Float](repeating: 0, count: config.blockRows * nTrain)
    var start = 0
    while start < test.count {
      let rows = min(config.blockRows, test.count - start)
      queries.withUnsafeBufferPointer { q in
        reference.withUnsafeBufferPointer { r in
          similarities.withUnsafeMutableBufferPointer { s in
            let block = UnsafeBufferPointer(rebasing: q[(start * d)..<((start + rows) * d)])
            GEMM.sgemm(transB: true, m: rows, n: nTrain, k: d, a: block, lda: max(d, 1),
              b: r, ldb: max(d, 1), c: s, ldc: nTrain)
          }
        }
      }
      for row in 0..<rows {
        let base = row * nTrain
        let neighbours = topK(similarities, base: base, count: nTrain, k: k)
        var votes = [Double](repeating: 0, count: classCount)
        for j in neighbours {
          votes[train.labels[j]] += exp(Double(similarities[base + j]) / config.temperature)
        }
        let order = votes.indices.sorted {
          votes[$0] > votes[$1] || (votes[$0] == votes[$1] && $0 < $1)
        }
        predictions[start + row] = order[0]
        if order.prefix(5).contains(test.labels[start + row]) { top5Hits += 1 }
      }
      start += rows
    }
    return KNNResult(
      predictions: predictions,
      top1: ClassificationMetrics.accuracy(predictions: predictions, labels: test.labels),
      top5: Double(top5Hits) / Double(test.count))
  }

  /// Rows divided by max(‖x‖₂, 1e-12) (torch `F.normalize`), norms in Double.
  static func normalizedRows(_ m: FeatureMatrix) -> [Float] {
    var out = m.values
    for i in 0..<m.rows {
      let base = i * m.columns
      var sum = 0.0
      for j in 0..<m.columns { sum += Double(out[base + j]) * Double(out[base + j]) }
      let scale = 1 / max(sum.squareRoot(), 1e-12)
      for j in 0..<m.columns { out[base + j] = Float(Double(out[base + j]) * scale) }
    }
    return out
  }

  /// Indices of the `k` largest values of `values[base..<base+count]`, largest first (the lower
  /// index first on ties). A bounded insertion list: O(count·k) worst case, O(count) typical.
  static func topK(_ values: [Float], base: Int, count: Int, k: Int) -> [Int] {
    var best: [Int] = []
    best.reserveCapacity(k + 1)
    for j in 0..<count {
      let v = values[base + j]
      if best.count == k, let last = best.last, v <= values[base + last] { continue }
      var position = best.count
      while position > 0 && values[base + best[position - 1]] < v { position -= 1 }
      best.insert(j, at: position)
      if best.count > k { best.removeLast() }
    }
    return best
  }
}
