// Copyright © 2026 the ssl authors.
//
// DataParallelForward.swift — one ResNet forward pass per core, each on part of the batch.
//
// Why: with NCHW every convolution is one GEMM *per image* (per group of images for small
// planes), and early ResNet layers give GEMMs only 64 rows. Splitting such a GEMM across two
// OpenBLAS threads costs a synchronisation per call and halves an already small block; measured
// on ResNet-50 at batch 16 (quiet machine) the 56² layers ran at 40–70 GFLOP/s against a
// ~95 GFLOP/s single-core sgemm peak. Here each worker runs a whole forward pass over its share
// of the batch with single-threaded BLAS and inline `Parallel` loops (BLASThreads = 1), and its
// own arena, so the cores never wait for each other inside a layer.
//
// Hazards: `BLASThreads` is process-wide; it is set to `threads / workers` for the duration of
// a call and restored afterwards, so do not run other kernels concurrently with a call.
// OpenBLAS's pthread build serialises its buffer allocation internally, which makes concurrent
// single-threaded sgemm calls safe. Memory: `workers` arenas, each sized for batch/workers
// images, i.e. the same total as one arena for the whole batch.

import Dispatch
import Kernels

/// Runs a ``ResNet`` data-parallel: the batch is split and each part runs on its own core.
public final class DataParallelForward: @unchecked Sendable {
  /// The backbone.
  public let model: ResNet
  /// Concurrent forward passes (≥ 1).
  public let workers: Int
  /// The total thread budget (the machine's cores).
  public let threads: Int
  /// One arena per worker; worker `w` only ever touches `arenas[w]`.
  private let arenas: [TensorArena]

  /// Creates a runner.
  ///
  /// - Parameters:
  ///   - model: The backbone.
  ///   - workers: Concurrent passes; 1 runs the whole batch with `threads` BLAS threads.
  ///   - threads: The total threads to use (2 on the project machine).
  public init(model: ResNet, workers: Int = 2, threads: Int = 2) {
    precondition(workers >= 1 && threads >= 1, "DataParallelForward: workers and threads ≥ 1")
    self.model = model
    self.workers = workers
    self.threads = threads
    arenas = (0..<workers).map { _ in TensorArena() }
  }

  /// Activation floats held by the workers' arenas.
  public var reservedCount: Int { arenas.reduce(0) { $0 + $1.reservedCount } }

  /// The pooled outputs of `stages` for `batch`, rows in batch order.
  ///
  /// - Parameters:
  ///   - batch: [N, 3, H, W].
  ///   - stages: The stages to pool.
  ///   - cancellation: Polled by every worker between layers.
  /// - Returns: Each stage's [N, channels] features.
  /// - Throws: ``TensorError`` (``TensorError/cancelled`` when cancelled).
  public func features(
    _ batch: Tensor, stages: Set<ResNetStage> = [.layer4], cancellation: CancellationFlag? = nil
  ) throws(TensorError) -> [ResNetStage: Tensor] {
    guard batch.rank == 4 else {
      throw .rankMismatch(op: "DataParallelForward batch", expected: 4, got: batch.rank)
    }
    let n = batch.shape[0]
    let parts = min(workers, n)
    if parts <= 1 {
      BLASThreads.set(threads)
      return try model.features(
        batch, stages: stages, arena: arenas[0], cancellation: cancellation)
    }
    // Contiguous shares, the first `n % parts` one image larger.
    let bounds = (0...parts).map { p in p * (n / parts) + min(p, n % parts) }
    var slices: [Tensor] = []
    for p in 0..<parts { slices.append(try batch.batchSlice(bounds[p]..<bounds[p + 1])) }
    let results = WorkerResults(count: parts)
    BLASThreads.set(max(1, threads / parts))
    defer { BLASThreads.set(threads) }
    let context = UncheckedBox((self, slices, stages, cancellation))
    DispatchQueue.concurrentPerform(iterations: parts) { p in
      let (runner, slices, stages, cancellation) = context.value
      let result = Result { () throws(TensorError) -> [ResNetStage: Tensor] in
        try runner.model.features(
          slices[p], stages: stages, arena: runner.arenas[p], cancellation: cancellation)
      }
      results.store(p, result)
    }
    var merged: [ResNetStage: Tensor] = [:]
    let outputs = try results.values()
    for stage in stages {
      merged[stage] = try Tensor.concatenateBatches(outputs.compactMap { $0[stage] })
    }
    return merged
  }
}

/// Per-worker results; each worker writes only its own slot (raw memory, so concurrent writes
/// to different slots involve no shared exclusivity check), read after the join.
private final class WorkerResults: @unchecked Sendable {
  private typealias Slot = Result<[ResNetStage: Tensor], TensorError>?
  private let slots: UnsafeMutableBufferPointer<Slot>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  func store(_ index: Int, _ result: Result<[ResNetStage: Tensor], TensorError>) {
    slots[index] = result
  }

  func values() throws(TensorError) -> [[ResNetStage: Tensor]] {
    var out: [[ResNetStage: Tensor]] = []
    for slot in slots {
      switch slot {
      case .success(let value)?: out.append(value)
      case .failure(let error)?: throw error
      case nil: throw .cancelled
      }
    }
    return out
  }
}

/// Carries values into `concurrentPerform`, whose workers only read them.
private struct UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
