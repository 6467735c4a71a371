// Copyright © 2026 the ssl authors.

import Foundation

/// The invariance measures of §8.2, §8.3 and §8.6 on whitened or raw features.
public enum InvarianceMeasures {
  /// Cosine similarity a·b / (‖a‖‖b‖); NaN when either vector is zero (as torch would give 0/0).
  public static func cosine(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "cosine: lengths \(a.count) and \(b.count)")
    var dot = 0.0
    var na = 0.0
    var nb = 0.0
    for i in a.indices {
      dot += a[i] * b[i]
      na += a[i] * a[i]
      nb += b[i] * b[i]
    }
    return dot / (na.squareRoot() * nb.squareRoot())
  }

  /// Euclidean distance ‖a − b‖.
  public static func distance(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "distance: lengths \(a.count) and \(b.count)")
    var total = 0.0
    for i in a.indices {
      let delta = a[i] - b[i]
      total += delta * delta
    }
    return total.squareRoot()
  }

  // MARK: - Synthetic (§8.2)

  /// L (Mahalanobis distance) and S (whitened cosine) for each image between its clean feature
  /// and one transformed feature.
  ///
  /// - Parameters:
  ///   - clean: [N, d], one clean feature per image.
  ///   - transformed: [N, d], the same images under one transform setting.
  /// - Returns: per-image distances and similarities.
  public static func syntheticPairs(
    clean: FeatureMatrix, transformed: FeatureMatrix, whitening: Whitening
  ) throws(InvarianceError) -> (distance: [Double], similarity: [Double]) {
    guard clean.rows == transformed.rows else {
      throw .rowCountMismatch(expected: clean.rows, found: transformed.rows)
    }
    let zClean = try whitening.whiten(clean)
    let zMoved = try whitening.whiten(transformed)
    var distances = [Double]()
    var similarities = [Double]()
    for i in 0..<clean.rows {
      // ‖z(a) − z(b)‖ = ‖(b − a)·L‖ = sqrt((a − b)ᵀ L Lᵀ (a − b)) = Mahalanobis with P.
      distances.append(distance(zClean[i], zMoved[i]))
      similarities.append(cosine(zClean[i], zMoved[i]))
    }
    return (distances, similarities)
  }

  /// `np.nanmean`: the mean of the non-NaN values (NaN when there are none).
  public static func nanMean(_ values: [Double]) -> Double {
    let kept = values.filter { !$0.isNaN }
    return kept.isEmpty ? .nan : kept.reduce(0, +) / Double(kept.count)
  }

  // MARK: - Real world (§8.3)

  /// S and L of one group of views: the mean of the k×k whitened cosine matrix (diagonal
  /// included) and the mean whitened distance over unordered pairs i < j (`pdist`).
  ///
  /// - Throws: ``InvarianceError/groupTooSmall(group:count:minimum:)`` with fewer than 2 views.
  public static func realWorldGroup(
    name: String, views: FeatureMatrix, whitening: Whitening
  ) throws(InvarianceError) -> (similarity: Double, distance: Double) {
    guard views.rows >= 2 else { throw .groupTooSmall(group: name, count: views.rows, minimum: 2) }
    let z = try whitening.whiten(views)
    let k = z.count
    var cosineSum = 0.0
    var distanceSum = 0.0
    for i in 0..<k {
      for j in 0..<k {
        cosineSum += cosine(z[i], z[j])
        if j > i { distanceSum += distance(z[i], z[j]) }
      }
    }
    return (cosineSum / Double(k * k), distanceSum / Double(k * (k - 1) / 2))
  }

  // MARK: - Alignment and uniformity (§8.6, Wang & Isola 2020)

  /// align = mean over positive pairs (row i of `x` with row i of `y`) of ‖x̂ − ŷ‖², on
  /// L2-normalised rows.
  public static func alignment(_ x: FeatureMatrix, _ y: FeatureMatrix) throws(InvarianceError) -> Double {
    guard x.rows == y.rows else { throw .rowCountMismatch(expected: x.rows, found: y.rows) }
    guard x.columns == y.columns else { throw .dimensionMismatch(expected: x.columns, found: y.columns) }
    guard x.rows >= 1 else { throw .groupTooSmall(group: "alignment pairs", count: 0, minimum: 1) }
    let a = normalisedRows(x)
    let b = normalisedRows(y)
    var total = 0.0
    for i in a.indices {
      let d = distance(a[i], b[i])
      total += d * d
    }
    return total / Double(a.count)
  }

  /// uniform = log mean over pairs i < j of exp(−2‖x̂ᵢ − x̂ⱼ‖²), on L2-normalised rows.
  public static func uniformity(_ x: FeatureMatrix) throws(InvarianceError) -> Double {
    guard x.rows >= 2 else { throw .groupTooSmall(group: "uniformity sample", count: x.rows, minimum: 2) }
    let a = normalisedRows(x)
    // log-mean-exp, shifted by the largest exponent for stability.
    var exponents = [Double]()
    exponents.reserveCapacity(a.count * (a.count - 1) / 2)
    for i in 0..<a.count {
      for j in (i + 1)..<a.count {
        let d = distance(a[i], a[j])
        exponents.append(-2 * d * d)
      }
    }
    let top = exponents.max() ?? 0
    let sum = exponents.reduce(0) { $0 + Foundation.exp($1 - top) }
    return top + Foundation.log(sum / Double(exponents.count))
  }

  static func normalisedRows(_ x: FeatureMatrix) -> [[Double]] {
    (0..<x.rows).map { row in
      let v = (0..<x.columns).map { Double(x.values[row * x.columns + $0]) }
      let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return norm > 0 ? v.map { $0 / norm } : v
    }
  }
}
