// Copyright © 2026 the ssl authors.

/// VOC2007's 11-point interpolated average precision (a namespace).
public enum AveragePrecision {
  /// The precision–recall points of sklearn's `precision_recall_curve`: one point per
  /// distinct score threshold (scores ≥ threshold are positive), plus sklearn's final point
  /// (recall 0, precision 1).
  ///
  /// - Parameters:
  ///   - scores: A decision score per sample.
  ///   - positives: Whether each sample is positive.
  /// - Returns: `(precision, recall)` pairs.
  public static func precisionRecallCurve(
    scores: [Double], positives: [Bool]
  ) -> [(precision: Double, recall: Double)] {
    precondition(scores.count == positives.count, "precisionRecallCurve: length mismatch")
    let totalPositives = positives.reduce(0) { $0 + ($1 ? 1 : 0) }
    let order = scores.indices.sorted { scores[$0] > scores[$1] }
    var points: [(precision: Double, recall: Double)] = []
    var tp = 0
    var fp = 0
    var i = 0
    while i < order.count {
      let threshold = scores[order[i]]
      while i < order.count && scores[order[i]] == threshold {
        if positives[order[i]] { tp += 1 } else { fp += 1 }
        i += 1
      }
      let recall = totalPositives > 0 ? Double(tp) / Double(totalPositives) : .nan
      points.append((Double(tp) / Double(tp + fp), recall))
    }
    points.append((1, 0))
    return points
  }

  /// 11-point AP: `(1/11)·Σ_{t ∈ {0, 0.1, …, 1}} max{precision : recall ≥ t}` (0 when no
  /// point reaches recall t). With sklearn's final (recall 0, precision 1) point, p(0) = 1.
  ///
  /// - Parameters:
  ///   - scores: A decision score per sample.
  ///   - positives: Whether each sample is positive.
  /// - Returns: The AP in [0, 1].
  public static func elevenPoint(scores: [Double], positives: [Bool]) -> Double {
    let points = precisionRecallCurve(scores: scores, positives: positives)
    var sum = 0.0
    for step in 0...10 {
      let t = Double(step) / 10
      var best = 0.0
      for p in points where p.recall >= t { best = max(best, p.precision) }
      sum += best
    }
    return sum / 11
  }
}
