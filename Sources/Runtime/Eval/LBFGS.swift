// Copyright © 2026 the ssl authors.
//
// LBFGS.swift — limited-memory BFGS for smooth unconstrained objectives whose restriction to
// a line is cheap once the direction is known (linear models: the logits along a line are
// Z + t·Z_d, so a line search needs no feature products).
//
// Algorithm: Nocedal & Wright, Numerical Optimization (2nd ed.), Alg. 7.4 (two-loop recursion,
// H₀ = (sᵀy / yᵀy)·I — for an unbounded problem the same direction as L-BFGS-B's compact
// form) with scipy L-BFGS-B's line search, MINPACK-2's Moré–Thuente `dcsrch` (LineSearch.swift;
// ftol 1e-3, gtol 0.9, xtol 0.1; first step of a run 1/‖d‖₂, later steps 1; a pair is skipped
// when sᵀy ≤ eps·(−gᵀs)). Stopping rules: see `LogisticRegressionConfig`.
//
// Cost: on a Pets-sized probe (K·d = 75,776) the recursion streams the stored pairs (12 MB with
// m = 10) twice per direction from memory — the packed features pass through L3 at every step —
// about 0.9 ms, a tenth of the sweep. The pairs stay Double, as scipy keeps them. Rounding
// them to float32 (which would halve that traffic) was checked on the Pets-sized bench: the
// same 203 + 11 steps and chosen C, the refit objective 2e-10 (relative) away; not done.

import Kernels

/// An objective the minimiser can move along lines. The conforming type keeps the current
/// point; ``LBFGS`` owns the step algebra. Gradients are written into caller-owned buffers
/// (kept between steps, so a step allocates no parameter-sized array).
protocol LineObjective {
  /// Makes `x` the current point, writes `∇f(x)` into `gradient` and returns `f(x)`.
  mutating func reset(at x: [Double], gradient: inout [Double]) -> Double
  /// Prepares `φ(t) = f(x + t·d)` for the current point `x`. The objective may keep a reference
  /// to `d` until the next ``move(by:gradient:)``, which drops it.
  mutating func setDirection(_ d: [Double])
  /// `φ(t)` and `φ'(t)` along the prepared direction.
  mutating func line(at t: Double) -> (value: Double, slope: Double)
  /// Moves the current point to `x + t·d`, writes `∇f` there into `gradient` and returns `f`.
  mutating func move(by t: Double, gradient: inout [Double]) -> Double
}

/// Why an L-BFGS run stopped.
public enum LBFGSStop: String, Hashable, Sendable {
  /// `‖∇‖∞ ≤ tol` (scipy: "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL").
  case gradientTolerance
  /// The relative reduction of `f` fell below `ftol` (scipy: "REL_REDUCTION_OF_F_<=_FACTR*EPSMCH").
  case relativeReduction
  /// `maxIterations` steps were taken (sklearn: ConvergenceWarning).
  case maxIterations
  /// No step satisfying the Wolfe conditions was found, even along −∇ (scipy: "ABNORMAL").
  case lineSearchFailed
}

/// Curvature pairs `(s, y, 1/sᵀy)`, oldest first; a caller may seed a run with them.
///
/// It also keeps parameter-sized arrays no longer in use (pairs dropped from the memory or
/// forgotten by ``forgetPairs()``, a finished run's direction and gradient), whose storage
/// later steps overwrite instead of allocating: a caller that runs many fits with one memory
/// (a warm-started C path: 46 fits, most of them shorter than the memory) then allocates no
/// parameter-sized array after its first fit. (Fresh arrays of that size come from `mmap`, and
/// their first writes fault in and zero every page.)
struct LBFGSMemory {
  var pairs: [(s: [Double], y: [Double], rho: Double)] = []
  /// Unused arrays; their values are stale.
  var spare: [[Double]] = []

  /// Empties the memory of pairs, keeping their storage for later ones.
  mutating func forgetPairs() {
    for pair in pairs {
      spare.append(pair.s)
      spare.append(pair.y)
    }
    pairs.removeAll(keepingCapacity: true)
  }
}

/// The outcome of one L-BFGS run.
struct LBFGSOutcome {
  var value: Double
  var gradientNorm: Double
  var iterations: Int
  var lineEvaluations: Int
  var stop: LBFGSStop
}

/// The minimiser (a namespace).
enum LBFGS {
  /// Tolerances, already on the scale the objective is evaluated on.
  struct Settings {
    var gradientTolerance: Double
    var relativeReduction: Double
    /// `f` is multiplied by this before the reduction test (`n` when the tolerance is on the
    /// summed objective but `f` is the mean), so `max(|f|, 1)` means what scipy means.
    var valueScale: Double
    var maxIterations: Int
    var memory: Int
    var maxLineSearchSteps: Int
  }

  /// Minimises from `x`, which receives the solution (moved in place: the caller's array is
  /// the iterate, never copied). `start` is `(f, ∇f)` at `x` when the caller already has it
  /// (the objective's current point must then be `x`); `memory` seeds and receives the pairs.
  static func minimize<F: LineObjective>(
    _ objective: inout F, point x: inout [Double], settings: Settings,
    start: (value: Double, gradient: [Double])? = nil, memory: inout LBFGSMemory
  ) -> LBFGSOutcome {
    // Taken out of `memory`, so that each array has one owner while it is overwritten.
    var store = memory
    memory = LBFGSMemory()
    // Buffers kept across steps: the gradient (a copy of the caller's, which is then never
    // written), the direction, the next gradient, and the storage of pairs not kept or pushed
    // out of the memory (recycled by the next steps' pairs).
    var g = store.spare.popLast() ?? []
    var d = store.spare.popLast() ?? []
    var gNew = store.spare.popLast() ?? []
    defer {
      store.spare.append(g)
      store.spare.append(d)
      store.spare.append(gNew)
      memory = store
    }
    var f: Double
    if let start {
      f = start.value
      VectorOps.copy(start.gradient, into: &g)
    } else {
      f = objective.reset(at: x, gradient: &g)
    }
    var outcome = LBFGSOutcome(
      value: f, gradientNorm: normInf(g), iterations: 0, lineEvaluations: 0,
      stop: .gradientTolerance)
    if outcome.gradientNorm <= settings.gradientTolerance { return outcome }
    while true {
      if outcome.iterations >= settings.maxIterations {
        outcome.stop = .maxIterations
        break
      }
      if store.pairs.isEmpty {
        steepestDescent(g, into: &d)
      } else {
        direction(gradient: g, pairs: store.pairs, into: &d)
      }
      var slope = dot(g, d)
      if !(slope < 0) {  // not a descent direction (rounding): restart from steepest descent
        store.forgetPairs()
        steepestDescent(g, into: &d)
        slope = dot(g, d)
      }
      var search = lineSearch(
        &objective, d: d, f0: f, slope0: slope, fresh: outcome.iterations == 0,
        settings: settings)
      outcome.lineEvaluations += search.evaluations
      if search.step == nil && !store.pairs.isEmpty {
        // scipy resets the memory and retries along −∇ before giving up.
        store.forgetPairs()
        steepestDescent(g, into: &d)
        slope = dot(g, d)
        search = lineSearch(
          &objective, d: d, f0: f, slope0: slope, fresh: outcome.iterations == 0,
          settings: settings)
        outcome.lineEvaluations += search.evaluations
      }
      guard let t = search.step else {
        outcome.stop = .lineSearchFailed
        break
      }
      let fNew = objective.move(by: t, gradient: &gNew)
      var s = store.spare.popLast() ?? []
      var y = store.spare.popLast() ?? []
      let (sy, gradientNorm) = VectorOps.pair(
        step: t, direction: d, point: &x, gradient: gNew, previous: g, s: &s, y: &y)
      // L-BFGS-B skips the update when sᵀy ≤ eps·(−gᵀd·t).
      if sy > Double.ulpOfOne * (-slope * t) {
        if store.pairs.count == settings.memory {
          let old = store.pairs.removeFirst()
          store.spare.append(old.s)
          store.spare.append(old.y)
        }
        store.pairs.append((s, y, 1 / sy))
      } else {
        store.spare.append(s)
        store.spare.append(y)
      }
      outcome.iterations += 1
      let scaledOld = f * settings.valueScale
      let scaledNew = fNew * settings.valueScale
      f = fNew
      swap(&g, &gNew)
      outcome.gradientNorm = gradientNorm
      let reduction = (scaledOld - scaledNew) / max(abs(scaledOld), abs(scaledNew), 1)
      if reduction <= settings.relativeReduction {
        outcome.stop = .relativeReduction
        break
      }
      if outcome.gradientNorm <= settings.gradientTolerance {
        outcome.stop = .gradientTolerance
        break
      }
    }
    outcome.value = f
    return outcome
  }

  /// ``minimize(_:point:settings:start:memory:)`` with `Parallel.withSpinningHelpers` when
  /// `helpers` is true: the objective's parallel loops then find their helper threads awake.
  /// Only for objectives whose steps make no BLAS call (``LogisticLoss/productsAvoidBLAS``): the
  /// Pets-sized sweep + refit took 1.42–1.58 s against 1.60–1.84 s (medians of five runs,
  /// three alternations), the same steps and values.
  static func minimizeKeepingHelpers<F: LineObjective>(
    _ objective: inout F, point x: inout [Double], settings: Settings,
    start: (value: Double, gradient: [Double])? = nil, memory: inout LBFGSMemory,
    helpers: Bool
  ) -> LBFGSOutcome {
    guard helpers else {
      return minimize(&objective, point: &x, settings: settings, start: start, memory: &memory)
    }
    return Parallel.withSpinningHelpers {
      minimize(&objective, point: &x, settings: settings, start: start, memory: &memory)
    }
  }

  /// `d ← −g`.
  private static func steepestDescent(_ g: [Double], into d: inout [Double]) {
    VectorOps.resize(&d, to: g.count)
    g.withUnsafeBufferPointer { pg in
      d.withUnsafeMutableBufferPointer { pd in
        for i in pg.indices { pd[i] = -pg[i] }
      }
    }
  }

  // MARK: - Two-loop recursion

  /// `d = −H·g` with the stored pairs, oldest first.
  ///
  /// Each update of `q` also computes the dot product the next one needs
  /// (``VectorOps/update(_:scale:plus:times:thenDotWith:)``), and γ and the final sign are
  /// folded into the first and last updates of the second loop: 2m + 1 passes over `q` instead
  /// of 4m + 2. The pairs are read once per loop either way; with m = 10 on a Pets-sized probe
  /// they are 12 MB, more than stays in cache between steps.
  static func direction(
    gradient g: [Double], pairs: [(s: [Double], y: [Double], rho: Double)]
  ) -> [Double] {
    var q: [Double] = []
    direction(gradient: g, pairs: pairs, into: &q)
    return q
  }

  /// ``direction(gradient:pairs:)`` into `q`, which keeps its storage when it already holds
  /// `g.count` values.
  static func direction(
    gradient g: [Double], pairs: [(s: [Double], y: [Double], rho: Double)],
    into q: inout [Double]
  ) {
    let m = pairs.count
    VectorOps.copy(g, into: &q)
    var alpha = [Double](repeating: 0, count: m)
    var next = dot(pairs[m - 1].s, q)  // sⱼ·q for the j about to be used
    for j in (0..<m).reversed() {
      alpha[j] = pairs[j].rho * next
      // After the last update of the first loop, y₀·q: the second loop's first dot.
      let z = j > 0 ? pairs[j - 1].s : pairs[0].y
      next = VectorOps.update(&q, scale: 1, plus: -alpha[j], times: pairs[j].y, thenDotWith: z)
    }
    let last = pairs[m - 1]
    let gamma = 1 / (last.rho * dot(last.y, last.y))  // sᵀy / yᵀy
    next *= gamma  // y₀·(γ·q)
    for j in 0..<m {
      let beta = pairs[j].rho * next
      let sign = j == m - 1 ? -1.0 : 1.0
      next = VectorOps.update(
        &q, scale: sign * (j == 0 ? gamma : 1), plus: sign * (alpha[j] - beta),
        times: pairs[j].s, thenDotWith: j < m - 1 ? pairs[j + 1].y : nil)
    }
  }

  // MARK: - Line search

  /// scipy L-BFGS-B's `lnsrlb`: the Moré–Thuente search (``MoreThuente``, ftol 1e-3, gtol 0.9,
  /// xtol 0.1, stpmax 1e10) from `min(1/‖d‖₂, stpmax)` on a run's first iteration and 1 after.
  /// - Returns: The accepted step, or nil after `maxLineSearchSteps` evaluations without one
  ///   (scipy then restarts from steepest descent with an empty memory).
  private static func lineSearch<F: LineObjective>(
    _ objective: inout F, d: [Double], f0: Double, slope0: Double, fresh: Bool,
    settings: Settings
  ) -> (step: Double?, evaluations: Int) {
    objective.setDirection(d)
    var search = MoreThuente(
      f0: f0, g0: slope0, step: fresh ? min(1 / dot(d, d).squareRoot(), 1e10) : 1)
    var evaluations = 0
    while evaluations < settings.maxLineSearchSteps {
      let (f, g) = objective.line(at: search.step)
      evaluations += 1
      guard f.isFinite, g.isFinite else { return (nil, evaluations) }
      if search.next(value: f, slope: g) != .evaluate { return (search.step, evaluations) }
    }
    return (nil, evaluations)
  }

  // MARK: - Vector helpers

  static func dot(_ a: [Double], _ b: [Double]) -> Double { VectorOps.dot(a, b) }

  static func normInf(_ a: [Double]) -> Double { VectorOps.normInf(a) }
}
