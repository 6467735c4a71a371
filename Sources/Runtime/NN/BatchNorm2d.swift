// Copyright © 2026 the ssl authors.

/// Eval-mode batch-norm parameters, as `torch.nn.BatchNorm2d` stores them.
///
/// Never run on its own: ``ConvBatchNorm2d`` folds it into the preceding convolution at load
/// time, so inference pays nothing for it.
public struct BatchNorm2d: Sendable {
  /// γ, `weight` [C].
  public let weight: Tensor
  /// β, `bias` [C].
  public let bias: Tensor
  /// μ, `running_mean` [C].
  public let runningMean: Tensor
  /// σ², `running_var` [C].
  public let runningVar: Tensor
  /// ε added to σ² (PyTorch's default 1e-5).
  public let epsilon: Double

  /// Takes `weight`, `bias`, `running_mean`, `running_var` (and marks `num_batches_tracked`
  /// used) from `scope`.
  ///
  /// - Parameters:
  ///   - scope: The scope of the BN module, for example `layer1.0.bn1`.
  ///   - channels: The number of channels C.
  ///   - epsilon: ε; PyTorch's default is 1e-5.
  /// - Throws: ``ParameterError`` naming the first missing or misshapen tensor, or a negative
  ///   running variance.
  public init(
    scope: ParameterScope, channels: Int, epsilon: Double = 1e-5
  ) throws(ParameterError) {
    weight = try scope.tensor("weight", shape: [channels])
    bias = try scope.tensor("bias", shape: [channels])
    runningMean = try scope.tensor("running_mean", shape: [channels])
    runningVar = try scope.tensor("running_var", shape: [channels])
    scope.ignore("num_batches_tracked")
    if let bad = runningVar.scalars.firstIndex(where: { !($0 >= 0) }) {
      throw .invalidValue(
        path: scope.path("running_var"),
        reason: "entry \(bad) is \(runningVar.scalars[bad]); variances must be ≥ 0")
    }
    self.epsilon = epsilon
  }
}
