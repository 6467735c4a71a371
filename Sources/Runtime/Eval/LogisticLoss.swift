// Copyright © 2026 the ssl authors.
//
// LogisticLoss.swift — the multinomial logistic objective as an L-BFGS `LineObjective`.
//
// With n samples, K classes, parameters x = [W (K×d, row-major), b (K)] and λ = 1/(C·n):
//
//     f(x)   = (1/n)·Σᵢ [lse(zᵢ) − zᵢ,yᵢ] + (λ/2)·‖W‖²,       zᵢ = W·xᵢ + b
//     ∇_W f  = Gᵀ·X + λ·W,   ∇_b f = Σᵢ Gᵢ,                    Gᵢₖ = (pᵢₖ − [k = yᵢ]) / n
//
// i.e. sklearn's summed objective divided by n. Along a line x + t·D the logits are Z + t·Z_D,
// so `setDirection` spends one GEMM (Z_D = X·D_Wᵀ + D_b) and every line-search trial is an
// O(n·K) pass; `move` spends the second GEMM (the gradient). Two GEMMs per L-BFGS step.
//
// The row passes exponentiate a chunk of rows at a time through `VectorExp` (libmvec, ≤ 4 ulp).
// `move` to the step the line search evaluated last (nearly every step) reuses that
// evaluation's exponentials, row sums and losses, which are those of the new logits bit for
// bit, so a step exponentiates n·K values once, not twice.
//
// Hazard: Z is carried forward by Z ← Z + t·Z_D rather than recomputed; the drift from X·W is
// rounding of float32 GEMM outputs (~1e-7 relative per step) and is reset at every fit start.
//
// Memory: the n·K and parameter-sized arrays (logits, direction logits, residual, line-search
// scratch, data gradient) are members, overwritten in place at every step, and ``LBFGS`` keeps
// its direction, gradients and recycled pairs the same way: a step allocates nothing of that
// size. (Allocated afresh, ~6 MB per step on a Pets-sized probe went back to the allocator and
// returned as freshly zeroed pages. Reusing them kept every value bit for bit; the bench
// process's system time was 1.2–2.3 s in five runs against 1.4–2.9 s before, and the sweep's
// wall time stayed within the machine's noise.)

import Foundation
import Kernels

struct LogisticLoss: LineObjective {
  let design: DesignMatrix
  let labels: [Int]
  let classCount: Int
  let fitIntercept: Bool
  /// λ = 1 / (C·n), the ridge coefficient of the per-sample-mean objective.
  private(set) var lambda: Double

  private var x: [Double] = []
  private var z: [Double] = []
  private var direction: [Double] = []
  private var zDirection: [Double] = []
  /// ‖W‖² at the current point: set by ``withPenalty(into:)``, with which every change of
  /// point or C ends, and read by the line evaluations.
  private var wDotW = 0.0
  private var wDotD = 0.0
  private var dDotD = 0.0
  /// The data part of `f` and `∇f` at the current point (no penalty), for
  /// ``changeC(to:gradient:)``.
  private var dataValue = 0.0
  private var dataGradient: [Double] = []
  /// Scratch: the residual G (n·K), exponentials of a line evaluation (n·K), per-row terms.
  private var residual: [Double] = []
  private var exponentials: [Double] = []
  private var rowLoss: [Double] = []
  private var rowSlope: [Double] = []
  /// Σₖ of each row's exponentials in the last line evaluation.
  private var rowSum: [Double] = []
  /// The step of the last line evaluation while its `exponentials`, `rowSum` and `rowLoss`
  /// are still those of `z + t·z_d` (nil otherwise): ``move(by:gradient:)`` to that step
  /// takes the softmax from them instead of a second exponentiation pass.
  private var lineStep: Double?

  init(design: DesignMatrix, labels: [Int], classCount: Int, fitIntercept: Bool, c: Double) {
    self.design = design
    self.labels = labels
    self.classCount = classCount
    self.fitIntercept = fitIntercept
    self.lambda = 1 / (c * Double(max(design.rows, 1)))
  }

  /// True when no step calls BLAS (``DesignMatrix/productsAvoidBLAS``).
  var productsAvoidBLAS: Bool { design.productsAvoidBLAS }

  /// The parameter count: K·d weights, then K intercepts when fitted.
  var dimension: Int { classCount * design.columns + (fitIntercept ? classCount : 0) }
  var weightCount: Int { classCount * design.columns }

  /// Switches to another C at the current point without any feature product: the data term
  /// and its gradient do not depend on C, so `f = data + (λ/2)‖W‖²`, `∇f = ∇data + λ·W`.
  /// Writes `∇f` into `gradient` (in its storage when it already has the size) and returns `f`.
  mutating func changeC(to c: Double, gradient: inout [Double]) -> Double {
    setC(c)
    return withPenalty(into: &gradient)
  }

  /// Sets C (λ) without evaluating anything; call ``reset(at:gradient:)`` next.
  mutating func setC(_ c: Double) {
    lambda = 1 / (c * Double(max(design.rows, 1)))
  }

  private mutating func withPenalty(into gradient: inout [Double]) -> Double {
    VectorOps.adding(dataGradient, lambda, times: x, count: weightCount, into: &gradient)
    wDotW = VectorOps.dot(x, x, count: weightCount)
    return dataValue + 0.5 * lambda * wDotW
  }

  // MARK: - LineObjective

  mutating func reset(at point: [Double], gradient: inout [Double]) -> Double {
    // A copy of its own, so that moving it never copies the caller's array.
    VectorOps.copy(point, into: &x)
    if x[0..<weightCount].allSatisfy({ $0 == 0 }) {
      // A cold start: X·0 is zero, so the logits are the intercepts and need no product.
      VectorOps.resize(&z, to: design.rows * classCount)
      for i in 0..<design.rows {
        for j in 0..<classCount { z[i * classCount + j] = fitIntercept ? x[weightCount + j] : 0 }
      }
    } else {
      Self.logits(design, of: x, classCount: classCount, fitIntercept: fitIntercept, into: &z)
    }
    lineStep = nil
    return valueAndGradient(into: &gradient)
  }

  mutating func setDirection(_ d: [Double]) {
    direction = d
    Self.logits(
      design, of: d, classCount: classCount, fitIntercept: fitIntercept, into: &zDirection)
    lineStep = nil
    // ‖W‖² was computed at this point by the last `withPenalty`.
    (wDotD, dDotD) = VectorOps.dots(x, d, count: weightCount)
  }

  mutating func line(at t: Double) -> (value: Double, slope: Double) {
    let n = design.rows
    let k = classCount
    VectorOps.resize(&rowLoss, to: n)
    VectorOps.resize(&rowSlope, to: n)
    VectorOps.resize(&rowSum, to: n)
    VectorOps.resize(&exponentials, to: n * k)
    z.withUnsafeBufferPointer { z in
      zDirection.withUnsafeBufferPointer { zd in
        exponentials.withUnsafeMutableBufferPointer { e in
          rowLoss.withUnsafeMutableBufferPointer { loss in
            rowSlope.withUnsafeMutableBufferPointer { slope in
              rowSum.withUnsafeMutableBufferPointer { sums in
                Parallel.forEachChunk(count: n, minChunk: 128) { range in
                  // e = exp(u − max u) for the chunk's rows, u = z + t·z_d, exponentiated in
                  // one vector call.
                  let first = range.lowerBound
                  var maxima = [Double](repeating: 0, count: range.count)
                  for i in range {
                    var m = -Double.infinity
                    for j in 0..<k {
                      let u = z[i * k + j] + t * zd[i * k + j]
                      e[i * k + j] = u
                      m = max(m, u)
                    }
                    maxima[i - first] = m
                    for j in 0..<k { e[i * k + j] -= m }
                  }
                  let rows = (first * k)..<(range.upperBound * k)
                  VectorExp.inPlace(UnsafeMutableBufferPointer(rebasing: e[rows]))
                  for i in range {
                    var sum = 0.0
                    var weighted = 0.0
                    for j in 0..<k {
                      let v = e[i * k + j]
                      sum += v
                      weighted += v * zd[i * k + j]
                    }
                    let y = labels[i]
                    sums[i] = sum
                    loss[i] = maxima[i - first] + log(sum) - (z[i * k + y] + t * zd[i * k + y])
                    slope[i] = weighted / sum - zd[i * k + y]
                  }
                }
              }
            }
          }
        }
      }
    }
    lineStep = t
    let scale = 1 / Double(max(n, 1))
    let value = rowLoss.reduce(0, +) * scale
      + 0.5 * lambda * (wDotW + 2 * t * wDotD + t * t * dDotD)
    let slope = rowSlope.reduce(0, +) * scale + lambda * (wDotD + t * dDotD)
    return (value, slope)
  }

  mutating func move(by t: Double, gradient: inout [Double]) -> Double {
    VectorOps.axpy(t, direction, &x)
    VectorOps.axpy(t, zDirection, &z)
    direction = []  // the minimiser's buffer again has one owner
    // The line search almost always accepts the step it evaluated last. Its exponentials are
    // then those of the new logits bit for bit (`z + t·z_d` is what `axpy` just stored, with
    // the same maxima, chunks and sums), so only the normalisation pass remains.
    let reuse = lineStep == t
    lineStep = nil
    if reuse { return gradientFromExponentials(into: &gradient) }
    return valueAndGradient(into: &gradient)
  }

  // MARK: - Internals

  /// `X·Wᵀ + b` for a parameter vector (a point or a direction), into `out`.
  ///
  /// Static, with the design passed in: as an instance method called with one of `self`'s own
  /// arrays as `out`, the call would read a copy of `self`, which still shares that array's
  /// storage, so writing `out` copied all n·K values first (once per step).
  private static func logits(
    _ design: DesignMatrix, of p: [Double], classCount: Int, fitIntercept: Bool,
    into out: inout [Double]
  ) {
    let weights = classCount * design.columns
    design.timesTransposed(
      p[0..<weights], bias: fitIntercept ? p[weights..<(weights + classCount)] : nil,
      outputs: classCount, into: &out)
  }

  /// `f` and `∇f` at the current point from the cached logits: the rows' exponentials, sums
  /// and losses, then ``gradientFromExponentials(into:)``.
  private mutating func valueAndGradient(into gradient: inout [Double]) -> Double {
    let n = design.rows
    let k = classCount
    VectorOps.resize(&exponentials, to: n * k)
    VectorOps.resize(&rowSum, to: n)
    VectorOps.resize(&rowLoss, to: n)
    z.withUnsafeBufferPointer { z in
      exponentials.withUnsafeMutableBufferPointer { e in
        rowSum.withUnsafeMutableBufferPointer { sums in
          rowLoss.withUnsafeMutableBufferPointer { loss in
            Parallel.forEachChunk(count: n, minChunk: 128) { range in
              // e = exp(z − max z) for the chunk's rows in one vector call.
              var maxima = [Double](repeating: 0, count: range.count)
              for i in range {
                var m = -Double.infinity
                for j in 0..<k { m = max(m, z[i * k + j]) }
                maxima[i - range.lowerBound] = m
                for j in 0..<k { e[i * k + j] = z[i * k + j] - m }
              }
              let rows = (range.lowerBound * k)..<(range.upperBound * k)
              VectorExp.inPlace(UnsafeMutableBufferPointer(rebasing: e[rows]))
              for i in range {
                var sum = 0.0
                for j in 0..<k { sum += e[i * k + j] }
                sums[i] = sum
                loss[i] = maxima[i - range.lowerBound] + log(sum) - z[i * k + labels[i]]
              }
            }
          }
        }
      }
    }
    return gradientFromExponentials(into: &gradient)
  }

  /// `f` and `∇f` from `exponentials`, `rowSum` and `rowLoss` at the current point — written by
  /// ``valueAndGradient(into:)``, or by the line evaluation at the step just taken (the same
  /// values bit for bit): the residual G is the exponentials normalised, less 1/n at the label.
  private mutating func gradientFromExponentials(into gradient: inout [Double]) -> Double {
    let n = design.rows
    let k = classCount
    let scale = 1 / Double(max(n, 1))
    swap(&residual, &exponentials)
    rowSum.withUnsafeBufferPointer { sums in
      residual.withUnsafeMutableBufferPointer { g in
        Parallel.forEachChunk(count: n, minChunk: 256) { range in
          for i in range {
            let sum = sums[i]
            for j in 0..<k { g[i * k + j] *= scale / sum }
            g[i * k + labels[i]] -= scale
          }
        }
      }
    }
    return finishGradient(into: &gradient)
  }

  /// The data gradient `Gᵀ·X` (and the intercepts' `Σᵢ G`) from `residual`, the data value
  /// from `rowLoss`, then `f` and `∇f` with the penalty.
  private mutating func finishGradient(into gradient: inout [Double]) -> Double {
    let n = design.rows
    let k = classCount
    let scale = 1 / Double(max(n, 1))
    VectorOps.resize(&dataGradient, to: dimension)
    let weights = weightCount
    dataGradient.withUnsafeMutableBufferPointer { out in
      design.transposedTimes(
        residual, outputs: k, into: UnsafeMutableBufferPointer(rebasing: out[0..<weights]))
      guard fitIntercept else { return }
      // Σᵢ Gᵢⱼ in row order for each class, the classes split over the threads.
      let b = UnsafeMutableBufferPointer(rebasing: out[weights..<(weights + k)])
      b.update(repeating: 0)
      residual.withUnsafeBufferPointer { g in
        Parallel.forEachChunk(count: k, minChunk: max(1, 16_384 / max(n, 1))) { classes in
          for i in 0..<n {
            for j in classes { b[j] += g[i * k + j] }
          }
        }
      }
    }
    dataValue = rowLoss.reduce(0, +) * scale
    return withPenalty(into: &gradient)
  }
}
