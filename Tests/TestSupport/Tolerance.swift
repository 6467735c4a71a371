// Copyright © 2026 the ssl authors.

import Testing

/// Checks that two arrays have the same length and agree elementwise within
/// `|a - e| <= atol + rtol * |e|`; reports the largest error and its index.
public func assertClose(
  _ actual: [Double], _ expected: [Double], rtol: Double = 1e-9, atol: Double = 0,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.count == expected.count else {
    Issue.record(
      "length \(actual.count) != expected \(expected.count)", sourceLocation: sourceLocation)
    return
  }
  var worst = -1
  var worstExcess = 0.0
  for i in actual.indices {
    let a = actual[i]
    let e = expected[i]
    if a.isNaN || e.isNaN {
      if a.isNaN != e.isNaN { worst = i; break }
      continue
    }
    if a == e { continue }  // also covers equal infinities
    let excess = abs(a - e) - (atol + rtol * abs(e))
    if excess > worstExcess || (excess > 0 && worst < 0) {
      worst = i
      worstExcess = excess
    }
  }
  if worst >= 0 {
    let prefix = comment.map { "\($0): " } ?? ""
    let detail = "element \(worst): \(actual[worst]) vs expected \(expected[worst])"
    Issue.record(
      "\(prefix)\(detail) (rtol \(rtol), atol \(atol))", sourceLocation: sourceLocation)
  }
}

/// Scalar form of ``assertClose(_:_:rtol:atol:_:sourceLocation:)``.
public func assertClose(
  _ actual: Double, _ expected: Double, rtol: Double = 1e-9, atol: Double = 0,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  assertClose([actual], [expected], rtol: rtol, atol: atol, comment, sourceLocation: sourceLocation)
}

/// Float form of ``assertClose(_:_:rtol:atol:_:sourceLocation:)``.
public func assertClose(
  _ actual: [Float], _ expected: [Float], rtol: Double = 1e-5, atol: Double = 1e-6,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  assertClose(
    actual.map(Double.init), expected.map(Double.init), rtol: rtol, atol: atol, comment,
    sourceLocation: sourceLocation)
}
