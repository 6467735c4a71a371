// Copyright © 2026 the ssl authors.
//
// VectorOps.swift — the level-1 vector algebra of the L-BFGS solver and the logistic objective
// (dot, axpy, ∞-norm, an update fused with the next dot product, and the fused bookkeeping of
// a step) on parameter-sized Double vectors (K·d: 75,776 for Pets).
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
        sum(count) { dot(pa.baseAddress, pb.baseAddress, $0) }
      }
    }
  }

  /// `(a·b, b·b)` over the first `count` elements in one pass, each bit for bit what
  /// ``dot(_:_:count:)`` gives (the same chunks and lanes).
  static func dots(_ a: [Double], _ b: [Double], count: Int) -> (ab: Double, bb: Double) {
    precondition(count <= a.count && count <= b.count, "VectorOps.dots: \(a.count) vs \(b.count)")
    var bb = [Double](repeating: 0, count: workers(count))
    let ab = a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        bb.withUnsafeMutableBufferPointer { out in
          sum(count) { worker, range in
            let (ab, bb) = dots(pa.baseAddress, pb.baseAddress, range)
            out[worker] = bb
            return ab
          }
        }
      }
    }
    return (ab, bb.reduce(0, +))
  }

  /// `y ← β·y + α·x`, then `z·y` of the updated `y` (0 when `z` is nil), in one pass: an
  /// update of the L-BFGS two-loop recursion fused with the dot product the next one needs.
  static func update(
    _ y: inout [Double], scale beta: Double, plus alpha: Double, times x: [Double],
    thenDotWith z: [Double]?
  ) -> Double {
    precondition(x.count == y.count && (z == nil || z!.count == y.count),
      "VectorOps.update: \(x.count) vs \(y.count)")
    let count = y.count
    return x.withUnsafeBufferPointer { px in
      y.withUnsafeMutableBufferPointer { py in
        (z ?? []).withUnsafeBufferPointer { pz in
          guard let s = px.baseAddress, let d = py.baseAddress else { return 0 }
          guard let w = pz.baseAddress else {
            chunks(count) { range in
              for i in range { d[i] = beta * d[i] + alpha * s[i] }
            }
            return 0
          }
          return sum(count) { range in
            var s0 = SIMD2<Double>(), s1 = SIMD2<Double>()
            var i = range.lowerBound
            while i + 4 <= range.upperBound {
              let v0 = beta * SIMD2(d[i], d[i + 1]) + alpha * SIMD2(s[i], s[i + 1])
              let v1 = beta * SIMD2(d[i + 2], d[i + 3]) + alpha * SIMD2(s[i + 2], s[i + 3])
              d[i] = v0[0]
              d[i + 1] = v0[1]
              d[i + 2] = v1[0]
              d[i + 3] = v1[1]
              s0 += v0 * SIMD2(w[i], w[i + 1])
              s1 += v1 * SIMD2(w[i + 2], w[i + 3])
              i += 4
            }
            var total = (s0 + s1).sum()
            while i < range.upperBound {
              d[i] = beta * d[i] + alpha * s[i]
              total += d[i] * w[i]
              i += 1
            }
            return total
          }
        }
      }
    }
  }

  /// The L-BFGS pair of a step: `s ← t·d`, `x ← x + s`, `y ← g₊ − g`, `sᵀy` and `‖g₊‖∞`, in
  /// one pass, with the values of the separate operations bit for bit (the dot product keeps
  /// ``dot(_:_:count:)``'s chunks and lanes; a maximum is exact in any order). `s` and `y` are
  /// overwritten in place when they already hold `d.count` values (a recycled pair's storage),
  /// else replaced.
  static func pair(
    step t: Double, direction d: [Double], point x: inout [Double], gradient gNew: [Double],
    previous g: [Double], s: inout [Double], y: inout [Double]
  ) -> (sy: Double, gradientNorm: Double) {
    let count = d.count
    precondition(x.count == count && gNew.count == count && g.count == count,
      "VectorOps.pair: \(d.count), \(x.count), \(gNew.count), \(g.count)")
    resize(&s, to: count)
    resize(&y, to: count)
    var sy = 0.0
    var maxima = [Double](repeating: 0, count: workers(count))
    d.withUnsafeBufferPointer { pd in
      gNew.withUnsafeBufferPointer { pn in
        g.withUnsafeBufferPointer { pg in
          x.withUnsafeMutableBufferPointer { px in
            s.withUnsafeMutableBufferPointer { ps in
              y.withUnsafeMutableBufferPointer { py in
                guard let dp = pd.baseAddress, let np = pn.baseAddress, let gp = pg.baseAddress,
                  let xp = px.baseAddress, let sp = ps.baseAddress, let yp = py.baseAddress
                else { return }
                maxima.withUnsafeMutableBufferPointer { maxima in
                  sy = sum(count) { worker, range in
                    var largest = 0.0
                    for i in range {
                      sp[i] = t * dp[i]
                      xp[i] += sp[i]
                      yp[i] = np[i] - gp[i]
                      largest = max(largest, abs(np[i]))
                    }
                    maxima[worker] = largest
                    return dot(UnsafePointer(sp), UnsafePointer(yp), range)
                  }
                }
              }
            }
          }
        }
      }
    }
    return (sy, maxima.max() ?? 0)
  }

  /// `a ← b`, in `a`'s own storage when it already holds `b.count` values (so the copy is
  /// `a`'s alone: later writes to it never copy again).
  static func copy(_ b: [Double], into a: inout [Double]) {
    resize(&a, to: b.count)
    a.withUnsafeMutableBufferPointer { to in
      b.withUnsafeBufferPointer { from in
        if let t = to.baseAddress, let f = from.baseAddress { t.update(from: f, count: from.count) }
      }
    }
  }

  /// Makes `a` hold `count` values, keeping its storage when it already does (the values are
  /// then stale; callers overwrite them all).
  static func resize(_ a: inout [Double], to count: Int) {
    if a.count != count { a = [Double](repeating: 0, count: count) }
  }

  /// `out ← a + α·b` over the first `count` elements, then the rest of `a`, in one pass (a
  /// penalty's gradient added to a data gradient: the values of a copy followed by
  /// ``axpy(_:_:_:count:)``). `out` keeps its storage when it already holds `a.count` values.
  static func adding(
    _ a: [Double], _ alpha: Double, times b: [Double], count: Int, into out: inout [Double]
  ) {
    precondition(count <= a.count && count <= b.count,
      "VectorOps.adding: \(a.count) vs \(b.count)")
    resize(&out, to: a.count)
    let total = a.count
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        out.withUnsafeMutableBufferPointer { po in
          guard let o = po.baseAddress, let u = pa.baseAddress, let v = pb.baseAddress else {
            return
          }
          chunks(total) { range in
            for i in range.clamped(to: 0..<count) { o[i] = u[i] + alpha * v[i] }
            for i in range.clamped(to: count..<total) { o[i] = u[i] }
          }
        }
      }
    }
  }

  /// `Σ` of `body` over `0..<count` split into one range per worker (vectors shorter than
  /// ``parallelThreshold`` on the calling thread); partial sums are added in range order.
  private static func sum(_ count: Int, _ body: (Range<Int>) -> Double) -> Double {
    sum(count) { _, range in body(range) }
  }

  /// ``sum(_:_:)`` whose body also gets its range's index (0..<``workers(_:)``).
  private static func sum(_ count: Int, _ body: (Int, Range<Int>) -> Double) -> Double {
    let workers = workers(count)
    if workers == 1 { return body(0, 0..<count) }
    var partial = [Double](repeating: 0, count: workers)
    partial.withUnsafeMutableBufferPointer { out in
      let base = count / workers
      Parallel.forEachChunk(count: workers) { range in
        for w in range {
          out[w] = body(w, (w * base)..<(w == workers - 1 ? count : (w + 1) * base))
        }
      }
    }
    return partial.reduce(0, +)
  }

  /// The ranges ``sum(_:_:)`` splits `count` elements into.
  private static func workers(_ count: Int) -> Int {
    max(1, min(BLASThreads.current, count / parallelThreshold))
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

  /// ``dot(_:_:_:)`` of `(a, b)` and of `(b, b)` in one loop, each with its own lanes.
  private static func dots(
    _ a: UnsafePointer<Double>?, _ b: UnsafePointer<Double>?, _ range: Range<Int>
  ) -> (ab: Double, bb: Double) {
    guard let a, let b else { return (0, 0) }
    var s0 = SIMD2<Double>(), s1 = SIMD2<Double>(), s2 = SIMD2<Double>(), s3 = SIMD2<Double>()
    var t0 = SIMD2<Double>(), t1 = SIMD2<Double>(), t2 = SIMD2<Double>(), t3 = SIMD2<Double>()
    var i = range.lowerBound
    while i + 8 <= range.upperBound {
      let b0 = SIMD2(b[i], b[i + 1]), b1 = SIMD2(b[i + 2], b[i + 3])
      let b2 = SIMD2(b[i + 4], b[i + 5]), b3 = SIMD2(b[i + 6], b[i + 7])
      s0 += SIMD2(a[i], a[i + 1]) * b0
      s1 += SIMD2(a[i + 2], a[i + 3]) * b1
      s2 += SIMD2(a[i + 4], a[i + 5]) * b2
      s3 += SIMD2(a[i + 6], a[i + 7]) * b3
      t0 += b0 * b0
      t1 += b1 * b1
      t2 += b2 * b2
      t3 += b3 * b3
      i += 8
    }
    var ab = ((s0 + s1) + (s2 + s3)).sum()
    var bb = ((t0 + t1) + (t2 + t3)).sum()
    while i < range.upperBound {
      ab += a[i] * b[i]
      bb += b[i] * b[i]
      i += 1
    }
    return (ab, bb)
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

  /// `max |aᵢ|` (0 for an empty vector).
  static func normInf(_ a: [Double]) -> Double {
    a.withUnsafeBufferPointer { p in
      var m = 0.0
      for v in p { m = max(m, abs(v)) }
      return m
    }
  }
}
