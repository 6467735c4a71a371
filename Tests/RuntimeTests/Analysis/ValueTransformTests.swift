// Copyright © 2026 the ssl authors.

import Foundation
import Runtime
import TestSupport
import Testing

@Suite struct ValueTransformTests {
  @Test func paperTransforms() {
    #expect(ValueTransform.paper(scale: .percent, direction: .higher) == .logit)
    #expect(ValueTransform.paper(scale: .fraction, direction: .higher) == .logit)
    #expect(ValueTransform.paper(scale: .degrees, direction: .lower) == .negated)
    #expect(ValueTransform.paper(scale: .degrees, direction: .higher) == .identity)
  }

  /// Tolerance: relative 1e-15 (a few ulps of the log-odds).
  @Test func applyUsesTheScale() {
    assertClose(ValueTransform.logit.apply(75, scale: .percent), log(3), rtol: 1e-15)
    assertClose(ValueTransform.logit.apply(0.25, scale: .fraction), -log(3), rtol: 1e-15)
    #expect(ValueTransform.negated.apply(12.5, scale: .degrees) == -12.5)
    #expect(ValueTransform.logit.apply(100, scale: .percent) == .infinity)
    #expect(ValueTransform.logit.apply(120, scale: .percent).isNaN)
    #expect(ValueTransform.logit.apply(5, scale: .degrees).isNaN)
  }
}
