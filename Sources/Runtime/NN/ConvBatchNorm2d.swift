// Copyright © 2026 the ssl authors.
//
// ConvBatchNorm2d.swift — a bias-free convolution followed by eval-mode batch norm, folded
// into one convolution with bias at load time (Kernels' `BatchNormFolding`, in Double, ε 1e-5),
// with its Winograd weights transformed once when the geometry allows.

import Kernels

/// A convolution and the batch norm after it, folded into one convolution with bias.
///
/// Built from two checkpoint modules (for example `conv1` and `bn1`); the forward pass runs one
/// kernel call that also adds the residual and applies ReLU when asked.
public struct ConvBatchNorm2d: Sendable {
  /// The folded weights W' = s·W, [O, C, KH, KW].
  public let weight: Tensor
  /// The folded bias b' = β − μ·s, [O].
  public let bias: Tensor
  /// The stride on both axes.
  public let stride: Int
  /// Zero padding on every side.
  public let padding: Int
  /// `weight` transformed for Winograd, when the layer is 3×3 stride 1 and wide enough.
  let winograd: WinogradWeights?

  /// Input channels C.
  public var inChannels: Int { weight.shape[1] }
  /// Output channels O.
  public var outChannels: Int { weight.shape[0] }

  /// Loads and folds `conv.weight` with the BN module `bn`.
  ///
  /// - Parameters:
  ///   - conv: The scope of the convolution (its `weight` is [O, C, K, K]; no bias).
  ///   - bn: The scope of the batch norm.
  ///   - inChannels: C.
  ///   - outChannels: O.
  ///   - kernel: K.
  ///   - stride: The stride.
  ///   - padding: The padding.
  ///   - winogradVariant: The Winograd tile to prepare for 3×3 stride-1 layers, or `nil` to
  ///     always use im2col.
  ///   - epsilon: The batch norm's ε (PyTorch's default 1e-5).
  /// - Throws: ``ParameterError`` naming the first tensor that is missing, misshapen or invalid.
  public init(
    conv: ParameterScope, bn: ParameterScope, inChannels: Int, outChannels: Int, kernel: Int,
    stride: Int, padding: Int, winogradVariant: WinogradVariant? = Winograd.defaultVariant,
    epsilon: Double = 1e-5
  ) throws(ParameterError) {
    let raw = try conv.tensor("weight", shape: [outChannels, inChannels, kernel, kernel])
    let norm = try BatchNorm2d(scope: bn, channels: outChannels, epsilon: epsilon)
    var folded = Tensor(zeros: raw.shape)
    var foldedBias = Tensor(zeros: [outChannels])
    folded.withMutableBuffer { w in
      foldedBias.withMutableBuffer { b in
        raw.withContiguousBuffer { rw in
          norm.weight.withContiguousBuffer { gamma in
            norm.bias.withContiguousBuffer { beta in
              norm.runningMean.withContiguousBuffer { mean in
                norm.runningVar.withContiguousBuffer { variance in
                  BatchNormFolding.fold(
                    weights: rw, gamma: gamma, beta: beta, runningMean: mean,
                    runningVar: variance, epsilon: norm.epsilon, foldedWeights: w,
                    foldedBias: b)
                }
              }
            }
          }
        }
      }
    }
    weight = folded
    bias = foldedBias
    self.stride = stride
    self.padding = padding
    let geometry = Conv2DGeometry(
      batch: 1, inChannels: inChannels, outChannels: outChannels, inHeight: 8, inWidth: 8,
      kernel: kernel, stride: stride, padding: padding)
    if let winogradVariant, Conv2D.algorithm(for: geometry) == .winograd {
      winograd = folded.withContiguousBuffer { w in
        WinogradWeights(
          weights: w, outChannels: outChannels, inChannels: inChannels, variant: winogradVariant)
      }
    } else {
      winograd = nil
    }
  }

  /// Runs the folded convolution: `relu?(conv(x) + b' + residual)`.
  ///
  /// - Parameters:
  ///   - input: [N, C, H, W].
  ///   - residual: A tensor shaped like the output, or `nil`.
  ///   - relu: Whether to apply ReLU last.
  ///   - arena: Recycled memory for the output and scratch; `nil` allocates.
  /// - Returns: [N, O, OH, OW].
  /// - Throws: ``TensorError`` when `input` does not fit the layer.
  public func callAsFunction(
    _ input: Tensor, residual: Tensor? = nil, relu: Bool, arena: TensorArena? = nil
  ) throws(TensorError) -> Tensor {
    try input.conv2d(
      weight: weight, bias: bias, stride: stride, padding: padding, residual: residual,
      relu: relu, winograd: winograd, arena: arena)
  }
}
