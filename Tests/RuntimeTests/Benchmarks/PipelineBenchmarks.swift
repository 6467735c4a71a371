// Copyright © 2026 the ssl authors.
//
// Opt-in (SSL_BENCH=1; run in release): decoding overlapping the forward pass. ResNet-50
// (random initialisation) extracts features from the 500×375 bench JPEGs (see ImageBenchmarks)
// with batches decoded by both cores, once waiting for each batch and once preparing batch
// n + 1 while batch n runs; the two are alternated to share the machine's noise. One JSON line.
//
//   SSL_BENCH=1 swift test -c release --filter PipelineBenchmarks

import Foundation
import Kernels
import Runtime
import Testing

@Suite(.enabled(if: ProcessInfo.processInfo.environment["SSL_BENCH"] == "1"))
struct PipelineBenchmarks {
  @Test func decodeOverlapsForward() throws {
    let paths = Array(try ImageBenchmarks.prepare().prefix(96))
    try #require(paths.count == 96, "needs python3 with numpy and Pillow to make the JPEGs")
    let model = try ResNet(config: .resnet50, stateDict: ResNet.randomInitialization(.resnet50))
    let transform = ImagePreprocessing(
      resizes: [ResizeStep(.shorterSide(256), filter: .bilinear)], crop: 224,
      normalization: .imageNet)
    let size = transform.outputCount
    func source() -> ClosureBatchSource {
      var next = 0
      return ClosureBatchSource(totalCount: paths.count) { maxCount in
        guard next < paths.count else { return nil }
        let chunk = Array(paths[next..<min(paths.count, next + maxCount)])
        next += chunk.count
        var values = [Float](repeating: 0, count: chunk.count * size)
        values.withUnsafeMutableBufferPointer { buffer in
          Parallel.forEachChunk(count: chunk.count) { range in
            for i in range {
              let slot = UnsafeMutableBufferPointer(rebasing: buffer[(i * size)..<((i + 1) * size)])
              try? transform.load(contentsOf: chunk[i], into: slot)
            }
          }
        }
        return Tensor(shape: [chunk.count, 3, 224, 224], scalars: values)
      }
    }
    var times: [Bool: [Double]] = [false: [], true: []]
    for round in 0..<6 {
      let prefetch = round % 2 == 1
      var extractor = FeatureExtractor(model: model, batchSize: 16)
      extractor.prefetch = prefetch
      var s = source()
      let start = Date()
      _ = try extractor.extractAll(from: &s)
      if round >= 2 { times[prefetch]?.append(Date().timeIntervalSince(start)) }
    }
    let sequential = Double(paths.count) / (times[false]!.min() ?? 1)
    let overlapped = Double(paths.count) / (times[true]!.min() ?? 1)
    print(
      "{\"bench\": \"pipeline_r50_b16\", \"n_images\": \(paths.count), "
        + "\"img_s_sequential\": \(sequential), \"img_s_overlapped\": \(overlapped), "
        + "\"ratio\": \(overlapped / sequential)}")
  }
}
