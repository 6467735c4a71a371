// Copyright © 2026 the ssl authors.
//
// TensorArena.swift — recycled activation buffers and kernel scratch for repeated forward passes.
//
// Why: a ResNet-50 forward pass at batch 16 makes ~160 activation tensors of up to 51 MB. With
// glibc malloc every block over the mmap threshold is a fresh `mmap`, so each pass page-faults
// its activations in again (the bench README measured 27 % system time for PyTorch at batch 16
// from exactly this). The arena keeps every storage it handed out; a storage whose only
// reference left is the arena's own is free, and `makeTensor` reuses the smallest free one that
// fits. Memory is therefore bounded by the peak number of *live* activations (about five in a
// bottleneck block), and after the first batch no pass allocates.
//
// Hazards: an arena is for one forward pass at a time (its scratch buffer is shared by every
// kernel call it serves); it is not `Sendable`. Tensors it makes start with undefined contents
// and must be fully written by the op that requested them.

/// Reusable activation storage and kernel scratch for repeated forward passes.
///
/// Pass the same arena to every forward pass of a long extraction so that, after the first
/// batch, no activation memory is allocated or page-faulted again. An arena serves one pass at
/// a time; give each concurrent caller its own.
public final class TensorArena {
  /// Every storage handed out so far; those referenced only from here are free.
  private var pool: [TensorStorage] = []
  /// The kernels' scratch memory, grown on demand.
  private var scratch = TensorStorage(uninitialized: 0)

  /// Creates an empty arena.
  public init() {}

  /// Floats currently held (pool plus scratch); 4 bytes each.
  public var reservedCount: Int {
    pool.reduce(scratch.capacity) { $0 + $1.capacity }
  }

  /// Drops every buffer not in use by a live tensor.
  public func trim() {
    var kept: [TensorStorage] = []
    for index in pool.indices where !isKnownUniquelyReferenced(&pool[index]) {
      kept.append(pool[index])
    }
    pool = kept
    scratch = TensorStorage(uninitialized: 0)
  }

  /// A contiguous tensor with undefined contents, backed by a recycled storage when one fits.
  ///
  /// - Parameter shape: The dimensions.
  /// - Returns: A tensor the caller must fully overwrite before anyone reads it.
  package func makeTensor(shape: [Int]) -> Tensor {
    let count = Tensor.elementCount(shape)
    var best: Int?
    for index in pool.indices where pool[index].capacity >= count {
      if let b = best, pool[b].capacity <= pool[index].capacity { continue }
      if isKnownUniquelyReferenced(&pool[index]) { best = index }
    }
    if let best { return Tensor(shape: shape, storage: pool[best]) }
    let storage = TensorStorage(uninitialized: count)
    pool.append(storage)
    return Tensor(shape: shape, storage: storage)
  }

  /// Scratch memory of at least `count` floats, valid until the next call on this arena.
  ///
  /// - Parameter count: The floats needed.
  package func workspace(count: Int) -> UnsafeMutableBufferPointer<Float> {
    if scratch.capacity < count { scratch = TensorStorage(uninitialized: count) }
    return UnsafeMutableBufferPointer(start: scratch.base, count: count)
  }
}
