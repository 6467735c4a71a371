// Copyright © 2026 the ssl authors.

import Kernels
import TestSupport
import Testing

@testable import Runtime

/// The fused passes of the L-BFGS step give the values of the separate operations they replace,
/// on a vector long enough to be split over two threads and on a short one.
@Suite(.serialized) struct VectorOpsTests {
  func storageAddress(_ a: [Double]) -> UInt {
    a.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
  }

  static func vectors(_ count: Int, seed: UInt64) -> [[Double]] {
    var rng = SeededGenerator(seed: seed)
    return (0..<4).map { _ in (0..<count).map { _ in Double.random(in: -2...2, using: &rng) } }
  }

  @Test(arguments: [7, 75_776])
  func pairIsScaleStepDifferenceAndDot(count: Int) {
    let before = BLASThreads.current
    defer { BLASThreads.set(before) }
    BLASThreads.set(2)
    let v = Self.vectors(count, seed: UInt64(count))
    let (d, x0, gNew, g) = (v[0], v[1], v[2], v[3])
    let t = 0.318
    var x = x0
    var s: [Double] = []
    var y: [Double] = []
    var (sy, norm) = VectorOps.pair(
      step: t, direction: d, point: &x, gradient: gNew, previous: g, s: &s, y: &y)
    #expect(norm == gNew.map { abs($0) }.max()!, "‖g₊‖∞, from every chunk")
    // Each element is one rounded operation, so plain loops give the exact expected values.
    #expect(s == d.map { t * $0 })
    #expect(x == x0.indices.map { x0[$0] + t * d[$0] })
    #expect(y == gNew.indices.map { gNew[$0] - g[$0] })
    #expect(sy == VectorOps.dot(s, y), "the dot product's chunks and lanes")
    let plain = s.indices.reduce(0.0) { $0 + s[$1] * y[$1] }
    #expect(abs(sy - plain) <= 1e-12 * s.indices.reduce(0.0) { $0 + abs(s[$1] * y[$1]) })
    // A recycled pair (storage of the right size, stale values) is overwritten in place.
    let (sStorage, yStorage) = (storageAddress(s), storageAddress(y))
    var x2 = x0
    (sy, norm) = VectorOps.pair(
      step: -t, direction: g, point: &x2, gradient: d, previous: gNew, s: &s, y: &y)
    #expect(norm == d.map { abs($0) }.max()!)
    #expect(storageAddress(s) == sStorage && storageAddress(y) == yStorage)
    #expect(s == g.map { -t * $0 })
    #expect(y == d.indices.map { d[$0] - gNew[$0] })
    #expect(sy == VectorOps.dot(s, y))
    // The largest entry in the last worker's range, then in the first.
    for planted in [count - 1, 0] {
      var spiked = gNew
      spiked[planted] = -9
      var x3 = x0
      (_, norm) = VectorOps.pair(
        step: t, direction: d, point: &x3, gradient: spiked, previous: g, s: &s, y: &y)
      #expect(norm == 9)
    }
  }

  @Test(arguments: [7, 75_776])
  func dotsAreTheTwoDotProducts(count: Int) {
    let before = BLASThreads.current
    defer { BLASThreads.set(before) }
    BLASThreads.set(2)
    let v = Self.vectors(count, seed: 21 + UInt64(count))
    let prefix = count - 3
    let (ab, bb) = VectorOps.dots(v[0], v[1], count: prefix)
    #expect(ab == VectorOps.dot(v[0], v[1], count: prefix))
    #expect(bb == VectorOps.dot(v[1], v[1], count: prefix))
    let plain = (0..<prefix).reduce(0.0) { $0 + v[1][$1] * v[1][$1] }
    #expect(abs(bb - plain) <= 1e-12 * plain)
  }

  @Test(arguments: [7, 75_776])
  func addingTouchesTheFirstElementsOnly(count: Int) {
    let v = Self.vectors(count, seed: 9 + UInt64(count))
    let weights = count - 3
    var out = v[2].map { $0 }  // its own storage, stale values: overwritten in place
    let storage = storageAddress(out)
    VectorOps.adding(v[0], 0.25, times: v[1], count: weights, into: &out)
    #expect(out.count == count && storageAddress(out) == storage)
    #expect(Array(out[..<weights]) == (0..<weights).map { v[0][$0] + 0.25 * v[1][$0] })
    #expect(Array(out[weights...]) == Array(v[0][weights...]))
    var fresh: [Double] = []
    VectorOps.adding(v[0], 0.25, times: v[1], count: weights, into: &fresh)
    #expect(fresh == out)
  }
}
