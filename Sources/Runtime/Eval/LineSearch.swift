// Copyright © 2026 the ssl authors.
//
// LineSearch.swift — the Moré–Thuente line search of MINPACK-2 (`dcsrch` and `dcstep`), the one
// scipy's L-BFGS-B (and so sklearn's lbfgs solver) runs, reproduced branch for branch so that
// our iterates follow sklearn's: the same trial steps, the same bracketing and safeguards
// (xtrapl 1.1, xtrapu 4, the 0.66 bisection rule), the same warnings accepted as steps.
// Reference: J. J. Moré and D. J. Thuente, "Line search algorithms with guaranteed sufficient
// decrease", ACM TOMS 20 (1994); MINPACK-2 `dcsrch.f` / `dcstep.f` (public domain).

/// The state of one Moré–Thuente search along a line `φ(t)`.
struct MoreThuente {
  /// How a search ended.
  enum Outcome: Equatable {
    /// Evaluate `φ` and `φ'` at ``MoreThuente/step`` and call ``MoreThuente/next(value:slope:)``.
    case evaluate
    /// The strong Wolfe conditions hold at the current step.
    case converged
    /// A dcsrch warning (rounding errors, xtol, stpmax, stpmin): the step is accepted anyway.
    case warning
  }

  let ftol: Double
  let gtol: Double
  let xtol: Double
  let stpmin: Double
  let stpmax: Double

  /// The trial step.
  private(set) var step: Double
  private var bracketed = false
  private var stage = 1
  private let finit: Double
  private let ginit: Double
  private let gtest: Double
  private var width: Double
  private var width1: Double
  private var stx = 0.0
  private var fx: Double
  private var gx: Double
  private var sty = 0.0
  private var fy: Double
  private var gy: Double
  private var stmin = 0.0
  private var stmax: Double

  /// dcsrch with task `START`: `f0`, `g0` at step 0 (`g0 < 0`), first trial `step`.
  init(
    f0: Double, g0: Double, step: Double, ftol: Double = 1e-3, gtol: Double = 0.9,
    xtol: Double = 0.1, stpmin: Double = 0, stpmax: Double = 1e10
  ) {
    self.ftol = ftol
    self.gtol = gtol
    self.xtol = xtol
    self.stpmin = stpmin
    self.stpmax = stpmax
    self.step = step
    finit = f0
    ginit = g0
    gtest = ftol * g0
    width = stpmax - stpmin
    width1 = 2 * width
    fx = f0
    gx = g0
    fy = f0
    gy = g0
    stmax = step + 4 * step
  }

  /// dcsrch after an evaluation at ``step``: stop, or choose the next trial step.
  mutating func next(value f: Double, slope g: Double) -> Outcome {
    let ftest = finit + step * gtest
    if stage == 1 && f <= ftest && g >= 0 { stage = 2 }
    var outcome = Outcome.evaluate
    if bracketed && (step <= stmin || step >= stmax) { outcome = .warning }
    if bracketed && stmax - stmin <= xtol * stmax { outcome = .warning }
    if step == stpmax && f <= ftest && g <= gtest { outcome = .warning }
    if step == stpmin && (f > ftest || g >= gtest) { outcome = .warning }
    if f <= ftest && abs(g) <= gtol * (-ginit) { outcome = .converged }
    if outcome != .evaluate { return outcome }

    if stage == 1 && f <= fx && f > ftest {
      // The modified function ψ(t) = φ(t) − φ(0) − t·gtest, as dcsrch does in stage 1.
      let fm = f - step * gtest
      let gm = g - gtest
      var fxm = fx - stx * gtest
      var fym = fy - sty * gtest
      var gxm = gx - gtest
      var gym = gy - gtest
      Self.dcstep(
        stx: &stx, fx: &fxm, dx: &gxm, sty: &sty, fy: &fym, dy: &gym, stp: &step,
        fp: fm, dp: gm, bracketed: &bracketed, stpmin: stmin,
        stpmax: stmax)
      fx = fxm + stx * gtest
      fy = fym + sty * gtest
      gx = gxm + gtest
      gy = gym + gtest
    } else {
      Self.dcstep(
        stx: &stx, fx: &fx, dx: &gx, sty: &sty, fy: &fy, dy: &gy, stp: &step, fp: f, dp: g,
        bracketed: &bracketed, stpmin: stmin, stpmax: stmax)
    }
    if bracketed {
      if abs(sty - stx) >= 0.66 * width1 { step = stx + 0.5 * (sty - stx) }
      width1 = width
      width = abs(sty - stx)
      stmin = min(stx, sty)
      stmax = max(stx, sty)
    } else {
      stmin = step + 1.1 * (step - stx)
      stmax = step + 4 * (step - stx)
    }
    step = min(max(step, stpmin), stpmax)
    if bracketed && (step <= stmin || step >= stmax || stmax - stmin <= xtol * stmax) {
      step = stx
    }
    return .evaluate
  }

  /// MINPACK-2 dcstep: a safeguarded cubic/quadratic step and the new bracket.
  static func dcstep(
    stx: inout Double, fx: inout Double, dx: inout Double, sty: inout Double,
    fy: inout Double, dy: inout Double, stp: inout Double, fp: Double, dp: Double,
    bracketed: inout Bool, stpmin: Double, stpmax: Double
  ) {
    let sgnd = dp * (dx / abs(dx))
    var stpf: Double
    if fp > fx {
      let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
      let s = max(abs(theta), abs(dx), abs(dp))
      var gamma = s * ((theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
      if stp < stx { gamma = -gamma }
      let p = (gamma - dx) + theta
      let q = ((gamma - dx) + gamma) + dp
      let stpc = stx + (p / q) * (stp - stx)
      let stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2) * (stp - stx)
      stpf = abs(stpc - stx) < abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2
      bracketed = true
    } else if sgnd < 0 {
      let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
      let s = max(abs(theta), abs(dx), abs(dp))
      var gamma = s * ((theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
      if stp > stx { gamma = -gamma }
      let p = (gamma - dp) + theta
      let q = ((gamma - dp) + gamma) + dx
      let stpc = stp + (p / q) * (stx - stp)
      let stpq = stp + (dp / (dp - dx)) * (stx - stp)
      stpf = abs(stpc - stp) > abs(stpq - stp) ? stpc : stpq
      bracketed = true
    } else if abs(dp) < abs(dx) {
      let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
      let s = max(abs(theta), abs(dx), abs(dp))
      var gamma = s * max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
      if stp > stx { gamma = -gamma }
      let p = (gamma - dp) + theta
      let q = (gamma + (dx - dp)) + gamma
      let r = p / q
      let stpc: Double
      if r < 0 && gamma != 0 {
        stpc = stp + r * (stx - stp)
      } else if stp > stx {
        stpc = stpmax
      } else {
        stpc = stpmin
      }
      let stpq = stp + (dp / (dp - dx)) * (stx - stp)
      if bracketed {
        stpf = abs(stpc - stp) < abs(stpq - stp) ? stpc : stpq
        stpf = stp > stx ? min(stp + 0.66 * (sty - stp), stpf) : max(stp + 0.66 * (sty - stp), stpf)
      } else {
        stpf = abs(stpc - stp) > abs(stpq - stp) ? stpc : stpq
        stpf = max(stpmin, min(stpmax, stpf))
      }
    } else {
      if bracketed {
        let theta = 3 * (fp - fy) / (sty - stp) + dy + dp
        let s = max(abs(theta), abs(dy), abs(dp))
        var gamma = s * ((theta / s) * (theta / s) - (dy / s) * (dp / s)).squareRoot()
        if stp > sty { gamma = -gamma }
        let p = (gamma - dp) + theta
        let q = ((gamma - dp) + gamma) + dy
        stpf = stp + (p / q) * (sty - stp)
      } else {
        stpf = stp > stx ? stpmax : stpmin
      }
    }
    if fp > fx {
      sty = stp
      fy = fp
      dy = dp
    } else {
      if sgnd < 0 {
        sty = stx
        fy = fx
        dy = dx
      }
      stx = stp
      fx = fp
      dx = dp
    }
    stp = stpf
  }
}
