// Copyright © 2026 the ssl authors.
//
// The invariance paper's `random` model (protocols.md §1.7): an untrained torchvision
// ResNet-50. torchvision initialises every convolution with `kaiming_normal_(mode="fan_out",
// nonlinearity="relu")`, i.e. N(0, 2 / fan_out) with fan_out = out_channels · kh · kw, and
// every batch norm with weight 1, bias 0, running mean 0, running variance 1. We draw the
// same distributions, in torchvision's module order, from numpy's legacy generator
// (`np.random.RandomState(seed).standard_normal`) so any seed is reproducible outside the
// tool; torch's own generator would give other numbers from the same distributions.

extension ResNet {
  /// The seed `load random` uses.
  public static let randomInitializationSeed: UInt32 = 0

  /// A freshly initialised backbone's state dict (no classifier).
  ///
  /// - Parameters:
  ///   - config: The architecture.
  ///   - seed: The numpy seed; convolutions draw, in module order, `fan_out`-scaled normals.
  /// - Returns: torchvision-named tensors for ``parameterShapes(_:classes:)`` without the
  ///   `num_batches_tracked` counters, as a loaded checkpoint's state dict holds them.
  public static func randomInitialization(
    _ config: ResNetConfig, seed: UInt32 = randomInitializationSeed
  ) -> StateDict {
    var random = NumpyRandomState(seed: seed)
    var state = StateDict()
    for (name, shape) in parameterShapes(config) where !name.hasSuffix("num_batches_tracked") {
      let count = Tensor.elementCount(shape)
      let scalars: [Float]
      if shape.count == 4 {
        let std = (2.0 / Double(shape[0] * shape[2] * shape[3])).squareRoot()
        scalars = (0..<count).map { _ in Float(random.standardNormal() * std) }
      } else if name.hasSuffix(".weight") || name.hasSuffix(".running_var") {
        scalars = Array(repeating: 1, count: count)
      } else {
        scalars = Array(repeating: 0, count: count)
      }
      state[name] = Tensor(shape: shape, scalars: scalars)
    }
    return state
  }
}
