// Copyright © 2026 the ssl authors.
//
// FeatureExtractor.swift — streaming, batched feature extraction with bounded memory.
//
// Memory: one batch of input pixels (owned by the source), recycled activations (about five
// of the largest activation at the chosen batch size: ~180 MB for ResNet-50 at batch 16,
// split between the workers' arenas) and the pooled features. Nothing grows with the number of
// images except the features the caller keeps. Cores: by default two workers each run a
// forward pass over half of every batch with single-threaded kernels (`DataParallelForward`,
// measured faster than two BLAS threads per GEMM); `workers: 1` instead gives every kernel all
// `threads`.
// Cancellation: polled by the model between layers and here between batches.

import Kernels

/// Runs a ``ResNet`` over a stream of image batches and hands back pooled features per batch.
public struct FeatureExtractor {
  /// The backbone.
  public let model: ResNet
  /// Images per forward pass (16 measures fastest on the project machine; see the bench).
  public var batchSize: Int
  /// The stages whose pooled outputs are wanted (default: the layer4 features).
  public var stages: Set<ResNetStage>
  /// The total threads (the machine's cores).
  public var threads: Int
  /// Concurrent forward passes over parts of each batch (see ``DataParallelForward``).
  public var workers: Int
  /// Whether the next batch is decoded while the current one runs (default true).
  public var prefetch = true

  /// Creates an extractor.
  ///
  /// - Parameters:
  ///   - model: The backbone.
  ///   - batchSize: Images per forward pass, ≥ 1.
  ///   - stages: The stages to pool.
  ///   - threads: The total threads (the machine has 2 cores).
  ///   - workers: Concurrent forward passes, each on part of the batch; 1 for one pass with
  ///     all threads.
  public init(
    model: ResNet, batchSize: Int = 16, stages: Set<ResNetStage> = [.layer4], threads: Int = 2,
    workers: Int = 2
  ) {
    precondition(batchSize >= 1, "FeatureExtractor: batch size must be ≥ 1")
    self.model = model
    self.batchSize = batchSize
    self.stages = stages
    self.threads = threads
    self.workers = workers
  }

  /// Extracts features batch by batch and passes each batch's results to `consume`.
  ///
  /// - Parameters:
  ///   - source: The images.
  ///   - cancellation: Polled between layers and batches.
  ///   - progress: Called after every batch.
  ///   - consume: Receives the batch's image range (in stream order) and each requested
  ///     stage's [n, channels] features.
  /// - Returns: The number of images processed.
  /// - Throws: ``TensorError/cancelled`` when cancelled, a ``TensorError`` for a malformed
  ///   batch, or whatever the source or `consume` throws.
  @discardableResult
  public func extract<Source: ImageBatchSource>(
    from source: inout Source, cancellation: CancellationFlag? = nil,
    progress: (ExtractionProgress) -> Void = { _ in },
    consume: (Range<Int>, [ResNetStage: Tensor]) throws -> Void
  ) throws -> Int {
    let runner = DataParallelForward(model: model, workers: workers, threads: threads)
    let clock = ContinuousClock()
    let start = clock.now
    var done = 0
    let reader = prefetch ? PrefetchingBatchSource(source, maxCount: batchSize) : nil
    defer { if let reader { source = reader.finish() } }
    while true {
      if cancellation?.isCancelled == true { throw TensorError.cancelled }
      let next = try reader.map { try $0.next() } ?? source.nextBatch(maxCount: batchSize)
      guard let batch = next else { break }
      guard batch.rank == 4, batch.shape[0] >= 1 else {
        throw TensorError.rankMismatch(op: "FeatureExtractor batch", expected: 4, got: batch.rank)
      }
      let n = batch.shape[0]
      reader?.prefetch()  // decode batch n + 1 while batch n runs
      let outputs = try runner.features(batch, stages: stages, cancellation: cancellation)
      try consume(done..<(done + n), outputs)
      done += n
      let elapsed = clock.now - start
      let seconds =
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      progress(
        ExtractionProgress(
          imagesDone: done, totalImages: reader?.totalCount ?? source.totalCount,
          elapsedSeconds: seconds))
    }
    return done
  }

  /// Extracts the features of every image into one [count, channels] tensor per stage.
  ///
  /// - Parameters:
  ///   - source: The images.
  ///   - cancellation: Polled between layers and batches.
  ///   - progress: Called after every batch.
  /// - Returns: Each requested stage's features, rows in stream order.
  /// - Throws: As ``extract(from:cancellation:progress:consume:)``.
  public func extractAll<Source: ImageBatchSource>(
    from source: inout Source, cancellation: CancellationFlag? = nil,
    progress: (ExtractionProgress) -> Void = { _ in }
  ) throws -> [ResNetStage: Tensor] {
    var rows: [ResNetStage: [Float]] = [:]
    var widths: [ResNetStage: Int] = [:]
    if let total = source.totalCount {
      for stage in stages {
        let width = model.config.outputWidth(stage: stage.index)
        rows[stage] = []
        rows[stage]?.reserveCapacity(total * width)
      }
    }
    let count = try extract(from: &source, cancellation: cancellation, progress: progress) {
      _, outputs in
      for (stage, features) in outputs {
        widths[stage] = features.shape[1]
        rows[stage, default: []].append(contentsOf: features.scalars)
      }
    }
    var result: [ResNetStage: Tensor] = [:]
    for stage in stages {
      let width = widths[stage] ?? model.config.outputWidth(stage: stage.index)
      result[stage] = Tensor(shape: [count, width], scalars: rows[stage] ?? [])
    }
    return result
  }
}
