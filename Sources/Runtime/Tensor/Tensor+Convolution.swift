// Copyright © 2026 the ssl authors.
//
// Tensor+Convolution.swift — the 2-D convolution op: shape checks, output allocation and the
// choice between Kernels' algorithms (pointwise GEMM, im2col + GEMM, Winograd).
//
// Layouts: input [N, C, H, W]; weight [O, C, KH, KW] (OIHW); bias [O]; residual and output
// [N, O, OH, OW]. The fused epilogue computes relu(conv + bias + residual) in torchvision's
// Bottleneck order, each part optional.

import Kernels

extension Tensor {
  /// Convolves a batch of images, then adds a bias and a residual and applies ReLU in one pass.
  ///
  /// The algorithm comes from `Conv2D.algorithm(for:)`: 1×1 stride-1 convolutions are one GEMM,
  /// 3×3 stride-1 ones use Winograd when `winograd` weights are supplied, everything else goes
  /// through im2col + GEMM.
  ///
  /// - Parameters:
  ///   - weight: [O, C, KH, KW] (OIHW).
  ///   - bias: Per-output-channel bias [O], or `nil`.
  ///   - stride: The stride on both axes, ≥ 1.
  ///   - padding: Zero padding on every side, ≥ 0.
  ///   - residual: A tensor shaped like the output, added before the ReLU, or `nil`.
  ///   - relu: Whether to clamp negatives to zero last.
  ///   - winograd: `weight` pre-transformed for Winograd (made once at load time), or `nil`.
  ///   - arena: Where to take the output and scratch memory from; `nil` allocates.
  /// - Returns: The output, [N, O, OH, OW].
  /// - Throws: ``TensorError/rankMismatch(op:expected:got:)`` for non-4-D operands,
  ///   ``TensorError/shapeMismatch(op:lhs:rhs:)`` when channels, bias, residual or Winograd
  ///   weights disagree, ``TensorError/invalidArgument(op:reason:)`` for a bad stride or
  ///   padding, ``TensorError/invalidShape(_:reason:)`` for an empty output.
  package func conv2d(
    weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0,
    residual: Tensor? = nil, relu: Bool = false, winograd: WinogradWeights? = nil,
    arena: TensorArena? = nil
  ) throws(TensorError) -> Tensor {
    let geometry = try conv2dGeometry(weight: weight, stride: stride, padding: padding)
    let outShape = [geometry.batch, geometry.outChannels, geometry.outHeight, geometry.outWidth]
    if let bias, bias.shape != [geometry.outChannels] {
      throw .shapeMismatch(op: "conv2d bias", lhs: [geometry.outChannels], rhs: bias.shape)
    }
    if let residual, residual.shape != outShape {
      throw .shapeMismatch(op: "conv2d residual", lhs: outShape, rhs: residual.shape)
    }
    let useWinograd: Bool
    if let winograd, Conv2D.algorithm(for: geometry) == .winograd {
      guard winograd.outChannels == geometry.outChannels,
        winograd.inChannels == geometry.inChannels
      else {
        throw .shapeMismatch(
          op: "conv2d winograd weights", lhs: weight.shape,
          rhs: [winograd.outChannels, winograd.inChannels, 3, 3])
      }
      useWinograd = true
    } else {
      useWinograd = false
    }
    let output = arena?.makeTensor(shape: outShape) ?? Tensor(zeros: outShape)
    let scratchCount =
      useWinograd
      ? Winograd.workspaceSize(geometry, variant: winograd?.variant ?? Winograd.defaultVariant)
      : Conv2D.workspaceSize(geometry)
    let owned = arena == nil ? TensorStorage(uninitialized: scratchCount) : nil
    let scratch =
      arena?.workspace(count: scratchCount)
      ?? UnsafeMutableBufferPointer(start: owned?.base, count: owned == nil ? 0 : scratchCount)
    let out = UnsafeMutableBufferPointer(start: output.storage.base, count: output.count)
    withContiguousBuffer { x in
      weight.withContiguousBuffer { w in
        withOptionalBuffer(bias) { b in
          withOptionalBuffer(residual) { r in
            let epilogue = Conv2DEpilogue(bias: b, residual: r, relu: relu)
            if useWinograd, let winograd {
              Winograd.forward(
                input: x, weights: winograd, geometry: geometry, epilogue: epilogue,
                output: out, workspace: scratch)
            } else {
              Conv2D.forward(
                input: x, weights: w, geometry: geometry, epilogue: epilogue, output: out,
                workspace: scratch)
            }
          }
        }
      }
    }
    withExtendedLifetime(owned) {}
    return output
  }

  /// Convolves a batch of images (im2col or pointwise GEMM), with optional bias and ReLU.
  ///
  /// - Parameters:
  ///   - weight: [O, C, KH, KW] (OIHW).
  ///   - bias: [O], or `nil`.
  ///   - stride: The stride on both axes.
  ///   - padding: Zero padding on every side.
  ///   - relu: Whether to apply ReLU to the result.
  /// - Returns: [N, O, OH, OW].
  /// - Throws: ``TensorError`` when the shapes do not fit (see the package variant).
  public func conv2d(
    weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0, relu: Bool = false
  ) throws(TensorError) -> Tensor {
    try conv2d(
      weight: weight, bias: bias, stride: stride, padding: padding, residual: nil, relu: relu,
      winograd: nil, arena: nil)
  }

  /// The checked geometry of convolving `self` with `weight`.
  package func conv2dGeometry(
    weight: Tensor, stride: Int, padding: Int
  ) throws(TensorError) -> Conv2DGeometry {
    guard rank == 4 else { throw .rankMismatch(op: "conv2d input", expected: 4, got: rank) }
    guard weight.rank == 4 else {
      throw .rankMismatch(op: "conv2d weight", expected: 4, got: weight.rank)
    }
    guard shape[1] == weight.shape[1] else {
      throw .shapeMismatch(op: "conv2d", lhs: shape, rhs: weight.shape)
    }
    guard stride >= 1, padding >= 0 else {
      throw .invalidArgument(op: "conv2d", reason: "stride \(stride), padding \(padding)")
    }
    let geometry = Conv2DGeometry(
      batch: shape[0], inChannels: shape[1], outChannels: weight.shape[0], inHeight: shape[2],
      inWidth: shape[3], kernelHeight: weight.shape[2], kernelWidth: weight.shape[3],
      strideHeight: stride, strideWidth: stride, padHeight: padding, padWidth: padding)
    switch geometry.validate() {
    case nil: return geometry
    case .nonPositiveSize:
      throw .invalidShape(shape, reason: "conv2d needs non-empty input and weight \(weight.shape)")
    case .badHyperparameter:
      throw .invalidArgument(op: "conv2d", reason: "stride \(stride), padding \(padding)")
    case .emptyOutput:
      throw .invalidShape(shape, reason: "smaller than the kernel \(weight.shape) after padding")
    }
  }
}

/// Calls `body` with a tensor's contiguous buffer, or with `nil`.
func withOptionalBuffer<R>(
  _ tensor: Tensor?, _ body: (UnsafeBufferPointer<Float>?) throws -> R
) rethrows -> R {
  guard let tensor else { return try body(nil) }
  return try tensor.withContiguousBuffer { try body($0) }
}
