// Copyright © 2026 the ssl authors.

/// K-fold splits identical to sklearn's `KFold(n_splits, shuffle=True, random_state=seed)`.
///
/// The invariance paper's code uses `KFold(5, shuffle=True)` with no `random_state`, so its
/// folds differ run to run. Here the seed is explicit (default 0) and the split is exactly
/// sklearn's for that seed: `indices = RandomState(seed).shuffle(arange(n))`; the first
/// `n mod k` folds hold `n/k + 1` samples and the rest `n/k`; fold i's test set is the i-th
/// contiguous chunk of the shuffled indices and its train set is every other index; both are
/// returned ascending, as sklearn's masks return them.
public struct KFold: Hashable, Sendable {
  /// One split.
  public struct Split: Hashable, Sendable {
    /// Training indices, ascending.
    public var train: [Int]
    /// Test indices, ascending.
    public var test: [Int]
  }

  /// The splits, one per fold.
  public var splits: [Split]

  /// Splits `0..<count` into `folds` folds.
  ///
  /// - Parameters:
  ///   - count: The number of samples.
  ///   - folds: The number of folds (default 5).
  ///   - seed: sklearn's `random_state` (default 0).
  /// - Throws: ``EvalError/tooFewSamples(what:count:needed:)`` when `count < folds` or
  ///   `folds < 2`.
  public init(count: Int, folds: Int = 5, seed: UInt32 = 0) throws(EvalError) {
    guard folds >= 2, count >= folds else {
      throw .tooFewSamples(what: "\(folds)-fold split", count: count, needed: max(folds, 2))
    }
    var rng = NumpyRandomState(seed: seed)
    let order = rng.permutation(count)
    var splits: [Split] = []
    var start = 0
    for fold in 0..<folds {
      let size = count / folds + (fold < count % folds ? 1 : 0)
      let test = order[start..<(start + size)].sorted()
      var inTest = [Bool](repeating: false, count: count)
      for i in test { inTest[i] = true }
      splits.append(Split(train: (0..<count).filter { !inTest[$0] }, test: test))
      start += size
    }
    self.splits = splits
  }
}
