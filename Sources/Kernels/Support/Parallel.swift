// Copyright © 2026 the ssl authors.
//
// Parallel.swift — a chunked parallel-for for the module's non-BLAS kernels (im2col, Winograd
// transforms, epilogues, pooling).
//
// Algorithm: split `0..<count` into at most `BLASThreads.current` contiguous chunks of at least
// `minChunk` items and run them with `DispatchQueue.concurrentPerform`. One chunk (or one thread)
// runs inline with no dispatch at all. Chunks are contiguous ranges so each worker streams
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
    withoutActuallyEscaping(body) { body in
      let box = UncheckedSendable(body)
      DispatchQueue.concurrentPerform(iterations: workers) { w in
        let start = w * base + min(w, extra)
        let end = start + base + (w < extra ? 1 : 0)
        box.value(start..<end)
      }
    }
  }
}

/// Carries a non-`Sendable` value (raw buffers, closures over them) into a parallel loop whose
/// chunks touch disjoint memory. Internal to the module.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
