// Copyright © 2026 the ssl authors.

import Foundation
import Runtime
import TestSupport
import Testing

@Suite struct LogitTests {
  /// Tolerance: relative 1e-15, absolute 1e-16 near zero.
  @Test func identities() {
    #expect(Logit.logit(0.5) == 0)
    assertClose(Logit.logit(0.75), log(3), rtol: 1e-15)
    assertClose(Logit.logit(percent: 25), -log(3), rtol: 1e-15)
    assertClose(Logit.logit(0.2), -Logit.logit(0.8), rtol: 1e-15)
    for p in [1e-9, 0.01, 0.3, 0.5, 0.9, 0.999999] {
      assertClose(Logit.logistic(Logit.logit(p)), p, rtol: 1e-12)
    }
  }

  @Test func edges() {
    #expect(Logit.logit(0) == -.infinity)
    #expect(Logit.logit(1) == .infinity)
    #expect(Logit.logit(-0.1).isNaN)
    #expect(Logit.logit(percent: 101).isNaN)
    #expect(Logit.logistic(-1000) == 0)
    #expect(Logit.logistic(1000) == 1)
  }
}
