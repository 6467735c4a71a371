// Copyright © 2026 the ssl authors.

import Kernels
import TestSupport
import Testing

@testable import Runtime

@Suite struct FeatureExtractorTests {
  static let config = ResNetConfig(
    name: "tiny-bottleneck", block: .bottleneck, blocksPerStage: [1, 1, 2, 1], baseWidth: 4)

  static func model() throws -> ResNet {
    try ResNet(config: config, stateDict: ResNetFixture("resnet_tiny_bottleneck").stateDict)
  }

  /// `total` random 3×24×20 images, served in batches of at most the requested size.
  static func source(total: Int, seed: UInt64) -> (ClosureBatchSource, [Float]) {
    var rng = SeededGenerator(seed: seed)
    let pixels = uniformFloats(total * 3 * 24 * 20, using: &rng)
    var next = 0
    let source = ClosureBatchSource(totalCount: total) { maxCount in
      guard next < total else { return nil }
      let n = min(maxCount, total - next)
      let per = 3 * 24 * 20
      defer { next += n }
      return Tensor(
        shape: [n, 3, 24, 20], scalars: Array(pixels[(next * per)..<((next + n) * per)]))
    }
    return (source, pixels)
  }

  @Test func streamedFeaturesEqualOneBigBatch() throws {
    let model = try Self.model()
    var (source, pixels) = Self.source(total: 7, seed: 1)
    var reports: [ExtractionProgress] = []
    let extractor = FeatureExtractor(model: model, batchSize: 3, stages: [.layer3, .layer4])
    let features = try extractor.extractAll(from: &source) { reports.append($0) }
    #expect(reports.map(\.imagesDone) == [3, 6, 7])
    #expect(reports.last?.fractionDone == 1)
    #expect(reports.last?.estimatedSecondsRemaining == 0)
    let whole = try model.features(
      Tensor(shape: [7, 3, 24, 20], scalars: pixels), stages: [.layer3, .layer4])
    for stage in [ResNetStage.layer3, .layer4] {
      let streamed = try #require(features[stage])
      let expected = try #require(whole[stage])
      #expect(streamed.shape == expected.shape)
      assertClose(
        streamed.scalars.map(Double.init), expected.scalars.map(Double.init), rtol: 1e-5,
        atol: 1e-6)
    }
    #expect(features[.layer4]?.shape == [7, 128])
  }

  @Test func cancellationStopsBetweenBatches() throws {
    let model = try Self.model()
    var (source, _) = Self.source(total: 10, seed: 2)
    let flag = CancellationFlag()
    var batches = 0
    #expect(throws: TensorError.cancelled) {
      try FeatureExtractor(model: model, batchSize: 4).extract(
        from: &source, cancellation: flag, progress: { _ in flag.cancel() }
      ) { _, _ in batches += 1 }
    }
    #expect(batches == 1)
  }

  /// A value-type source that counts what it served, to check the caller gets its state back.
  struct CountingSource: ImageBatchSource {
    var pixels: [Float]
    var total: Int
    var served = 0
    var calls = 0
    var totalCount: Int? { total }

    mutating func nextBatch(maxCount: Int) throws -> Tensor? {
      calls += 1
      guard served < total else { return nil }
      let n = min(maxCount, total - served)
      let per = 3 * 24 * 20
      defer { served += n }
      return Tensor(shape: [n, 3, 24, 20], scalars: Array(pixels[(served * per)..<((served + n) * per)]))
    }
  }

  @Test func prefetchingGivesTheSameFeaturesAndReturnsTheSource() throws {
    let model = try Self.model()
    let (_, pixels) = Self.source(total: 11, seed: 3)
    var results: [[Float]] = []
    for prefetch in [false, true] {
      var source = CountingSource(pixels: pixels, total: 11)
      var extractor = FeatureExtractor(model: model, batchSize: 4)
      extractor.prefetch = prefetch
      let features = try extractor.extractAll(from: &source)
      results.append(try #require(features[.layer4]).scalars)
      #expect(source.served == 11)
      #expect(source.calls == 4)  // three batches and the end
    }
    #expect(results[0] == results[1])
  }

  @Test func progressEstimatesTimeLeft() {
    let report = ExtractionProgress(imagesDone: 20, totalImages: 100, elapsedSeconds: 2)
    #expect(report.imagesPerSecond == 10)
    #expect(report.estimatedSecondsRemaining == 8)
    #expect(report.fractionDone == 0.2)
    #expect(
      ExtractionProgress(imagesDone: 0, totalImages: nil, elapsedSeconds: 0)
        .estimatedSecondsRemaining == nil)
  }
}

@Suite struct DataParallelForwardTests {
  @Test(arguments: [1, 2, 3])
  func matchesOneSinglePass(workers: Int) throws {
    let model = try FeatureExtractorTests.model()
    var rng = SeededGenerator(seed: 4)
    let batch = Tensor(shape: [5, 3, 24, 20], scalars: uniformFloats(5 * 3 * 24 * 20, using: &rng))
    let runner = DataParallelForward(model: model, workers: workers, threads: 2)
    let split = try runner.features(batch, stages: [.layer2, .layer4])
    let whole = try model.features(batch, stages: [.layer2, .layer4])
    for stage in [ResNetStage.layer2, .layer4] {
      // Same kernels on the same images: equal up to GEMM blocking differences.
      assertClose(
        try #require(split[stage]).scalars.map(Double.init),
        try #require(whole[stage]).scalars.map(Double.init), rtol: 1e-5, atol: 1e-6)
    }
  }
}
