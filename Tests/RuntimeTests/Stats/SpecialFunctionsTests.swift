// Copyright © 2026 the ssl authors.
//
// Identities (closed forms) plus spot values from scipy.special / scipy.stats.t in
// Fixtures/corr_reference.json (scripts/fixtures/make_corr_reference.py).

import Foundation
import Runtime
import TestSupport
import Testing

@Suite struct SpecialFunctionsTests {
  typealias SF = SpecialFunctions

  /// Tolerance: relative 1e-13 (Lanczos g = 7 is good to ~1e-15).
  @Test func logGammaIdentities() {
    assertClose(SF.logGamma(1), 0, atol: 1e-15)
    assertClose(SF.logGamma(2), 0, atol: 1e-15)
    assertClose(SF.logGamma(0.5), 0.5 * log(Double.pi), rtol: 1e-14)
    assertClose(SF.logGamma(11), log(3_628_800), rtol: 1e-14)
    for x in [0.3, 1.7, 4.2, 25.5, 140.0] {
      assertClose(SF.logGamma(x + 1), SF.logGamma(x) + log(x), rtol: 1e-13, "recurrence at \(x)")
    }
    // Reflection: Γ(−0.5) = −2√π.
    assertClose(SF.logGamma(-0.5), log(2 * Double.pi.squareRoot()), rtol: 1e-13)
    #expect(SF.logGamma(0) == .infinity)
    #expect(SF.logGamma(-3) == .infinity)
    #expect(SF.logGamma(.nan).isNaN)
  }

  /// Tolerance: relative 1e-13 against closed forms.
  @Test func incompleteBetaIdentities() {
    for x in [0.01, 0.2, 0.5, 0.77, 0.999] {
      assertClose(SF.regularizedIncompleteBeta(x, a: 3.5, b: 1), pow(x, 3.5), rtol: 1e-13)
      assertClose(SF.regularizedIncompleteBeta(x, a: 1, b: 2.5), 1 - pow(1 - x, 2.5), rtol: 1e-13)
      let direct = SF.regularizedIncompleteBeta(x, a: 2.3, b: 7.1)
      let mirror = 1 - SF.regularizedIncompleteBeta(1 - x, a: 7.1, b: 2.3)
      assertClose(direct, mirror, rtol: 1e-12, atol: 1e-15, "symmetry at \(x)")
      // I_x(½, ½) = (2/π) asin √x.
      assertClose(
        SF.regularizedIncompleteBeta(x, a: 0.5, b: 0.5), 2 / Double.pi * asin(x.squareRoot()),
        rtol: 1e-13)
    }
    assertClose(SF.regularizedIncompleteBeta(0.5, a: 6, b: 6), 0.5, rtol: 1e-14)
    #expect(SF.regularizedIncompleteBeta(0, a: 2, b: 3) == 0)
    #expect(SF.regularizedIncompleteBeta(1, a: 2, b: 3) == 1)
    #expect(SF.regularizedIncompleteBeta(0.5, a: 0, b: 3).isNaN)
  }

  /// df = 1 is Cauchy and df = 2 has a closed form; tolerance relative 1e-13.
  @Test func studentTClosedForms() {
    for t in [-30.0, -2.0, -0.3, 0.0, 0.8, 4.0] {
      assertClose(
        SF.studentTCDF(t, degreesOfFreedom: 1), 0.5 + atan(t) / Double.pi, rtol: 1e-13)
      assertClose(
        SF.studentTCDF(t, degreesOfFreedom: 2), 0.5 + t / (2 * (2 + t * t).squareRoot()),
        rtol: 1e-13)
    }
    assertClose(SF.studentTQuantile(0.75, degreesOfFreedom: 1), 1, rtol: 1e-12)
    // df = 2: t_p = (2p − 1) √(2 / (4p(1 − p))).
    let p = 0.9
    let closedForm = (2 * p - 1) * (2 / (4 * p * (1 - p))).squareRoot()
    assertClose(SF.studentTQuantile(p, degreesOfFreedom: 2), closedForm, rtol: 1e-12)
    #expect(SF.studentTQuantile(0.5, degreesOfFreedom: 7) == 0)
    #expect(SF.studentTQuantile(1, degreesOfFreedom: 7) == .infinity)
    #expect(SF.studentTQuantile(1.5, degreesOfFreedom: 7).isNaN)
    assertClose(
      SF.studentTTwoSidedTail(2.0, degreesOfFreedom: 5),
      2 * (1 - SF.studentTCDF(2.0, degreesOfFreedom: 5)), rtol: 1e-12)
  }

  @Test func quantileInvertsCDF() {
    for df in [1.0, 3.0, 12.0, 100.0] {
      for p in [0.001, 0.1, 0.42, 0.9, 0.975, 0.9999] {
        let t = SF.studentTQuantile(p, degreesOfFreedom: df)
        assertClose(SF.studentTCDF(t, degreesOfFreedom: df), p, rtol: 1e-10, "df \(df) p \(p)")
      }
    }
  }

  /// scipy.special / scipy.stats.t spot values; tolerance relative 1e-10.
  @Test func matchesScipy() throws {
    let special = try CorrReferenceFixture.load().special
    for v in special.betainc {
      assertClose(
        SF.regularizedIncompleteBeta(v.x, a: v.a, b: v.b), v.value, rtol: 1e-10,
        "betainc(\(v.a), \(v.b), \(v.x))")
    }
    for v in special.gammaln {
      assertClose(SF.logGamma(v.x), v.value, rtol: 1e-12, atol: 1e-14, "gammaln(\(v.x))")
    }
    for v in special.tCdf {
      assertClose(SF.studentTCDF(v.t, degreesOfFreedom: v.df), v.value, rtol: 1e-10)
    }
    for v in special.tPpf {
      assertClose(
        SF.studentTQuantile(v.p, degreesOfFreedom: v.df), v.value, rtol: 1e-10,
        "t.ppf(\(v.p), \(v.df))")
    }
  }
}
