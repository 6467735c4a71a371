// Copyright © 2026 the ssl authors.
//
// LBFGS.swift — limited-memory BFGS for smooth unconstrained objectives whose restriction to
// a line is cheap once the direction is known (linear models: the logits along a line are
// Z + t·Z_d, so a line search needs no feature products).
//
// Algorithm: Nocedal & Wright, Numerical Optimization (2nd ed.), Alg. 7.4 (two-loop recursion,
// H₀ = (sᵀy / yᵀy)·I) with the strong-Wolfe line search of Alg. 3.5/3.6 (bracketing, then
// zoom with a safeguarded cubic step). Constants follow scipy's L-BFGS-B (`dcsrch` with
// ftol 1e-3, gtol 0.9; first step of a fresh memory 1/‖d‖₂, later steps 1; a pair is skipped
// when sᵀy ≤ eps·yᵀy). Stopping rules: see `LogisticRegressionConfig`.

/// An objective the minimiser can move along lines. The conforming type keeps the current
/// point; ``LBFGS`` owns the step algebra.
protocol LineObjective {
  /// Makes `x` the current point and returns `f(x)` and `∇f(x)`.
  mutating func reset(at x: [Double]) -> (value: Double, gradient: [Double])
  /// Prepares `φ(t) = f(x + t·d)` for the current point `x`.
  mutating func setDirection(_ d: [Double])
  /// `φ(t)` and `φ'(t)` along the prepared direction.
  func line(at t: Double) -> (value: Double, slope: Double)
  /// Moves the current point to `x + t·d` and returns `f` and `∇f` there.
  mutating func move(by t: Double) -> (value: Double, gradient: [Double])
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
struct LBFGSMemory {
  var pairs: [(s: [Double], y: [Double], rho: Double)] = []
}

/// The outcome of one L-BFGS run.
struct LBFGSOutcome {
  var x: [Double]
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

  /// Minimises from `x0`. `start` is `(f, ∇f)` at `x0` when the caller already has it (the
  /// objective's current point must then be `x0`); `memory` seeds and receives the pairs.
  static func minimize<F: LineObjective>(
    _ objective: inout F, from x0: [Double], settings: Settings,
    start: (value: Double, gradient: [Double])? = nil, memory: inout LBFGSMemory
  ) -> LBFGSOutcome {
    var x = x0
    var (f, g) = start ?? objective.reset(at: x)
    var outcome = LBFGSOutcome(
      x: x, value: f, gradientNorm: normInf(g), iterations: 0, lineEvaluations: 0,
      stop: .gradientTolerance)
    if outcome.gradientNorm <= settings.gradientTolerance { return outcome }
    var pairs = memory.pairs
    defer { memory.pairs = pairs }
    while true {
      if outcome.iterations >= settings.maxIterations {
        outcome.stop = .maxIterations
        break
      }
      var d = pairs.isEmpty ? g.map { -$0 } : direction(gradient: g, pairs: pairs)
      var slope = dot(g, d)
      if !(slope < 0) {  // not a descent direction (rounding): restart from steepest descent
        pairs.removeAll()
        d = g.map { -$0 }
        slope = dot(g, d)
      }
      var search = lineSearch(&objective, d: d, f0: f, slope0: slope, fresh: pairs.isEmpty,
        settings: settings)
      outcome.lineEvaluations += search.evaluations
      if search.step == nil && !pairs.isEmpty {
        // scipy resets the memory and retries along −∇ before giving up.
        pairs.removeAll()
        d = g.map { -$0 }
        search = lineSearch(&objective, d: d, f0: f, slope0: dot(g, d), fresh: true,
          settings: settings)
        outcome.lineEvaluations += search.evaluations
      }
      guard let t = search.step else {
        outcome.stop = .lineSearchFailed
        break
      }
      let (fNew, gNew) = objective.move(by: t)
      var s = d
      var y = gNew
      var sy = 0.0
      var yy = 0.0
      for i in x.indices {
        s[i] = t * d[i]
        x[i] += s[i]
        y[i] -= g[i]
        sy += s[i] * y[i]
        yy += y[i] * y[i]
      }
      if sy > Double.ulpOfOne * yy {
        if pairs.count == settings.memory { pairs.removeFirst() }
        pairs.append((s, y, 1 / sy))
      }
      outcome.iterations += 1
      let scaledOld = f * settings.valueScale
      let scaledNew = fNew * settings.valueScale
      f = fNew
      g = gNew
      outcome.gradientNorm = normInf(g)
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
    outcome.x = x
    outcome.value = f
    return outcome
  }

  // MARK: - Two-loop recursion

  /// `d = −H·g` with the stored pairs, oldest first.
  private static func direction(
    gradient g: [Double], pairs: [(s: [Double], y: [Double], rho: Double)]
  ) -> [Double] {
    var q = g
    var alpha = [Double](repeating: 0, count: pairs.count)
    for j in pairs.indices.reversed() {
      alpha[j] = pairs[j].rho * dot(pairs[j].s, q)
      axpy(-alpha[j], pairs[j].y, &q)
    }
    let last = pairs[pairs.count - 1]
    let gamma = 1 / (last.rho * dot(last.y, last.y))  // sᵀy / yᵀy
    for i in q.indices { q[i] *= gamma }
    for j in pairs.indices {
      let beta = pairs[j].rho * dot(pairs[j].y, q)
      axpy(alpha[j] - beta, pairs[j].s, &q)
    }
    for i in q.indices { q[i] = -q[i] }
    return q
  }

  // MARK: - Strong-Wolfe line search

  private static let c1 = 1e-3
  private static let c2 = 0.9

  /// Finds `t` with `φ(t) ≤ φ(0) + c₁·t·φ'(0)` and `|φ'(t)| ≤ c₂·|φ'(0)|`.
  private static func lineSearch<F: LineObjective>(
    _ objective: inout F, d: [Double], f0: Double, slope0: Double, fresh: Bool,
    settings: Settings
  ) -> (step: Double?, evaluations: Int) {
    objective.setDirection(d)
    let dNorm = dot(d, d).squareRoot()
    var t = fresh ? min(1 / dNorm, 1e10) : 1
    var previous = (t: 0.0, f: f0, g: slope0)
    var evaluations = 0
    while evaluations < settings.maxLineSearchSteps {
      let (f, g) = objective.line(at: t)
      evaluations += 1
      if !f.isFinite || f > f0 + c1 * t * slope0 || (evaluations > 1 && f >= previous.f) {
        let step = zoom(objective, low: previous, high: (t, f, g), f0: f0, slope0: slope0,
          budget: settings.maxLineSearchSteps - evaluations, evaluations: &evaluations)
        return (step, evaluations)
      }
      if abs(g) <= -c2 * slope0 { return (t, evaluations) }
      if g >= 0 {
        let step = zoom(objective, low: (t, f, g), high: previous, f0: f0, slope0: slope0,
          budget: settings.maxLineSearchSteps - evaluations, evaluations: &evaluations)
        return (step, evaluations)
      }
      previous = (t, f, g)
      t *= 4
    }
    return (nil, evaluations)
  }

  /// Narrows a bracket `[low, high]` (low satisfies sufficient decrease) to a Wolfe point.
  private static func zoom<F: LineObjective>(
    _ objective: F, low: (t: Double, f: Double, g: Double), high: (t: Double, f: Double, g: Double),
    f0: Double, slope0: Double, budget: Int, evaluations: inout Int
  ) -> Double? {
    var lo = low
    var hi = high
    for _ in 0..<max(budget, 0) {
      let width = hi.t - lo.t
      if abs(width) <= 1e-16 * max(abs(lo.t), 1) { break }
      var t = cubicMinimizer(lo, hi) ?? (lo.t + 0.5 * width)
      // Keep the trial inside the middle 80% of the bracket.
      let a = min(lo.t, hi.t) + 0.1 * abs(width)
      let b = max(lo.t, hi.t) - 0.1 * abs(width)
      if !(t >= a && t <= b) { t = lo.t + 0.5 * width }
      let (f, g) = objective.line(at: t)
      evaluations += 1
      if !f.isFinite || f > f0 + c1 * t * slope0 || f >= lo.f {
        hi = (t, f, g)
      } else {
        if abs(g) <= -c2 * slope0 { return t }
        if g * (hi.t - lo.t) >= 0 { hi = lo }
        lo = (t, f, g)
      }
    }
    // Out of budget: accept the best point with sufficient decrease, as dcsrch does on warning.
    return lo.t > 0 && lo.f < f0 ? lo.t : nil
  }

  /// The minimiser of the cubic through two points with values and slopes, if it exists.
  private static func cubicMinimizer(
    _ p: (t: Double, f: Double, g: Double), _ q: (t: Double, f: Double, g: Double)
  ) -> Double? {
    guard p.f.isFinite, q.f.isFinite else { return nil }
    let d1 = p.g + q.g - 3 * (p.f - q.f) / (p.t - q.t)
    let disc = d1 * d1 - p.g * q.g
    guard disc >= 0 else { return nil }
    let d2 = (q.t > p.t ? 1.0 : -1.0) * disc.squareRoot()
    let denominator = q.g - p.g + 2 * d2
    guard denominator != 0 else { return nil }
    let t = q.t - (q.t - p.t) * (q.g + d2 - d1) / denominator
    return t.isFinite ? t : nil
  }

  // MARK: - Vector helpers

  static func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in a.indices { sum += a[i] * b[i] }
    return sum
  }

  static func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
    for i in y.indices { y[i] += alpha * x[i] }
  }

  static func normInf(_ a: [Double]) -> Double {
    var m = 0.0
    for v in a { m = max(m, abs(v)) }
    return m
  }
}
