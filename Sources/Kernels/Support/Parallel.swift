// Copyright © 2026 the ssl authors.
//
// Parallel.swift — a chunked parallel-for for the module's non-BLAS kernels (im2col, Winograd
// transforms, epilogues, pooling).
//
// Algorithm: split `0..<count` into at most `BLASThreads.current` contiguous chunks of at least
// `minChunk` items and run them with `DispatchQueue.concurrentPerform` — or, inside
// `withSpinningHelpers`, on the chunk pool's helper threads (Support/ChunkPool.swift). One chunk
// (or one thread) runs inline with no dispatch at all. Chunks are contiguous ranges so each worker streams
// through memory; there is no work stealing, because the kernels' per-item costs are uniform.
//
// Hazard: never call `GEMM` from inside the body. OpenBLAS has its own threads sized by the same
// setting, and nesting them would oversubscribe the cores.

import Dispatch

/// A parallel loop over contiguous chunks of an index range.
public enum Parallel {
  /// Runs `body` over contiguous chunks that together cover `0..<count`.
  ///
  /// The worker count is ``BLASThreads/current``, the module's single thread setting.
  ///
  /// - Parameters:
  ///   - count: the number of items.
  ///   - minChunk: the smallest chunk worth a thread (items); small loops run inline.
  ///   - body: called once per chunk, possibly concurrently; must only write to the items of
  ///     its own range.
  public static func forEachChunk(
    count: Int, minChunk: Int = 1, _ body: (Range<Int>) -> Void
  ) {
    precondition(count >= 0 && minChunk >= 1, "Parallel: bad count \(count) or chunk \(minChunk)")
    if count == 0 { return }
    let workers = min(BLASThreads.current, (count + minChunk - 1) / minChunk)
    if workers <= 1 {
      body(0..<count)
      return
    }
    // Balanced split: the first `count % workers` chunks get one extra item.
    let base = count / workers
    let extra = count % workers
    let chunk = { (w: Int) in
      let start = w * base + min(w, extra)
      body(start..<(start + base + (w < extra ? 1 : 0)))
    }
    if ChunkPool.shared.run(workers: workers, chunk) { return }
    withoutActuallyEscaping(chunk) { chunk in
      let box = UncheckedSendable(chunk)
      DispatchQueue.concurrentPerform(iterations: workers) { box.value($0) }
    }
  }
}

extension Parallel {
  /// Runs `body` with ``forEachChunk(count:minChunk:_:)`` served by helper threads that stay
  /// awake (spinning, up to 0.5 ms) between loops, instead of `concurrentPerform`'s threads,
  /// which sleep after every loop and take tens of µs to wake.
  ///
  /// For runs of many short loops with only short serial work between them and **no BLAS call
  /// inside** (OpenBLAS's threads would compete with the spinning helpers for the cores): a
  /// linear probe's L-BFGS steps, whose products are `PanelMatrix` kernels. Scopes nest; the
  /// helpers sleep once the last one ends. Only the calling thread's loops are served (a loop
  /// on another thread keeps `concurrentPerform`). See `Support/ChunkPool.swift`.
  public static func withSpinningHelpers<R>(_ body: () -> R) -> R {
    ChunkPool.scopes.add(1, ordering: .relaxed)
    defer { ChunkPool.scopes.subtract(1, ordering: .relaxed) }
    return ChunkPool.$inScope.withValue(true) { body() }
  }

  /// True on the helper threads of ``withSpinningHelpers(_:)`` (test hook: where a chunk ran).
  @_spi(Testing)
  public static var isSpinningHelperThread: Bool { ChunkPool.onHelper }
}

/// Carries a non-`Sendable` value (raw buffers, closures over them) into a parallel loop whose
/// chunks touch disjoint memory. Internal to the module.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
