// Copyright © 2026 the ssl authors.
//
// The Moré–Thuente search against scipy's own port of MINPACK-2 `dcsrch`
// (`scipy.optimize._dcsrch.DCSRCH`, scipy 1.17.1; scripts/fixtures/make_line_search_reference.py):
// the same trial steps, in the same order, and the same outcome, on Moré & Thuente's test
// functions 1 (φ = −t/(t²+2)) and 2 (φ = (t+0.004)⁵ − 2(t+0.004)⁴) from near and far starts.

import Testing

@testable import Runtime

@Suite struct LineSearchTests {
  struct Case: Sendable {
    var name: String
    var phi: @Sendable (Double) -> (Double, Double)
    var start: Double
    var ftol: Double
    var gtol: Double
    var trials: [Double]
    var outcome: MoreThuente.Outcome
  }

  static let mt1: @Sendable (Double) -> (Double, Double) = { t in
    (-t / (t * t + 2), (t * t - 2) / ((t * t + 2) * (t * t + 2)))
  }
  static let mt2: @Sendable (Double) -> (Double, Double) = { t in
    let a = t + 0.004
    return (a * a * a * a * a - 2 * a * a * a * a, 5 * a * a * a * a - 8 * a * a * a)
  }

  static let cases: [Case] = [
    Case(
      name: "mt1", phi: mt1, start: 0.001, ftol: 0.001, gtol: 0.9,
      trials: [0.001, 0.005, 0.021, 0.085, 0.341], outcome: .converged),
    Case(
      name: "mt1_far", phi: mt1, start: 1000, ftol: 0.001, gtol: 0.9,
      trials: [1000.0, 332.83537094698613, 110.78382764820593, 36.88760696396662],
      outcome: .converged),
    Case(
      name: "mt2", phi: mt2, start: 0.001, ftol: 0.1, gtol: 0.1,
      trials: [
        0.001, 0.005, 0.021, 0.085, 0.341, 1.365, 5.461, 2.1070247668786957, 1.551692634475675,
        1.5975830448985595, 1.5975830448985595,
      ], outcome: .warning),
    Case(
      name: "mt2_far", phi: mt2, start: 10, ftol: 0.1, gtol: 0.1,
      trials: [
        10.0, 2.306989958039605, 0.6872867127876888, 1.5661413536177324, 1.6123738059384738,
        1.6123738059384738,
      ], outcome: .warning),
    Case(
      name: "quadratic", phi: { t in ((t - 3.7) * (t - 3.7) - 1, 2 * (t - 3.7)) }, start: 1,
      ftol: 0.001, gtol: 0.9, trials: [1.0], outcome: .converged),
  ]

  @Test(arguments: cases.indices)
  func trialStepsAreScipys(_ index: Int) {
    let c = Self.cases[index]
    let (f0, g0) = c.phi(0)
    var search = MoreThuente(f0: f0, g0: g0, step: c.start, ftol: c.ftol, gtol: c.gtol)
    var trials: [Double] = []
    var outcome = MoreThuente.Outcome.evaluate
    while outcome == .evaluate && trials.count < 50 {
      trials.append(search.step)
      let (f, g) = c.phi(search.step)
      outcome = search.next(value: f, slope: g)
    }
    #expect(outcome == c.outcome, "\(c.name)")
    #expect(trials.count == c.trials.count, "\(c.name): \(trials)")
    for (ours, theirs) in zip(trials, c.trials) {
      #expect(abs(ours - theirs) <= 1e-12 * max(1, abs(theirs)), "\(c.name): \(trials)")
    }
  }
}
