// Copyright © 2026 the ssl authors.
//
// Reference: the `linear_fit` block of Fixtures/corr_reference.json (numpy.polyfit and
// scipy.stats.t.ppf; scripts/fixtures/make_corr_reference.py).

import Runtime
import TestSupport
import Testing

@Suite struct LinearFitTests {
  @Test func exactLine() {
    let fit = LinearFit.leastSquares(x: [0, 1, 2, 3], y: [1, 3, 5, 7])
    assertClose(fit.slope, 2, rtol: 1e-14)
    assertClose(fit.intercept, 1, rtol: 1e-14)
    assertClose(fit.residualStandardError, 0, atol: 1e-14)
    let band = fit.confidenceBand(at: 10)
    assertClose([band.lowerBound, band.upperBound], [21, 21], rtol: 1e-12)
  }

  /// Tolerance: relative 1e-9 (fit) and 1e-8 (band, through the t quantile).
  @Test func matchesNumpyAndScipy() throws {
    let reference = try CorrReferenceFixture.load().linearFit
    let fit = LinearFit.leastSquares(x: reference.x, y: reference.y)
    #expect(fit.n == reference.x.count)
    assertClose(fit.slope, reference.slope, rtol: 1e-9)
    assertClose(fit.intercept, reference.intercept, rtol: 1e-9)
    assertClose(fit.residualStandardError, reference.residualStandardError, rtol: 1e-9)
    for point in reference.band {
      let band = fit.confidenceBand(at: point.x, level: point.level)
      assertClose(
        [band.lowerBound, band.upperBound], [point.low, point.high], rtol: 1e-8,
        "x \(point.x) level \(point.level)")
    }
  }

  @Test func bandIsNarrowestAtTheMean() {
    let fit = LinearFit.leastSquares(x: [1, 2, 3, 4, 5, 6], y: [1.2, 1.9, 3.2, 3.8, 5.3, 5.9])
    func width(_ x: Double) -> Double {
      let band = fit.confidenceBand(at: x)
      return band.upperBound - band.lowerBound
    }
    #expect(width(3.5) < width(2))
    #expect(width(3.5) < width(6))
    let wide = fit.confidenceBand(at: 3.5, level: 0.99)
    #expect(width(3.5) < wide.upperBound - wide.lowerBound)
    assertClose(fit.predict(3.5), (1.2 + 1.9 + 3.2 + 3.8 + 5.3 + 5.9) / 6, rtol: 1e-14)
  }
}
