// Copyright © 2026 the ssl authors.
//
// Splits of a feature file (`data x from="f.npz"`) by the same rules as image datasets
// (protocols.md §2): rows coded val form the validation split; without any, the first 20% of
// a numpy seed-0 permutation of the train rows do (``DatasetSplitRule``). trainval is train
// then val, and `all` (the few-shot pool) is trainval then test.

extension FeatureSet {
  /// The rows of `split`, or nil when the file does not have it (no split array: only
  /// `.all`; no test rows: no `.test`).
  public func resolvedRows(_ split: DatasetSplit) -> FeatureSet? {
    guard let splits else { return split == .all ? self : nil }
    let train = splits.indices.filter { splits[$0] == .train }
    var val = splits.indices.filter { splits[$0] == .val }
    let test = splits.indices.filter { splits[$0] == .test }
    var fit = train
    var trainval = train + val
    if val.isEmpty {
      let (v, t) = DatasetSplitRule.seedZeroValidation(count: train.count)
      val = v.map { train[$0] }
      fit = t.map { train[$0] }
      trainval = train
    }
    let rows: [Int]
    switch split {
    case .train: rows = fit
    case .val: rows = val
    case .trainval: rows = trainval
    case .test: rows = test
    case .all: rows = trainval + test
    }
    guard !rows.isEmpty else { return nil }
    return selecting(rows)
  }

  /// The rows at `indices`, in that order.
  public func selecting(_ indices: [Int]) -> FeatureSet {
    var picked: [Float] = []
    picked.reserveCapacity(indices.count * columns)
    for r in indices { picked += values[(r * columns)..<((r + 1) * columns)] }
    return FeatureSet(
      rows: indices.count, columns: columns, values: picked, labels: indices.map { labels[$0] },
      splits: splits.map { s in indices.map { s[$0] } })
  }
}

extension FeatureSet {
  /// SHA-256 of the shape, values (float32 little-endian), labels and split codes: the
  /// identity of features brought from elsewhere, whatever container they came in.
  public var contentHash: String {
    var hash = SHA256()
    hash.update("\(rows)x\(columns)")
    values.withUnsafeBytes { hash.update($0) }
    hash.update(labels.map(String.init).joined(separator: ","))
    if let splits { hash.update(splits.map(\.rawValue).joined(separator: ",")) }
    return hash.hexDigest()
  }
}
