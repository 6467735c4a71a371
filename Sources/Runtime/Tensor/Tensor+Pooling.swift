// Copyright © 2026 the ssl authors.
//
// Tensor+Pooling.swift — max pooling and global average pooling ops over NCHW tensors.

import Kernels

extension Tensor {
  /// Max-pools each channel plane with a square window (PyTorch's `max_pool2d`, floor mode).
  ///
  /// - Parameters:
  ///   - kernel: The window size.
  ///   - stride: The step; defaults to `kernel` as in PyTorch.
  ///   - padding: Implicit −∞ padding on every side; at most half the window.
  ///   - arena: Where to take the output from; `nil` allocates.
  /// - Returns: [N, C, OH, OW].
  /// - Throws: ``TensorError/rankMismatch(op:expected:got:)`` for a non-4-D input,
  ///   ``TensorError/invalidArgument(op:reason:)`` for an unusable window.
  public func maxPool2d(
    kernel: Int, stride: Int? = nil, padding: Int = 0, arena: TensorArena? = nil
  ) throws(TensorError) -> Tensor {
    guard rank == 4 else { throw .rankMismatch(op: "maxPool2d", expected: 4, got: rank) }
    let geometry = PoolGeometry(
      batch: shape[0], channels: shape[1], inHeight: shape[2], inWidth: shape[3],
      kernel: kernel, stride: stride, padding: padding)
    if let problem = geometry.validate() {
      throw .invalidArgument(
        op: "maxPool2d",
        reason: "kernel \(kernel), stride \(stride ?? kernel), padding \(padding) on \(shape): "
          + "\(problem)")
    }
    let outShape = [shape[0], shape[1], geometry.outHeight, geometry.outWidth]
    let output = arena?.makeTensor(shape: outShape) ?? Tensor(zeros: outShape)
    let out = UnsafeMutableBufferPointer(start: output.storage.base, count: output.count)
    withContiguousBuffer { x in MaxPool2D.forward(input: x, geometry: geometry, output: out) }
    return output
  }

  /// Averages each channel over its whole plane: [N, C, H, W] → [N, C].
  ///
  /// The sum is accumulated in Double, so the mean is correctly rounded.
  ///
  /// - Returns: [N, C], freshly allocated (features outlive any arena).
  /// - Throws: ``TensorError/rankMismatch(op:expected:got:)`` for a non-4-D input,
  ///   ``TensorError/invalidShape(_:reason:)`` for an empty plane.
  public func globalAvgPool() throws(TensorError) -> Tensor {
    guard rank == 4 else { throw .rankMismatch(op: "globalAvgPool", expected: 4, got: rank) }
    let planeSize = shape[2] * shape[3]
    guard planeSize > 0 else { throw .invalidShape(shape, reason: "empty plane to average") }
    let planes = shape[0] * shape[1]
    return withContiguousBuffer { x in
      Tensor(shape: [shape[0], shape[1]]) { out in
        GlobalAvgPool.forward(input: x, planes: planes, planeSize: planeSize, output: out)
      }
    }
  }
}
