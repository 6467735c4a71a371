// Copyright © 2026 the ssl authors.

/// The classification scores of the linear protocols (a namespace). All return fractions in
/// [0, 1]; the seed code prints them × 100.
public enum ClassificationMetrics {
  /// Which number a dataset reports (spec §3).
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// Top-1 accuracy (`clf.score`).
    case accuracy
    /// Mean per-class accuracy: the mean over classes of the confusion-matrix diagonal divided
    /// by its row sum (Aircraft, Caltech101, Flowers, Pets in the seed code).
    case meanPerClassAccuracy
  }

  /// Top-1 accuracy: the fraction of `predictions[i] == labels[i]`.
  ///
  /// - Parameters:
  ///   - predictions: Predicted classes.
  ///   - labels: True classes, the same length.
  /// - Returns: The accuracy (NaN for no samples).
  public static func accuracy(predictions: [Int], labels: [Int]) -> Double {
    precondition(predictions.count == labels.count, "accuracy: length mismatch")
    let correct = zip(predictions, labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
    return Double(correct) / Double(labels.count)
  }

  /// The confusion matrix `M[t][p]` = number of samples of true class `t` predicted `p`.
  ///
  /// - Parameters:
  ///   - predictions: Predicted classes in `0..<classCount`.
  ///   - labels: True classes in `0..<classCount`.
  ///   - classCount: The number of classes.
  /// - Returns: `classCount × classCount` counts.
  public static func confusionMatrix(
    predictions: [Int], labels: [Int], classCount: Int
  ) -> [[Int]] {
    precondition(predictions.count == labels.count, "confusion: length mismatch")
    var m = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
    for (p, t) in zip(predictions, labels) { m[t][p] += 1 }
    return m
  }

  /// Mean per-class accuracy: `(1/K)·Σ_t M[t][t] / Σ_p M[t][p]` over the classes present in
  /// `labels`. sklearn's `confusion_matrix` only has rows for labels that occur in either
  /// input; a class that is predicted but never true gives a 0/0 row there, which the seed
  /// code turns into NaN. Here such rows are skipped instead (documented deviation).
  ///
  /// - Parameters:
  ///   - predictions: Predicted classes.
  ///   - labels: True classes.
  ///   - classCount: The number of classes.
  /// - Returns: The mean of the per-class recalls.
  public static func meanPerClassAccuracy(
    predictions: [Int], labels: [Int], classCount: Int
  ) -> Double {
    let m = confusionMatrix(predictions: predictions, labels: labels, classCount: classCount)
    var sum = 0.0
    var classes = 0
    for t in 0..<classCount {
      let total = m[t].reduce(0, +)
      guard total > 0 else { continue }
      sum += Double(m[t][t]) / Double(total)
      classes += 1
    }
    return sum / Double(classes)
  }

  /// Scores predictions with the given metric.
  ///
  /// - Parameters:
  ///   - kind: The metric.
  ///   - predictions: Predicted classes.
  ///   - labels: True classes.
  ///   - classCount: The number of classes.
  /// - Returns: The score in [0, 1].
  public static func score(
    _ kind: Kind, predictions: [Int], labels: [Int], classCount: Int
  ) -> Double {
    switch kind {
    case .accuracy: accuracy(predictions: predictions, labels: labels)
    case .meanPerClassAccuracy:
      meanPerClassAccuracy(predictions: predictions, labels: labels, classCount: classCount)
    }
  }
}
