// Copyright © 2026 the ssl authors.
//
// VectorOps.swift — the level-1 vector algebra of the L-BFGS solver and the logistic objective
// (dot, axpy, scale, ∞-norm) on parameter-sized Double vectors (K·d: 75,776 for Pets).
//
// Why not plain `for i in a.indices` loops: those are scalar (bounds checks; a strict-order FP
// sum cannot be vectorised) and, at ~40 passes per L-BFGS step (the two-loop recursion with
// ten pairs), cost as much as the step's two feature products. Here each operation runs over
// raw pointers, sums in four independent SIMD2 lanes, and splits vectors of ≥ 32 Ki elements
// over the module's threads (`Parallel`). Sums are therefore ordered by chunk and lane, not
// left to right: results differ from a sequential sum by rounding only.

import Kernels

enum VectorOps {
  /// Vectors shorter than this run on the calling thread.
  static let parallelThreshold = 32 * 1024

  private static func chunks(_ count: Int, _ body: (Range<Int>) -> Void) {
    Parallel.forEachChunk(count: count, minChunk: parallelThreshold, body)
  }

  /// `Σ aᵢ·bᵢ` over the first `count` elements (all by default).
  static func dot(_ a: [Double], _ b: [Double], count: Int? = nil) -> Double {
    let count = count ?? a.count
    precondition(a.count == b.count || (count <= a.count && count <= b.count),
      "VectorOps.dot: \(a.count) vs \(b.count)")
    return a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        let workers = max(1, min(BLASThreads.current, count / parallelThreshold))
        if workers == 1 { return dot(pa.baseAddress, pb.baseAddress, 0..<count) }
        var partial = [Double](repeating: 0, count: workers)
        partial.withUnsafeMutableBufferPointer { out in
          let base = count / workers
          Parallel.forEachChunk(count: workers) { range in
            for w in range {
              let end = w == workers - 1 ? count : (w + 1) * base
              out[w] = dot(pa.baseAddress, pb.baseAddress, (w * base)..<end)
            }
          }
        }
        return partial.reduce(0, +)
      }
    }
  }

  private static func dot(
    _ a: UnsafePointer<Double>?, _ b: UnsafePointer<Double>?, _ range: Range<Int>
  ) -> Double {
    guard let a, let b else { return 0 }
    var s0 = SIMD2<Double>(), s1 = SIMD2<Double>(), s2 = SIMD2<Double>(), s3 = SIMD2<Double>()
    var i = range.lowerBound
    while i + 8 <= range.upperBound {
      s0 += SIMD2(a[i], a[i + 1]) * SIMD2(b[i], b[i + 1])
      s1 += SIMD2(a[i + 2], a[i + 3]) * SIMD2(b[i + 2], b[i + 3])
      s2 += SIMD2(a[i + 4], a[i + 5]) * SIMD2(b[i + 4], b[i + 5])
      s3 += SIMD2(a[i + 6], a[i + 7]) * SIMD2(b[i + 6], b[i + 7])
      i += 8
    }
    var sum = ((s0 + s1) + (s2 + s3)).sum()
    while i < range.upperBound {
      sum += a[i] * b[i]
      i += 1
    }
    return sum
  }

  /// `y ← y + α·x` over the first `count` elements (all by default).
  static func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double], count: Int? = nil) {
    let count = count ?? x.count
    precondition(x.count == y.count || (count <= x.count && count <= y.count),
      "VectorOps.axpy: \(x.count) vs \(y.count)")
    x.withUnsafeBufferPointer { px in
      y.withUnsafeMutableBufferPointer { py in
        guard let s = px.baseAddress, let d = py.baseAddress else { return }
        chunks(count) { range in
          for i in range { d[i] += alpha * s[i] }
        }
      }
    }
  }

  /// `y ← α·y`.
  static func scale(_ alpha: Double, _ y: inout [Double]) {
    y.withUnsafeMutableBufferPointer { py in
      guard let d = py.baseAddress else { return }
      chunks(py.count) { range in
        for i in range { d[i] *= alpha }
      }
    }
  }

  /// `max |aᵢ|` (0 for an empty vector).
  static func normInf(_ a: [Double]) -> Double {
    a.withUnsafeBufferPointer { p in
      var m = 0.0
      for v in p { m = max(m, abs(v)) }
      return m
    }
  }
}
