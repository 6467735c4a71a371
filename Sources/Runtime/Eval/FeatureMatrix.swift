// Copyright © 2026 the ssl authors.

/// A dense, row-major `[rows, columns]` matrix of float32 features: one row per sample.
///
/// This is the input of every evaluation protocol (linear probe, few-shot, kNN, ridge). It
/// is a plain value type so the protocols stay pure functions of their inputs; the feature
/// cache and the language layer convert their tensors into it.
public struct FeatureMatrix: Hashable, Sendable {
  /// The number of samples.
  public let rows: Int
  /// The feature dimension.
  public let columns: Int
  /// `rows × columns` values, row-major: sample `i` is `values[i*columns ..< (i+1)*columns]`.
  public let values: [Float]

  /// Creates a matrix from row-major values.
  ///
  /// - Parameters:
  ///   - rows: The number of samples, ≥ 0.
  ///   - columns: The feature dimension, ≥ 0.
  ///   - values: `rows × columns` values in row-major order.
  /// - Throws: ``EvalError/badFeatureShape(rows:columns:count:)`` when the count is wrong.
  public init(rows: Int, columns: Int, values: [Float]) throws(EvalError) {
    guard rows >= 0, columns >= 0, values.count == rows * columns else {
      throw .badFeatureShape(rows: rows, columns: columns, count: values.count)
    }
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// Creates a matrix from checked parts (internal: callers have validated the count).
  init(checkedRows rows: Int, columns: Int, values: [Float]) {
    precondition(values.count == rows * columns, "FeatureMatrix: bad internal shape")
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// The rows at `indices`, in that order (repeats allowed).
  ///
  /// - Parameter indices: Row indices in `0..<rows`.
  /// - Returns: A `[indices.count, columns]` matrix.
  public func selectingRows(_ indices: [Int]) -> FeatureMatrix {
    var out = [Float]()
    out.reserveCapacity(indices.count * columns)
    for i in indices {
      precondition(i >= 0 && i < rows, "selectingRows: index \(i) outside 0..<\(rows)")
      out.append(contentsOf: values[(i * columns)..<((i + 1) * columns)])
    }
    return FeatureMatrix(checkedRows: indices.count, columns: columns, values: out)
  }

  /// This matrix with `other`'s rows appended below (train + val → trainval).
  ///
  /// - Parameter other: A matrix with the same column count.
  /// - Returns: A `[rows + other.rows, columns]` matrix.
  /// - Throws: ``EvalError/sizeMismatch(what:expected:actual:)`` when the widths differ.
  public func appendingRows(_ other: FeatureMatrix) throws(EvalError) -> FeatureMatrix {
    guard other.columns == columns else {
      throw .sizeMismatch(what: "appended feature width", expected: columns, actual: other.columns)
    }
    return FeatureMatrix(
      checkedRows: rows + other.rows, columns: columns, values: values + other.values)
  }

  /// Checks that `labels` has one entry per row, each in `0..<classCount`.
  func validate(labels: [Int], classCount: Int, what: String) throws(EvalError) {
    guard labels.count == rows else {
      throw .sizeMismatch(what: "\(what) labels", expected: rows, actual: labels.count)
    }
    for label in labels where label < 0 || label >= classCount {
      throw .labelOutOfRange(label: label, classCount: classCount)
    }
  }
}
