// Copyright © 2026 the ssl authors.
//
// Tensor+Batch.swift — slicing and joining along the leading (batch) dimension, row-major, so
// a batch can be split between workers and their results stacked again.

extension Tensor {
  /// The items `range` of the leading dimension, as a new contiguous tensor.
  ///
  /// - Parameter range: A range within `0..<shape[0]`.
  /// - Returns: [range.count, …rest of shape].
  /// - Throws: ``TensorError/invalidArgument(op:reason:)`` for a scalar or an out-of-range slice.
  public func batchSlice(_ range: Range<Int>) throws(TensorError) -> Tensor {
    guard rank >= 1, range.lowerBound >= 0, range.upperBound <= shape[0] else {
      throw .invalidArgument(op: "batchSlice", reason: "\(range) of shape \(shape)")
    }
    let per = count / Swift.max(shape[0], 1)
    var outShape = shape
    outShape[0] = range.count
    return withContiguousBuffer { x in
      Tensor(shape: outShape) { out in
        guard let dst = out.baseAddress, let src = x.baseAddress else { return }
        dst.update(from: src + range.lowerBound * per, count: range.count * per)
      }
    }
  }

  /// Stacks tensors along the leading dimension.
  ///
  /// - Parameter parts: Tensors whose shapes agree except in the first dimension.
  /// - Returns: [Σ parts[i].shape[0], …].
  /// - Throws: ``TensorError/shapeMismatch(op:lhs:rhs:)`` when the trailing shapes differ,
  ///   ``TensorError/invalidArgument(op:reason:)`` for no parts or scalars.
  public static func concatenateBatches(_ parts: [Tensor]) throws(TensorError) -> Tensor {
    guard let first = parts.first, first.rank >= 1 else {
      throw .invalidArgument(op: "concatenateBatches", reason: "needs at least one tensor")
    }
    let tail = Array(first.shape.dropFirst())
    for part in parts where part.rank != first.rank || Array(part.shape.dropFirst()) != tail {
      throw .shapeMismatch(op: "concatenateBatches", lhs: first.shape, rhs: part.shape)
    }
    if parts.count == 1 { return first }
    let total = parts.reduce(0) { $0 + $1.shape[0] }
    return Tensor(shape: [total] + tail) { out in
      var offset = 0
      for part in parts {
        part.withContiguousBuffer { x in
          guard let src = x.baseAddress, let dst = out.baseAddress else { return }
          (dst + offset).update(from: src, count: x.count)
        }
        offset += part.count
      }
    }
  }
}
