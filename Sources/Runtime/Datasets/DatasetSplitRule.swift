// Copyright © 2026 the ssl authors.
//
// protocols.md §2, "Split rule when there is no official validation set": the seed code
// shuffles `list(range(N))` once after `np.random.seed(0)` (legacy `shuffle` = the same
// Fisher–Yates draws as `permutation`), the first floor(0.2·N) indices are validation and the
// rest train, both in permuted order; trainval is the whole train split. With an official
// validation split (Aircraft, DTD, Flowers, VOC2007), trainval is train followed by val.
// The few-shot pool (`all`) is train, validation and test merged.

/// Derives every ``DatasetSplit`` from the splits a layout's files define.
public enum DatasetSplitRule {
  /// The seed code's validation fraction.
  public static let validationFraction = 0.2

  /// The seed-0 validation indices (first `floor(0.2·count)` of the permutation) and the rest.
  public static func seedZeroValidation(count: Int) -> (validation: [Int], train: [Int]) {
    var rng = NumpyRandomState(seed: 0)
    let order = rng.permutation(count)
    let cut = Int((validationFraction * Double(count)).rounded(.down))
    return (Array(order[..<cut]), Array(order[cut...]))
  }

  /// Resolves the official splits (`train`, optional `val`, `test`, or only `all`).
  static func resolve(_ official: [DatasetSplit: [DatasetSample]]) -> [DatasetSplit:
    [DatasetSample]]
  {
    guard let train = official[.train] else {
      return official[.all].map { [.all: $0] } ?? [:]
    }
    let test = official[.test] ?? []
    var out: [DatasetSplit: [DatasetSample]] = [.test: test]
    if let val = official[.val] {
      out[.train] = train
      out[.val] = val
      out[.trainval] = train + val
    } else {
      let (v, t) = seedZeroValidation(count: train.count)
      out[.val] = v.map { train[$0] }
      out[.train] = t.map { train[$0] }
      out[.trainval] = train
    }
    out[.all] = (out[.trainval] ?? []) + test
    if official[.test] == nil { out[.test] = nil }
    return out
  }
}
