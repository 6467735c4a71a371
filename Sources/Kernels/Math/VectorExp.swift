// Copyright © 2026 the ssl authors.
//
// VectorExp.swift — `exp` over a buffer of Doubles, four at a time (C: System/CKernels/vexp.c,
// glibc libmvec's AVX2 `exp`; scalar `exp` elsewhere).
//
// Why: a linear probe's objective exponentiates every logit (n·K values, 109 k on Pets) once
// per evaluation, several hundred evaluations per sweep; the scalar `exp` took about a tenth of
// the sweep. libmvec's bound is 4 ulp (the scalar exp's < 1 ulp): far below the float32
// rounding of the logits the probe exponentiates.

import CKernels

/// `exp` applied in place to a buffer (a namespace).
public enum VectorExp {
  /// True when the vector exp runs here (AVX2 and glibc), false when the scalar one does.
  public static var isVectorized: Bool { ssl_exp_vectorized() != 0 }

  /// `x[i] ← exp(x[i])` for every element.
  public static func inPlace(_ x: UnsafeMutableBufferPointer<Double>) {
    guard let base = x.baseAddress, !x.isEmpty else { return }
    ssl_exp_inplace(base, x.count)
  }
}

/// Test hook: runs `body` with the scalar exp forced, then restores the setting.
@_spi(Testing)
public func withScalarExp<T>(_ body: () throws -> T) rethrows -> T {
  let previous = ssl_exp_force_scalar(1)
  defer { _ = ssl_exp_force_scalar(previous) }
  return try body()
}
