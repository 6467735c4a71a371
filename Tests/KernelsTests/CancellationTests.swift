// Copyright © 2026 the ssl authors.

import Kernels
import Testing

@Test func cancellationFlagSetsAndResets() {
  let flag = CancellationFlag()
  #expect(!flag.isCancelled)
  flag.cancel()
  #expect(flag.isCancelled)
  flag.reset()
  #expect(!flag.isCancelled)
}
