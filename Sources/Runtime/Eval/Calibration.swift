// Copyright © 2026 the ssl authors.
//
// Calibration.swift — the seed code's calibration numbers (`ssl-transfer:temperature_scaling.py`
// with netcal 1.x): ECE on top-label confidence, and the 5-fold temperature-scaled ECE measured
// on the test set.
//
// ECE (netcal `ECE(bins=15)`): confidence c = max softmax probability, clipped to
// [eps, 1 − eps] (eps = 2⁻⁵²); prediction = argmax (first on ties); bin edges = numpy
// `linspace(0, 1, 16)`; a value x falls in bin b with edge_b ≤ x < edge_{b+1}, the last bin
// closed at 1 (numpy `histogramdd`). ECE = Σ_b (n_b/N)·|acc_b − conf_b| over non-empty bins.
//
// Temperature scaling (netcal `TemperatureScaling`): netcal rebuilds logits from the
// probabilities, a = log(clip(p, eps, 1 − eps)), and fits one weight w (= 1/T) of
// softmax(w·a) by scipy `minimize` (BFGS from w = 1) on the NLL. That NLL is convex in w,
// so the minimiser is unique: here it is found by safeguarded Newton on w to |f'| ≤ 1e-12
// (netcal's BFGS stops at gtol 1e-5, so the two agree to about that).
//
// 5-fold scheme: perm = `np.random.seed(seed); np.random.permutation(N)` (legacy MT19937),
// chunks of floor(N/5) (the remainder is dropped); fold i fits w on chunk i and measures ECE
// on the other four chunks; the reported number is the mean of the five ECEs.

import Foundation

/// One bin of a reliability diagram.
public struct ReliabilityBin: Hashable, Sendable {
  /// The bin's lower edge.
  public var lower: Double
  /// The bin's upper edge.
  public var upper: Double
  /// Samples whose confidence falls in the bin.
  public var count: Int
  /// Their accuracy (0 when empty).
  public var accuracy: Double
  /// Their mean confidence (0 when empty).
  public var confidence: Double
}

/// The calibration numbers of a classifier's test softmax.
public struct CalibrationResult: Hashable, Sendable {
  /// ECE of the uncalibrated probabilities, 15 bins.
  public var ece: Double
  /// The reliability diagram of the uncalibrated probabilities.
  public var bins: [ReliabilityBin]
  /// The mean over the 5 folds of the temperature-scaled ECE.
  public var temperatureScaledECE: Double
  /// The temperature T = 1/w fitted on each fold.
  public var foldTemperatures: [Double]
  /// The ECE on the held-out four chunks of each fold.
  public var foldECEs: [Double]
}

/// ECE, temperature scaling and the seed code's 5-fold scheme (a namespace).
public enum Calibration {
  private static let eps = Double.ulpOfOne

  /// The reliability bins and ECE of probabilities `[n, K]` against labels.
  ///
  /// - Parameters:
  ///   - probabilities: `n × K` row-major class probabilities.
  ///   - labels: `n` true classes.
  ///   - binCount: Equal-width bins over [0, 1] (default 15).
  /// - Returns: `(ece, bins)`.
  public static func expectedCalibrationError(
    probabilities: [Double], labels: [Int], binCount: Int = 15
  ) -> (ece: Double, bins: [ReliabilityBin]) {
    let n = labels.count
    precondition(n > 0 && probabilities.count % n == 0, "ECE: bad shape")
    let k = probabilities.count / n
    // numpy linspace(0, 1, B+1): i·step for i < B, then exactly 1.
    let step = 1 / Double(binCount)
    let edges = (0...binCount).map { $0 == binCount ? 1.0 : Double($0) * step }
    var counts = [Int](repeating: 0, count: binCount)
    var hits = [Double](repeating: 0, count: binCount)
    var confidence = [Double](repeating: 0, count: binCount)
    let predictions = Softmax.argmaxRows(probabilities, columns: k)
    for i in 0..<n {
      let c = min(max(probabilities[i * k + predictions[i]], eps), 1 - eps)
      var b = binCount - 1
      while b > 0 && c < edges[b] { b -= 1 }
      counts[b] += 1
      hits[b] += predictions[i] == labels[i] ? 1 : 0
      confidence[b] += c
    }
    var ece = 0.0
    var bins: [ReliabilityBin] = []
    for b in 0..<binCount {
      let m = Double(counts[b])
      let acc = counts[b] > 0 ? hits[b] / m : 0
      let conf = counts[b] > 0 ? confidence[b] / m : 0
      ece += m / Double(n) * abs(acc - conf)
      bins.append(
        ReliabilityBin(
          lower: edges[b], upper: edges[b + 1], count: counts[b], accuracy: acc,
          confidence: conf))
    }
    return (ece, bins)
  }

  /// Fits netcal's temperature: `T = 1/w` with `w = argmin NLL(softmax(w·log clip(p)))`.
  ///
  /// - Parameters:
  ///   - probabilities: `n × K` probabilities (the uncalibrated softmax).
  ///   - labels: `n` true classes.
  /// - Returns: The temperature `T`.
  public static func fitTemperature(probabilities: [Double], labels: [Int]) -> Double {
    let a = probabilities.map { log(min(max($0, eps), 1 - eps)) }
    let n = labels.count
    let k = probabilities.count / max(n, 1)
    // f(w) = mean_i [lse(w·aᵢ) − w·aᵢ,yᵢ]; f' = mean(E_p[a] − a_y); f'' = mean(Var_p[a]) ≥ 0.
    func derivatives(_ w: Double) -> (f: Double, g: Double, h: Double) {
      var f = 0.0
      var g = 0.0
      var h = 0.0
      for i in 0..<n {
        var m = -Double.infinity
        for j in 0..<k { m = max(m, w * a[i * k + j]) }
        var sum = 0.0
        var mean = 0.0
        var second = 0.0
        for j in 0..<k {
          let e = exp(w * a[i * k + j] - m)
          sum += e
          mean += e * a[i * k + j]
          second += e * a[i * k + j] * a[i * k + j]
        }
        mean /= sum
        second /= sum
        f += m + log(sum) - w * a[i * k + labels[i]]
        g += mean - a[i * k + labels[i]]
        h += max(second - mean * mean, 0)
      }
      return (f / Double(n), g / Double(n), h / Double(n))
    }
    var w = 1.0
    var current = derivatives(w)
    for _ in 0..<100 {
      if abs(current.g) <= 1e-12 { break }
      var delta = current.h > 0 ? -current.g / current.h : -current.g
      // Backtrack until f decreases (Newton is exact near the optimum, f is convex).
      var accepted = false
      for _ in 0..<60 {
        let trial = derivatives(w + delta)
        if trial.f.isFinite && trial.f <= current.f {
          w += delta
          current = trial
          accepted = true
          break
        }
        delta *= 0.5
      }
      if !accepted { break }
    }
    return 1 / w
  }

  /// The seed code's calibration report on test logits.
  ///
  /// - Parameters:
  ///   - logits: `n × K` `decision_function` outputs on the test set.
  ///   - labels: `n` true classes.
  ///   - binCount: ECE bins (default 15).
  ///   - folds: Number of chunks (default 5).
  ///   - seed: `np.random.seed` for the shuffle (default 0).
  /// - Returns: ECE, bins, and the fold-averaged temperature-scaled ECE.
  /// - Throws: ``EvalError`` when there are fewer samples than folds or shapes disagree.
  public static func evaluate(
    logits: [Double], labels: [Int], binCount: Int = 15, folds: Int = 5, seed: UInt32 = 0
  ) throws(EvalError) -> CalibrationResult {
    let n = labels.count
    guard n >= folds, folds >= 2 else {
      throw .tooFewSamples(what: "calibration", count: n, needed: max(folds, 2))
    }
    guard logits.count % n == 0, logits.count > 0 else {
      throw .sizeMismatch(what: "calibration logits", expected: n, actual: logits.count)
    }
    let k = logits.count / n
    let probabilities = Softmax.rows(logits, columns: k)
    let (ece, bins) = expectedCalibrationError(
      probabilities: probabilities, labels: labels, binCount: binCount)
    var rng = NumpyRandomState(seed: seed)
    let permutation = rng.permutation(n)
    let chunk = n / folds
    var temperatures: [Double] = []
    var foldECEs: [Double] = []
    func rows(_ indices: [Int]) -> ([Double], [Int]) {
      var p: [Double] = []
      p.reserveCapacity(indices.count * k)
      for i in indices { p.append(contentsOf: probabilities[(i * k)..<((i + 1) * k)]) }
      return (p, indices.map { labels[$0] })
    }
    for fold in 0..<folds {
      let fitIndices = Array(permutation[(fold * chunk)..<((fold + 1) * chunk)])
      var heldOut: [Int] = []
      for other in 0..<folds where other != fold {
        heldOut.append(contentsOf: permutation[(other * chunk)..<((other + 1) * chunk)])
      }
      let (fitP, fitY) = rows(fitIndices)
      let t = fitTemperature(probabilities: fitP, labels: fitY)
      let (testP, testY) = rows(heldOut)
      // netcal's transform: softmax(w·log clip(p)) with w = 1/T.
      let scaled = Softmax.rows(
        testP.map { log(min(max($0, eps), 1 - eps)) }, columns: k, temperature: t)
      temperatures.append(t)
      foldECEs.append(
        expectedCalibrationError(probabilities: scaled, labels: testY, binCount: binCount).ece)
    }
    return CalibrationResult(
      ece: ece, bins: bins, temperatureScaledECE: foldECEs.reduce(0, +) / Double(folds),
      foldTemperatures: temperatures, foldECEs: foldECEs)
  }
}
