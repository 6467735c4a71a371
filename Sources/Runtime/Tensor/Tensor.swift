// Copyright © 2026 the ssl authors.

/// A float32 n-dimensional array with value semantics (copy-on-write).
///
/// A tensor is a ``shape``, ``strides`` and an ``offset`` into a shared ``TensorStorage``.
/// Copies share the storage; the first write through a `mutating` method copies it when it
/// is shared (`ensureUnique()`), so a tensor behaves like an `Array`. Operations return new
/// tensors; they validate shapes and throw ``TensorError`` before any kernel runs.
///
/// Layout vocabulary (Kernels/README.md): activations are NCHW, convolution weights OIHW,
/// both row-major. Tensors made by the initialisers and by operations are contiguous
/// (row-major strides, offset 0); ``scalars`` always returns elements in row-major order.
public struct Tensor: Sendable {
  /// The size of each dimension, outermost first; `[]` for a scalar.
  public private(set) var shape: [Int]
  /// The distance in elements between neighbours along each dimension.
  public private(set) var strides: [Int]
  /// The storage index of the element at all-zero indices.
  public private(set) var offset: Int
  /// The shared buffer.
  public private(set) var storage: TensorStorage

  // MARK: - Creating tensors

  /// Creates a contiguous tensor from row-major values.
  ///
  /// - Parameters:
  ///   - shape: The dimensions; every entry must be ≥ 0.
  ///   - scalars: `shape.reduce(1, *)` values in row-major order.
  /// - Precondition: `scalars.count` equals the product of `shape`. Use
  ///   ``init(validatingShape:scalars:)`` to get a ``TensorError`` instead.
  public init(shape: [Int], scalars: [Float]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
    precondition(
      scalars.count == Tensor.elementCount(shape),
      "\(scalars.count) scalars for shape \(shape)")
    self.shape = shape
    self.strides = Tensor.contiguousStrides(shape)
    self.offset = 0
    self.storage = TensorStorage(copying: scalars)
  }

  /// Creates a contiguous tensor, throwing when the value count does not fit the shape.
  ///
  /// - Parameters:
  ///   - shape: The dimensions.
  ///   - scalars: The values in row-major order.
  /// - Throws: ``TensorError/invalidShape(_:reason:)`` for a negative dimension,
  ///   ``TensorError/elementCountMismatch(shape:count:)`` for a wrong count.
  public init(validatingShape shape: [Int], scalars: [Float]) throws(TensorError) {
    guard shape.allSatisfy({ $0 >= 0 }) else {
      throw .invalidShape(shape, reason: "negative dimension")
    }
    guard scalars.count == Tensor.elementCount(shape) else {
      throw .elementCountMismatch(shape: shape, count: scalars.count)
    }
    self.init(shape: shape, scalars: scalars)
  }

  /// Creates a contiguous tensor of zeros.
  ///
  /// - Parameter shape: The dimensions; every entry must be ≥ 0.
  public init(zeros shape: [Int]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
    self.shape = shape
    self.strides = Tensor.contiguousStrides(shape)
    self.offset = 0
    self.storage = TensorStorage(zeros: Tensor.elementCount(shape))
  }

  /// Creates a contiguous tensor over existing storage (no copy).
  ///
  /// - Parameters:
  ///   - shape: The dimensions.
  ///   - storage: A buffer holding at least `shape.reduce(1, *)` floats, row-major from 0.
  package init(shape: [Int], storage: TensorStorage) {
    precondition(storage.capacity >= Tensor.elementCount(shape), "storage too small")
    self.shape = shape
    self.strides = Tensor.contiguousStrides(shape)
    self.offset = 0
    self.storage = storage
  }

  /// Creates a contiguous tensor whose elements are written by `body` (uninitialised first).
  ///
  /// - Parameters:
  ///   - shape: The dimensions.
  ///   - body: Must write every element of the buffer it receives.
  package init(
    shape: [Int], initializingWith body: (UnsafeMutableBufferPointer<Float>) throws -> Void
  ) rethrows {
    let count = Tensor.elementCount(shape)
    let storage = TensorStorage(uninitialized: count)
    try body(UnsafeMutableBufferPointer(start: storage.base, count: count))
    self.init(shape: shape, storage: storage)
  }

  // MARK: - Properties

  /// The number of elements, the product of ``shape``.
  public var count: Int { Tensor.elementCount(shape) }

  /// The number of dimensions.
  public var rank: Int { shape.count }

  /// Whether the elements lie in row-major order from ``offset`` with no gaps.
  public var isContiguous: Bool { strides == Tensor.contiguousStrides(shape) }

  /// All elements in row-major order (a copy).
  public var scalars: [Float] {
    if isContiguous {
      return Array(UnsafeBufferPointer(start: storage.base + offset, count: count))
    }
    return contiguous().scalars
  }

  // MARK: - Raw access (for Runtime ops)

  /// Calls `body` with the elements as one row-major buffer, copying first if strided.
  package func withContiguousBuffer<R>(
    _ body: (UnsafeBufferPointer<Float>) throws -> R
  ) rethrows -> R {
    if isContiguous {
      return try body(UnsafeBufferPointer(start: storage.base + offset, count: count))
    }
    return try contiguous().withContiguousBuffer(body)
  }

  /// Calls `body` with a writable row-major buffer, copying first if shared or strided.
  package mutating func withMutableBuffer<R>(
    _ body: (UnsafeMutableBufferPointer<Float>) throws -> R
  ) rethrows -> R {
    ensureUnique()
    return try body(UnsafeMutableBufferPointer(start: storage.base + offset, count: count))
  }

  /// Makes the storage unshared and contiguous, copying when needed.
  package mutating func ensureUnique() {
    if !isKnownUniquelyReferenced(&storage) || !isContiguous || offset != 0 {
      self = Tensor(copyingContiguous: self)
    }
  }

  /// A contiguous tensor with the same elements (`self` when already contiguous).
  public func contiguous() -> Tensor {
    isContiguous ? self : Tensor(copyingContiguous: self)
  }

  /// Gathers `source`'s elements into fresh row-major storage.
  private init(copyingContiguous source: Tensor) {
    let count = source.count
    let storage = TensorStorage(uninitialized: count)
    let dst = storage.base
    if source.isContiguous {
      dst.update(from: source.storage.base + source.offset, count: count)
    } else {
      var index = [Int](repeating: 0, count: source.rank)
      for linear in 0..<count {
        var position = source.offset
        for d in 0..<source.rank { position += index[d] * source.strides[d] }
        dst[linear] = source.storage.base[position]
        var d = source.rank - 1
        while d >= 0 {
          index[d] += 1
          if index[d] < source.shape[d] { break }
          index[d] = 0
          d -= 1
        }
      }
    }
    self.init(shape: source.shape, storage: storage)
  }

  // MARK: - Shape helpers

  /// The product of `shape` (1 for a scalar).
  public static func elementCount(_ shape: [Int]) -> Int { shape.reduce(1, *) }

  /// Row-major strides for `shape`.
  public static func contiguousStrides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var step = 1
    for d in stride(from: shape.count - 1, through: 0, by: -1) {
      strides[d] = step
      step *= Swift.max(shape[d], 1)
    }
    return strides
  }
}
