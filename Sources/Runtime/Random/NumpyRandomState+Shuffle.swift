// Copyright © 2026 the ssl authors.
//
// NOTE for Eval: numpy's legacy stream has ONE implementation, in Random/ (MT19937 +
// NumpyRandomState). KFold(shuffle=True, random_state=s) and the seed code's calibration folds
// (`np.random.seed(0)`) use `shuffle` below; do not add a second MT19937.

extension NumpyRandomState {
  /// numpy's `RandomState.shuffle` of a 1-D array: Fisher–Yates from the end, each `j` drawn
  /// by `random_interval(i)` — the same draws as ``permutation(_:)``.
  public mutating func shuffle<T>(_ items: inout [T]) {
    let order = permutation(items.count)
    // permutation(n) applies the same swaps to arange(n), so gathering by it reproduces the
    // in-place shuffle.
    items = order.map { items[$0] }
  }
}
