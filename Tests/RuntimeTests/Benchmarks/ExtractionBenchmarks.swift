// Copyright © 2026 the ssl authors.
//
// Opt-in throughput benchmark for ResNet feature extraction (house rules §46: not in the
// default tier). Run through `scripts/bench`, which builds in release mode and sets SSL_BENCH=1:
//
//   SSL_BENCH=1 swift test -c release --filter ExtractionBenchmarks
//
// Each figure is printed as one JSON line on stdout (the bench README's convention).
// Knobs (environment): SSL_BENCH_MODELS (default "resnet50,resnet18"), SSL_BENCH_BATCHES
// ("1,16,64"), SSL_BENCH_THREADS ("2"), SSL_BENCH_WORKERS (concurrent forward passes per
// batch, "2"; 1 = one pass with all threads per GEMM), SSL_BENCH_WINOGRAD ("f4x3", the
// default | "f2x3" | "none"),
// SSL_BENCH_MIN_TIME (seconds per figure, "6"), SSL_BENCH_EXTRACT_IMAGES (run a streaming
// extraction of that many images and report its peak RSS; "0" skips it).

import Foundation
import Kernels
import TestSupport
import Testing

import Runtime

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.enabled(if: ProcessInfo.processInfo.environment["SSL_BENCH"] == "1"), .serialized)
struct ExtractionBenchmarks {
  static let environment = ProcessInfo.processInfo.environment
  /// Conventional forward FLOPs per 224² image (2 × multiply-adds), as the anchors use.
  static let flopsPerImage: [String: Double] = ["resnet50": 8.2e9, "resnet18": 3.6e9]

  static var models: [String] {
    (environment["SSL_BENCH_MODELS"] ?? "resnet50,resnet18").split(separator: ",").map(String.init)
  }
  static var batches: [Int] {
    (environment["SSL_BENCH_BATCHES"] ?? "1,16,64").split(separator: ",").compactMap { Int($0) }
  }
  static var threads: Int { Int(environment["SSL_BENCH_THREADS"] ?? "") ?? 2 }
  static var workers: Int { Int(environment["SSL_BENCH_WORKERS"] ?? "") ?? 2 }
  static var minTime: Double { Double(environment["SSL_BENCH_MIN_TIME"] ?? "") ?? 6 }
  static var winograd: WinogradVariant? {
    switch environment["SSL_BENCH_WINOGRAD"] {
    case "none": return nil
    case "f4x3": return .f4x3
    case "f2x3": return .f2x3
    default: return Winograd.defaultVariant
    }
  }
  static var winogradName: String { winograd.map { "\($0)" } ?? "none" }

  /// torchvision-like random init: conv weights N(0, 2/fan_out), BN the identity.
  static func randomModel(_ name: String) throws -> ResNet {
    let config = try #require(ResNetConfig.named(name))
    var rng = SeededGenerator(seed: 0)
    var dict = StateDict()
    for (path, shape) in ResNet.parameterShapes(config) {
      let count = shape.reduce(1, *)
      if shape.count == 4 {
        let fanOut = Double(shape[0] * shape[2] * shape[3])
        dict[path] = Tensor(
          shape: shape, scalars: normalFloats(count, std: (2 / fanOut).squareRoot(), using: &rng))
      } else {
        let one = path.hasSuffix(".weight") || path.hasSuffix("running_var")
        dict[path] = Tensor(shape: shape, scalars: .init(repeating: one ? 1 : 0, count: count))
      }
    }
    return try ResNet(config: config, stateDict: dict, options: .init(winograd: winograd))
  }

  /// The 1-minute load average (other processes competing for the 2 cores).
  static func loadAverage() -> Double {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    return Double(text.split(separator: " ").first ?? "") ?? 0
  }

  /// Peak resident set size of this process so far, in MiB.
  static func peakRSSMiB() -> Double {
    #if canImport(Glibc)
      var usage = rusage()
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
      return Double(usage.ru_maxrss) / 1024  // Linux reports KiB
    #else
      return 0
    #endif
  }

  /// User + system CPU seconds this process has used so far (all threads).
  static func cpuSeconds() -> Double {
    #if canImport(Glibc)
      var usage = rusage()
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
      let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
      return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
    #else
      return 0
    #endif
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }

  static func emit(_ fields: [(String, String)]) {
    let body = fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
    FileHandle.standardOutput.write(Data("{\(body)}\n".utf8))
  }

  @Test func throughput() throws {
    BLASThreads.set(Self.threads)
    for name in Self.models {
      let model = try Self.randomModel(name)
      let runner = DataParallelForward(model: model, workers: Self.workers, threads: Self.threads)
      var rng = SeededGenerator(seed: 1)
      for batch in Self.batches {
        let input = Tensor(
          shape: [batch, 3, 224, 224], scalars: normalFloats(batch * 3 * 224 * 224, using: &rng))
        _ = try runner.features(input)  // warm-up: fills the arenas
        var times: [Double] = []
        let clock = ContinuousClock()
        let started = clock.now
        let cpuStart = Self.cpuSeconds()
        let minimumPasses = batch >= 64 ? 3 : 5
        while times.count < minimumPasses || Self.seconds(clock.now - started) < Self.minTime {
          let t0 = clock.now
          _ = try runner.features(input)
          times.append(Self.seconds(clock.now - t0))
        }
        let wall = Self.seconds(clock.now - started)
        let cpu = Self.cpuSeconds() - cpuStart
        times.sort()
        let median = times[times.count / 2]
        let rate = Double(batch) / median
        let flops = Self.flopsPerImage[name] ?? 0
        Self.emit([
          ("bench", "\"swift_\(name)\""), ("batch", "\(batch)"), ("threads", "\(Self.threads)"),
          ("workers", "\(Self.workers)"), ("winograd", "\"\(Self.winogradName)\""),
          ("blas_kernels", "\"\(BLASKernels.current)\""),
          ("images_per_s", String(format: "%.2f", rate)),
          ("best_images_per_s", String(format: "%.2f", Double(batch) / times[0])),
          ("gflops", String(format: "%.1f", rate * flops / 1e9)),
          ("passes", "\(times.count)"),
          // CPU seconds per image is robust to other load; cores_busy ≈ 2 means both worked.
          ("cpu_s_per_image", String(format: "%.3f", cpu / Double(batch * times.count))),
          ("cores_busy", String(format: "%.2f", cpu / wall)),
          ("load_average", String(format: "%.2f", Self.loadAverage())),
          ("arena_mib", String(format: "%.0f", Double(runner.reservedCount) * 4 / 1_048_576)),
          ("peak_rss_mib", String(format: "%.0f", Self.peakRSSMiB())),
        ])
      }
    }
  }

  @Test func streamingExtractionMemory() throws {
    let total = Int(Self.environment["SSL_BENCH_EXTRACT_IMAGES"] ?? "") ?? 0
    guard total > 0 else { return }
    let name = Self.models.first ?? "resnet50"
    let batchSize = Self.batches.last ?? 16
    let model = try Self.randomModel(name)
    var rng = SeededGenerator(seed: 2)
    let pool = normalFloats(batchSize * 3 * 224 * 224, using: &rng)
    var served = 0
    var source = ClosureBatchSource(totalCount: total) { maxCount in
      guard served < total else { return nil }
      let n = min(maxCount, total - served)
      served += n
      // A fresh tensor per batch, as a decoding source would make.
      return Tensor(shape: [n, 3, 224, 224], scalars: Array(pool.prefix(n * 3 * 224 * 224)))
    }
    var last: ExtractionProgress?
    let extractor = FeatureExtractor(
      model: model, batchSize: batchSize, threads: Self.threads, workers: Self.workers)
    let features = try extractor.extractAll(from: &source) { last = $0 }
    #expect(features[.layer4]?.shape == [total, model.config.featureDimension])
    Self.emit([
      ("bench", "\"swift_\(name)_extract\""), ("images", "\(total)"), ("batch", "\(batchSize)"),
      ("images_per_s", String(format: "%.2f", last?.imagesPerSecond ?? 0)),
      ("seconds", String(format: "%.1f", last?.elapsedSeconds ?? 0)),
      ("peak_rss_mib", String(format: "%.0f", Self.peakRSSMiB())),
    ])
    #expect(Self.peakRSSMiB() < 2048)
  }
}
