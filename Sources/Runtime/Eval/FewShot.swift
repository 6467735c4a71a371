// Copyright © 2026 the ssl authors.
//
// FewShot.swift — prototypical-network evaluation without training (spec §4) on frozen
// features, with the episode sampler of `bench/fewshot_numpy.py`.
//
// Per episode (way W, shot S, query Q): prototype c_k = mean of the S raw support features of
// class k; query q is assigned argmin_k ‖q − c_k‖² = argmin_k (‖c_k‖² − 2·q·c_k) (‖q‖² is the
// same for every k); accuracy = fraction of the W·Q queries assigned their own class.
//
// Work layout: the products are W·Q × W per episode (75 × 5 for 5-way 15-query): with N = 5
// BLAS spends its time packing, and one GEMM over all episodes would compute E² cross-episode
// blocks to keep E diagonal ones (3669 × 3000 × 2048 for the bench, 100× the needed work). So
// episodes run in a parallel loop, each reading its support and query rows in place (no
// gather), float32 loads, Double sums in SIMD lanes. The support sums and the dots load eight
// floats at a time and widen them by halves: written as plain loops, the sums stayed scalar
// (0.19 → 0.12 s for the bench's 600 5-way 20-shot episodes, medians of four alternating runs,
// the same accuracies bit for bit).

import Foundation
import Kernels

/// Episode settings (`few_shot.py` defaults are 5-way 5-shot 15-query 600 episodes).
public struct FewShotConfig: Hashable, Sendable {
  /// Classes per episode (`--n-way`, default 5).
  public var way: Int
  /// Support samples per class (`--n-support`, default 5; the paper also uses 20 and 50).
  public var shot: Int
  /// Query samples per class (`--n-query`, default 15).
  public var query: Int
  /// Number of episodes (`--iter-num`, default 600).
  public var episodes: Int
  /// The seed of `numpy.random.default_rng` for episode sampling (default 0).
  public var seed: UInt64

  /// Creates a configuration.
  ///
  /// - Parameters:
  ///   - way: classes per episode.
  ///   - shot: support samples per class.
  ///   - query: query samples per class.
  ///   - episodes: episode count.
  ///   - seed: sampler seed.
  public init(way: Int = 5, shot: Int = 5, query: Int = 15, episodes: Int = 600, seed: UInt64 = 0) {
    self.way = way
    self.shot = shot
    self.query = query
    self.episodes = episodes
    self.seed = seed
  }
}

/// Sampled episodes: `indices[e][k]` lists the `shot + query` sample indices of episode `e`'s
/// `k`-th class, support first (the layout of `fewshot_episodes.npy`, `(E, W, S+Q)`).
public struct FewShotEpisodes: Hashable, Sendable {
  /// `[episode][class position][shot + query]` indices into the feature rows.
  public var indices: [[[Int]]]
  /// Support samples per class; the remaining indices of each class are queries.
  public var shot: Int

  /// Wraps sampled or loaded episodes.
  ///
  /// - Parameters:
  ///   - indices: `[episode][class position][shot + query]` sample indices, support first.
  ///   - shot: Support samples per class.
  public init(indices: [[[Int]]], shot: Int) {
    self.indices = indices
    self.shot = shot
  }
}

/// The outcome of a few-shot evaluation.
public struct FewShotResult: Hashable, Sendable {
  /// Accuracy of each episode, in [0, 1].
  public var episodeAccuracies: [Double]
  /// The mean episode accuracy.
  public var mean: Double
  /// The population standard deviation (numpy `std`, ddof 0) of the episode accuracies.
  public var standardDeviation: Double
  /// The 95% half-width `1.96 · std / √episodes`.
  public var confidence95: Double
}

/// Prototype (nearest-centroid) few-shot evaluation (a namespace).
public enum FewShot {
  /// Samples episodes exactly as `fewshot_numpy.py`'s `sample_episodes`:
  /// `rng = default_rng(seed)`; per episode `classes = rng.choice(C, way, replace=False)` with
  /// `C = max(labels) + 1`, then per class `rng.choice(indices_of_class, shot + query,
  /// replace=False)` where `indices_of_class` is ascending.
  ///
  /// - Parameters:
  ///   - labels: One class index per sample.
  ///   - config: Episode settings.
  /// - Returns: The episodes.
  /// - Throws: ``EvalError`` when there are fewer classes than `way` or a class is too small.
  public static func sampleEpisodes(
    labels: [Int], config: FewShotConfig
  ) throws(EvalError) -> FewShotEpisodes {
    try validate(config)
    let classCount = (labels.max() ?? -1) + 1
    guard classCount >= config.way else {
      throw .tooFewClasses(way: config.way, classCount: classCount)
    }
    var byClass = [[Int]](repeating: [], count: classCount)
    for (i, label) in labels.enumerated() {
      guard label >= 0 else { throw .labelOutOfRange(label: label, classCount: classCount) }
      byClass[label].append(i)
    }
    var rng = NumpyGenerator(seed: config.seed)
    var episodes: [[[Int]]] = []
    episodes.reserveCapacity(config.episodes)
    let perClass = config.shot + config.query
    for _ in 0..<config.episodes {
      let classes = rng.choiceWithoutReplacement(population: classCount, count: config.way)
      var episode: [[Int]] = []
      for c in classes {
        guard byClass[c].count >= perClass else {
          throw .classTooSmall(label: c, count: byClass[c].count, needed: perClass)
        }
        let picks = rng.choiceWithoutReplacement(population: byClass[c].count, count: perClass)
        episode.append(picks.map { byClass[c][$0] })
      }
      episodes.append(episode)
    }
    return FewShotEpisodes(indices: episodes, shot: config.shot)
  }

  /// Samples episodes with ``sampleEpisodes(labels:config:)`` and evaluates them.
  ///
  /// - Parameters:
  ///   - features: `[n, d]` raw features (no normalisation, as the seed code).
  ///   - labels: `n` class indices.
  ///   - config: Episode settings.
  /// - Returns: Per-episode accuracies, mean and 95% interval.
  /// - Throws: ``EvalError`` for bad shapes or too-small classes.
  public static func evaluate(
    features: FeatureMatrix, labels: [Int], config: FewShotConfig
  ) throws(EvalError) -> FewShotResult {
    guard labels.count == features.rows else {
      throw .sizeMismatch(what: "few-shot labels", expected: features.rows, actual: labels.count)
    }
    let episodes = try sampleEpisodes(labels: labels, config: config)
    return try evaluate(features: features, episodes: episodes)
  }

  /// Evaluates given episodes (for example `fewshot_episodes.npy`).
  ///
  /// - Parameters:
  ///   - features: `[n, d]` raw features.
  ///   - episodes: The episodes; every class of an episode must have the same length.
  /// - Returns: Per-episode accuracies, mean and 95% interval.
  /// - Throws: ``EvalError`` for out-of-range indices or ragged episodes.
  public static func evaluate(
    features: FeatureMatrix, episodes: FewShotEpisodes
  ) throws(EvalError) -> FewShotResult {
    let shot = episodes.shot
    for episode in episodes.indices {
      for members in episode {
        guard members.count > shot, members.count == episode[0].count else {
          throw .sizeMismatch(
            what: "episode class size", expected: episode[0].count, actual: members.count)
        }
        for i in members where i < 0 || i >= features.rows {
          throw .sizeMismatch(what: "episode index bound", expected: features.rows, actual: i)
        }
      }
    }
    var accuracies = [Double](repeating: 0, count: episodes.indices.count)
    features.values.withUnsafeBufferPointer { x in
      accuracies.withUnsafeMutableBufferPointer { out in
        Parallel.forEachChunk(count: episodes.indices.count, minChunk: 8) { range in
          for e in range {
            out[e] = episodeAccuracy(x, columns: features.columns, episodes.indices[e], shot: shot)
          }
        }
      }
    }
    return summarize(accuracies)
  }

  /// Mean, population std and `1.96·std/√n` of episode accuracies.
  ///
  /// - Parameter accuracies: Per-episode accuracies.
  /// - Returns: The summary (NaNs for an empty list).
  public static func summarize(_ accuracies: [Double]) -> FewShotResult {
    let n = Double(accuracies.count)
    let mean = accuracies.reduce(0, +) / n
    let variance = accuracies.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
    let std = variance.squareRoot()
    return FewShotResult(
      episodeAccuracies: accuracies, mean: mean, standardDeviation: std,
      confidence95: 1.96 * std / n.squareRoot())
  }

  // MARK: - Internals

  private static func validate(_ config: FewShotConfig) throws(EvalError) {
    for (name, value) in [("way", config.way), ("shot", config.shot), ("query", config.query)]
    where value < 1 {
      throw .invalidParameter(name: name, value: Double(value), reason: "must be ≥ 1")
    }
    guard config.episodes >= 1 else {
      throw .invalidParameter(name: "episodes", value: Double(config.episodes), reason: "≥ 1")
    }
  }

  /// One episode: prototypes in Double, then argmin of ‖c‖² − 2·q·c per query.
  private static func episodeAccuracy(
    _ x: UnsafeBufferPointer<Float>, columns d: Int, _ episode: [[Int]], shot: Int
  ) -> Double {
    let way = episode.count
    var prototypes = [Double](repeating: 0, count: way * d)
    var norms = [Double](repeating: 0, count: way)
    var correct = 0
    var total = 0
    prototypes.withUnsafeMutableBufferPointer { proto in
      for k in 0..<way {
        let c = proto.baseAddress.map { $0 + k * d }
        guard let c else { continue }
        for s in 0..<shot { accumulate(x, from: episode[k][s] * d, into: c, count: d) }
        var norm = 0.0
        for j in 0..<d {
          c[j] /= Double(shot)
          norm += c[j] * c[j]
        }
        norms[k] = norm
      }
      for truth in 0..<way {
        for q in shot..<episode[truth].count {
          let row = episode[truth][q] * d
          var best = 0
          var bestDistance = Double.infinity
          for k in 0..<way {
            let distance = norms[k] - 2 * dot(x, from: row, proto, from: k * d, count: d)
            if distance < bestDistance {
              bestDistance = distance
              best = k
            }
          }
          if best == truth { correct += 1 }
          total += 1
        }
      }
    }
    return Double(correct) / Double(total)
  }

  /// `c[j] += Double(x[a + j])` for `j < count`, eight floats per load (a plain loop stays
  /// scalar: the compiler cannot rule out that `c` and `x` overlap). Same sums, same order.
  @inline(__always)
  private static func accumulate(
    _ x: UnsafeBufferPointer<Float>, from a: Int, into c: UnsafeMutablePointer<Double>,
    count: Int
  ) {
    guard let px = x.baseAddress else { return }
    let u = UnsafeRawPointer(px + a)
    let v = UnsafeMutableRawPointer(c)
    var j = 0
    while j + 8 <= count {
      let f = u.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
      let lo = v.loadUnaligned(fromByteOffset: j * 8, as: SIMD4<Double>.self)
      let hi = v.loadUnaligned(fromByteOffset: j * 8 + 32, as: SIMD4<Double>.self)
      v.storeBytes(of: lo + SIMD4<Double>(f.lowHalf), toByteOffset: j * 8, as: SIMD4<Double>.self)
      v.storeBytes(
        of: hi + SIMD4<Double>(f.highHalf), toByteOffset: j * 8 + 32, as: SIMD4<Double>.self)
      j += 8
    }
    while j < count {
      c[j] += Double(px[a + j])
      j += 1
    }
  }

  /// `Σ_j Double(x[a + j])·c[b + j]` with four SIMD4<Double> accumulators: independent partial
  /// sums let the loop vectorise (a single running sum would serialise on its adds). The floats
  /// are read eight at a time and widened by halves (one vector load instead of scalar inserts).
  @inline(__always)
  private static func dot(
    _ x: UnsafeBufferPointer<Float>, from a: Int, _ c: UnsafeMutableBufferPointer<Double>,
    from b: Int, count: Int
  ) -> Double {
    guard let px = x.baseAddress, let pc = c.baseAddress else { return 0 }
    let u = UnsafeRawPointer(px + a)
    let v = UnsafeRawPointer(pc + b)
    var s0 = SIMD4<Double>()
    var s1 = SIMD4<Double>()
    var s2 = SIMD4<Double>()
    var s3 = SIMD4<Double>()
    var j = 0
    while j + 16 <= count {
      let f0 = u.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
      let f1 = u.loadUnaligned(fromByteOffset: j * 4 + 32, as: SIMD8<Float>.self)
      s0 += SIMD4<Double>(f0.lowHalf)
        * v.loadUnaligned(fromByteOffset: j * 8, as: SIMD4<Double>.self)
      s1 += SIMD4<Double>(f0.highHalf)
        * v.loadUnaligned(fromByteOffset: j * 8 + 32, as: SIMD4<Double>.self)
      s2 += SIMD4<Double>(f1.lowHalf)
        * v.loadUnaligned(fromByteOffset: j * 8 + 64, as: SIMD4<Double>.self)
      s3 += SIMD4<Double>(f1.highHalf)
        * v.loadUnaligned(fromByteOffset: j * 8 + 96, as: SIMD4<Double>.self)
      j += 16
    }
    var sum = ((s0 + s1) + (s2 + s3)).sum()
    let tail = px + a
    while j < count {
      sum += Double(tail[j]) * pc[b + j]
      j += 1
    }
    return sum
  }
}
