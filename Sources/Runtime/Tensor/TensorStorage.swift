// Copyright © 2026 the ssl authors.

/// The heap buffer behind a ``Tensor``: a fixed number of `Float`s, allocated once.
///
/// A final class so that copies of a tensor share it until one of them writes
/// (``Tensor`` checks `isKnownUniquelyReferenced` and copies first). The buffer is a raw
/// allocation rather than an `Array`, so kernels get a stable pointer without exclusivity
/// checks or bridging.
///
/// - Note: `@unchecked Sendable` is sound because a storage shared by two tensors is never
///   written: every mutation goes through ``Tensor``'s copy-on-write path first.
public final class TensorStorage: @unchecked Sendable {
  /// The first element.
  let base: UnsafeMutablePointer<Float>
  /// The number of `Float`s allocated.
  public let capacity: Int

  /// Allocates `capacity` floats, all zero.
  ///
  /// - Parameter capacity: The number of floats; `0` is allowed.
  public init(zeros capacity: Int) {
    precondition(capacity >= 0, "negative storage capacity")
    self.capacity = capacity
    base = .allocate(capacity: max(capacity, 1))
    base.initialize(repeating: 0, count: max(capacity, 1))
  }

  /// Allocates storage without clearing it; the caller must write every element it reads.
  init(uninitialized capacity: Int) {
    precondition(capacity >= 0, "negative storage capacity")
    self.capacity = capacity
    base = .allocate(capacity: max(capacity, 1))
    base.initialize(repeating: 0, count: 1)  // keeps the one-element case defined
  }

  /// Allocates storage holding a copy of `scalars`.
  ///
  /// - Parameter scalars: The values, in storage order.
  public init<C: Collection>(copying scalars: C) where C.Element == Float {
    capacity = scalars.count
    base = .allocate(capacity: max(capacity, 1))
    if capacity == 0 {
      base.initialize(to: 0)
    } else {
      _ = UnsafeMutableBufferPointer(start: base, count: capacity).initialize(from: scalars)
    }
  }

  deinit { base.deallocate() }

  /// A read-only view of all elements.
  var buffer: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: base, count: capacity) }

  /// A writable view of all elements.
  var mutableBuffer: UnsafeMutableBufferPointer<Float> {
    UnsafeMutableBufferPointer(start: base, count: capacity)
  }
}
