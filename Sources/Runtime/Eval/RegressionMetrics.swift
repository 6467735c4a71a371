// Copyright © 2026 the ssl authors.

/// Regression scores (a namespace).
public enum RegressionMetrics {
  /// sklearn's `r2_score(y, ŷ, multioutput='uniform_average')`, which `Ridge.score` returns.
  ///
  /// For each output j, `R²_j = 1 − Σᵢ(yᵢⱼ − ŷᵢⱼ)² / Σᵢ(yᵢⱼ − ȳⱼ)²`; an output with zero
  /// variance scores 1 when predicted exactly and 0 otherwise (sklearn's `force_finite`).
  /// The result is the plain mean over outputs.
  ///
  /// - Parameters:
  ///   - targets: `n × m` true values, row-major.
  ///   - predictions: `n × m` predictions.
  ///   - outputs: `m`.
  /// - Returns: The averaged R².
  public static func r2(targets: [Double], predictions: [Double], outputs: Int) -> Double {
    precondition(targets.count == predictions.count && outputs >= 1, "r2: shape mismatch")
    let n = targets.count / outputs
    var total = 0.0
    for j in 0..<outputs {
      var mean = 0.0
      for i in 0..<n { mean += targets[i * outputs + j] }
      mean /= Double(n)
      var residual = 0.0
      var spread = 0.0
      for i in 0..<n {
        let y = targets[i * outputs + j]
        residual += (y - predictions[i * outputs + j]) * (y - predictions[i * outputs + j])
        spread += (y - mean) * (y - mean)
      }
      if spread == 0 {
        total += residual == 0 ? 1 : 0
      } else {
        total += 1 - residual / spread
      }
    }
    return total / Double(outputs)
  }
}
