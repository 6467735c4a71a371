// Copyright © 2026 the ssl authors.

import Foundation

/// Row-wise softmax and argmax on row-major `[n, K]` score matrices (a namespace).
public enum Softmax {
  /// `softmax(zᵢ / T)` for each row: `pᵢₖ = exp((zᵢₖ − mᵢ)/T) / Σⱼ exp((zᵢⱼ − mᵢ)/T)` with
  /// `mᵢ = maxₖ zᵢₖ` subtracted first so no exponent overflows.
  ///
  /// - Parameters:
  ///   - scores: `n × K` logits, row-major.
  ///   - columns: `K` (≥ 1).
  ///   - temperature: `T > 0` (default 1).
  /// - Returns: `n × K` probabilities, each row summing to 1.
  public static func rows(_ scores: [Double], columns: Int, temperature: Double = 1) -> [Double] {
    precondition(columns >= 1 && scores.count % columns == 0, "Softmax: bad shape")
    var out = scores
    let n = scores.count / columns
    for i in 0..<n {
      let base = i * columns
      var m = -Double.infinity
      for j in 0..<columns { m = max(m, scores[base + j]) }
      var sum = 0.0
      for j in 0..<columns {
        let e = exp((scores[base + j] - m) / temperature)
        out[base + j] = e
        sum += e
      }
      for j in 0..<columns { out[base + j] /= sum }
    }
    return out
  }

  /// The index of each row's maximum; the first one on ties (numpy `argmax`).
  ///
  /// - Parameters:
  ///   - scores: `n × K` values, row-major.
  ///   - columns: `K` (≥ 1).
  /// - Returns: `n` column indices.
  public static func argmaxRows(_ scores: [Double], columns: Int) -> [Int] {
    precondition(columns >= 1 && scores.count % columns == 0, "argmax: bad shape")
    let n = scores.count / columns
    return (0..<n).map { i in
      var best = 0
      for j in 1..<max(columns, 1) where scores[i * columns + j] > scores[i * columns + best] {
        best = j
      }
      return best
    }
  }
}
