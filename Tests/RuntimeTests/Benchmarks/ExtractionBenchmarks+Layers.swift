// Copyright © 2026 the ssl authors.
//
// Per-layer timings of ResNet-50's distinct convolutions (SSL_BENCH=1 SSL_BENCH_PROFILE=1):
// for each shape, im2col/pointwise GEMM and, where it applies, Winograd F(2,3) and F(4,3).
// SSL_BENCH_LAYERS=l3.c2,l4.c2 and SSL_BENCH_ALGORITHMS=gemm,f2x3 pick a subset,
// SSL_BENCH_BANDS adds im2col band budgets to compare, SSL_BENCH_REPEAT (3) sets the timed calls per figure (the best is kept).
// One JSON line per (layer, algorithm) with its milliseconds, multiplicity in the network and
// effective GFLOP/s (2·N·O·OH·OW·C·K² / time), so the network total per choice can be summed.

import Foundation
import Kernels
import TestSupport
import Testing

import Runtime

extension ExtractionBenchmarks {
  /// (name, C, O, K, stride, input H=W, how many times it occurs in ResNet-50).
  static let resnet50Layers: [(String, Int, Int, Int, Int, Int, Int)] = [
    ("stem", 3, 64, 7, 2, 224, 1),
    ("l1.c1first", 64, 64, 1, 1, 56, 1), ("l1.c1", 256, 64, 1, 1, 56, 2),
    ("l1.c2", 64, 64, 3, 1, 56, 3), ("l1.c3", 64, 256, 1, 1, 56, 3),
    ("l1.ds", 64, 256, 1, 1, 56, 1),
    ("l2.c1first", 256, 128, 1, 1, 56, 1), ("l2.c2s2", 128, 128, 3, 2, 56, 1),
    ("l2.c1", 512, 128, 1, 1, 28, 3), ("l2.c2", 128, 128, 3, 1, 28, 3),
    ("l2.c3", 128, 512, 1, 1, 28, 4), ("l2.ds", 256, 512, 1, 2, 56, 1),
    ("l3.c1first", 512, 256, 1, 1, 28, 1), ("l3.c2s2", 256, 256, 3, 2, 28, 1),
    ("l3.c1", 1024, 256, 1, 1, 14, 5), ("l3.c2", 256, 256, 3, 1, 14, 5),
    ("l3.c3", 256, 1024, 1, 1, 14, 6), ("l3.ds", 512, 1024, 1, 2, 28, 1),
    ("l4.c1first", 1024, 512, 1, 1, 14, 1), ("l4.c2s2", 512, 512, 3, 2, 14, 1),
    ("l4.c1", 2048, 512, 1, 1, 7, 2), ("l4.c2", 512, 512, 3, 1, 7, 2),
    ("l4.c3", 512, 2048, 1, 1, 7, 3), ("l4.ds", 1024, 2048, 1, 2, 14, 1),
  ]

  @Test(.enabled(if: ProcessInfo.processInfo.environment["SSL_BENCH_PROFILE"] == "1"))
  func layerProfile() throws {
    BLASThreads.set(Self.threads)
    let batch = Self.batches.last ?? 16
    let arena = TensorArena()
    var rng = SeededGenerator(seed: 3)
    var totals: [String: Double] = [:]
    let only = Self.environment["SSL_BENCH_LAYERS"].map { Set($0.split(separator: ",").map(String.init)) }
    let algorithms = Self.environment["SSL_BENCH_ALGORITHMS"].map {
      Set($0.split(separator: ",").map(String.init))
    }
    let repetitions = Int(Self.environment["SSL_BENCH_REPEAT"] ?? "") ?? 3
    for (name, c, o, k, stride, size, times) in Self.resnet50Layers
    where only?.contains(name) ?? true {
      let algorithms = algorithms.map { $0.union(["gemm-band"]) }
      let input = Tensor(
        shape: [batch, c, size, size],
        scalars: uniformFloats(batch * c * size * size, in: 0...1, using: &rng))
      let weight = Tensor(
        shape: [o, c, k, k], scalars: normalFloats(o * c * k * k, std: 0.05, using: &rng))
      let bias = Tensor(zeros: [o])
      // (name, Winograd weights, im2col band budget); "gemm-whole" unfolds whole images.
      var variants: [(String, WinogradWeights?, Int)] = [("gemm", nil, Conv2D.bandBudget)]
      if k > 1 || stride > 1 {
        variants.append(("gemm-whole", nil, Int.max))
        // SSL_BENCH_BANDS=65536,262144: more band budgets (floats) to compare.
        for band in (Self.environment["SSL_BENCH_BANDS"] ?? "").split(separator: ",") {
          if let floats = Int(band) { variants.append(("gemm-band\(floats)", nil, floats)) }
        }
      }
      if k == 3 && stride == 1 {
        for variant in [WinogradVariant.f2x3, .f4x3] {
          let w = weight.withContiguousBuffer {
            WinogradWeights(weights: $0, outChannels: o, inChannels: c, variant: variant)
          }
          variants.append(("\(variant)", w, Winograd.workspaceBudget))
          // SSL_BENCH_WINOGRAD_BUDGETS=262144,1048576: Winograd block budgets (floats) too.
          for budget in (Self.environment["SSL_BENCH_WINOGRAD_BUDGETS"] ?? "").split(separator: ",") {
            if let floats = Int(budget) { variants.append(("\(variant)-ws\(floats)", w, floats)) }
          }
        }
      }
      variants = variants.filter { v in
        algorithms.map { a in
          a.contains(v.0) || v.0.hasPrefix("gemm-band") || v.0.contains("-ws")
        } ?? true
      }
      // Repetitions alternate between the variants (same-run A/B); the best time is kept.
      var best = [Double](repeating: .infinity, count: variants.count)
      let clock = ContinuousClock()
      let budget = Conv2D.bandBudget
      for _ in 0..<repetitions {
        for (v, (_, winograd, band)) in variants.enumerated() {
          let wsBudget = Winograd.workspaceBudget
          if winograd == nil { Conv2D.bandBudget = band } else { Winograd.workspaceBudget = band }
          defer {
            Conv2D.bandBudget = budget
            Winograd.workspaceBudget = wsBudget
          }
          let t0 = clock.now
          _ = try input.conv2d(
            weight: weight, bias: bias, stride: stride, padding: k / 2, relu: true,
            winograd: winograd, arena: arena)
          best[v] = min(best[v], Self.seconds(clock.now - t0))
        }
      }
      for (v, (algorithm, _, _)) in variants.enumerated() {
        let best = best[v]
        let out = (size + 2 * (k / 2) - k) / stride + 1
        let flops = 2.0 * Double(batch * o * out * out * c * k * k)
        totals[algorithm, default: 0] += best * Double(times)
        Self.emit([
          ("layer", "\"\(name)\""), ("algorithm", "\"\(algorithm)\""), ("batch", "\(batch)"),
          ("ms", String(format: "%.2f", best * 1e3)), ("times", "\(times)"),
          ("gflops", String(format: "%.1f", flops / best / 1e9)),
        ])
      }
    }
    Self.emit(totals.map { ("total_ms_\($0.key)", String(format: "%.1f", $0.value * 1e3)) })
  }
}
