// Copyright © 2026 the ssl authors.

/// A fully connected layer, `torch.nn.Linear`: `y = x·Wᵀ + b`.
public struct Linear: Sendable {
  /// [OUT, IN].
  public let weight: Tensor
  /// [OUT], or `nil` when the module has no bias.
  public let bias: Tensor?

  /// Takes `weight` [OUT, IN] and, when present, `bias` [OUT] from `scope`.
  ///
  /// - Parameters:
  ///   - scope: The module's scope, for example `fc`.
  ///   - inFeatures: IN.
  ///   - outFeatures: OUT.
  /// - Throws: ``ParameterError`` for a missing weight or a misshapen tensor.
  public init(scope: ParameterScope, inFeatures: Int, outFeatures: Int) throws(ParameterError) {
    weight = try scope.tensor("weight", shape: [outFeatures, inFeatures])
    bias = try scope.optionalTensor("bias", shape: [outFeatures])
  }

  /// The number of outputs.
  public var outFeatures: Int { weight.shape[0] }

  /// Applies the layer to [N, IN], giving [N, OUT].
  ///
  /// - Throws: ``TensorError`` when the input width is not IN.
  public func callAsFunction(_ input: Tensor) throws(TensorError) -> Tensor {
    try input.linear(weight: weight, bias: bias)
  }
}
