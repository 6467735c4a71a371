// Copyright © 2026 the ssl authors.
//
// The §8 measures against numpy/scipy (Fixtures/invariance_reference.json, written by
// scripts/fixtures/make_invariance_reference.py): statistics, whitening (LAPACK), Mahalanobis,
// whitened cosine, real-world S and L, alignment, uniformity, and the Hoeffding threshold.

import Foundation
import Runtime
import TestSupport
import Testing

struct InvarianceReference: Decodable {
  let dimension: Int
  let reference, clean, moved, views: [Double]
  let mean, covariance, precision, cholesky: [Double]
  let distances, similarities: [Double]
  let groupSimilarity, groupDistance, alignment, uniformity, hoeffdingThreshold: Double

  static func load() throws -> InvarianceReference {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/invariance_reference.json")
    return try JSONDecoder().decode(InvarianceReference.self, from: Data(contentsOf: url))
  }

  func matrix(_ values: [Double]) throws -> FeatureMatrix {
    try FeatureMatrix(
      rows: values.count / dimension, columns: dimension, values: values.map { Float($0) })
  }
}

@Suite struct InvarianceMeasureTests {
  @Test func statisticsAndWhiteningMatchNumpy() throws {
    let ref = try InvarianceReference.load()
    let stats = try FeatureStatistics(features: try ref.matrix(ref.reference))
    assertClose(stats.mean, ref.mean, rtol: 1e-5, atol: 1e-6)
    assertClose(stats.covariance, ref.covariance, rtol: 1e-9, atol: 1e-9)
    let whitening = try stats.whitening()
    assertClose(whitening.precision, ref.precision, rtol: 1e-7, atol: 1e-9)
    assertClose(whitening.factor, ref.cholesky, rtol: 1e-7, atol: 1e-9)
  }

  @Test func mahalanobisAndWhitenedCosineMatchScipy() throws {
    let ref = try InvarianceReference.load()
    let whitening = try FeatureStatistics(features: try ref.matrix(ref.reference)).whitening()
    let clean = try ref.matrix(ref.clean)
    let moved = try ref.matrix(ref.moved)
    let pairs = try InvarianceMeasures.syntheticPairs(
      clean: clean, transformed: moved, whitening: whitening)
    assertClose(pairs.distance, ref.distances, rtol: 1e-5)
    assertClose(pairs.similarity, ref.similarities, rtol: 1e-5, atol: 1e-6)
    // The direct quadratic form agrees with the whitened norm (scipy's mahalanobis).
    let d = ref.dimension
    for i in 0..<clean.rows {
      let a = Array(clean.values[(i * d)..<((i + 1) * d)])
      let b = Array(moved.values[(i * d)..<((i + 1) * d)])
      assertClose(try whitening.mahalanobis(a, b), ref.distances[i], rtol: 1e-5)
    }
  }

  @Test func realWorldGroupMatchesPdist() throws {
    let ref = try InvarianceReference.load()
    let whitening = try FeatureStatistics(features: try ref.matrix(ref.reference)).whitening()
    let group = try InvarianceMeasures.realWorldGroup(
      name: "fixture", views: try ref.matrix(ref.views), whitening: whitening)
    assertClose(group.similarity, ref.groupSimilarity, rtol: 1e-5)
    assertClose(group.distance, ref.groupDistance, rtol: 1e-5)
  }

  @Test func alignmentAndUniformityMatchNumpy() throws {
    let ref = try InvarianceReference.load()
    let clean = try ref.matrix(ref.clean)
    assertClose(
      try InvarianceMeasures.alignment(clean, try ref.matrix(ref.moved)), ref.alignment, rtol: 1e-5)
    assertClose(try InvarianceMeasures.uniformity(clean), ref.uniformity, rtol: 1e-5)
  }

  @Test func hoeffdingThresholdIsThePaperFormula() throws {
    let ref = try InvarianceReference.load()
    let test = try HoeffdingTest(n: 1000, alpha: 0.05, comparisons: 3)
    assertClose(test.threshold, ref.hoeffdingThreshold, rtol: 1e-14)
    // By hand: δ = 0.05/3, ln(1/δ) = ln 60 = 4.0943445622…, t = sqrt(4.0943/2000) = 0.0452456…
    assertClose(test.threshold, (log(60.0) / 2000).squareRoot(), rtol: 1e-14)
    #expect(test.significantMaximum(of: [0.50, 0.60, 0.40]) == 1)
    #expect(test.significantMaximum(of: [0.58, 0.60, 0.40]) == nil)
    #expect(test.significantMaximum(of: [.nan, 0.9, 0.1]) == 1)
    #expect(throws: InvarianceError.badSignificanceSetting(n: 0, alpha: 0.05, comparisons: 3)) {
      try HoeffdingTest(n: 0)
    }
  }

  @Test func errorsNameTheProblem() throws {
    let one = try FeatureMatrix(rows: 1, columns: 2, values: [1, 2])
    #expect(throws: InvarianceError.tooFewReferenceFeatures(count: 1)) {
      try FeatureStatistics(features: one)
    }
    // A zero covariance (identical rows) is not positive definite.
    let flat = try FeatureMatrix(rows: 3, columns: 2, values: [1, 2, 1, 2, 1, 2])
    #expect(throws: InvarianceError.self) { try FeatureStatistics(features: flat).whitening() }
  }

  @Test func fusionModesAndGridShift() throws {
    let a = try FeatureMatrix(rows: 2, columns: 2, values: [1, 2, 3, 4])
    let b = try FeatureMatrix(rows: 2, columns: 2, values: [10, 20, 30, 40])
    #expect(try FeatureFusion.fuse([a, b], mode: .cat).values == [1, 2, 10, 20, 3, 4, 30, 40])
    #expect(try FeatureFusion.fuse([a, b], mode: .add).values == [11, 22, 33, 44])
    #expect(try FeatureFusion.fuse([a, b], mode: .mean).values == [5.5, 11, 16.5, 22])
    let c = try FeatureMatrix(rows: 2, columns: 1, values: [7, 8])
    #expect(throws: InvarianceError.fusionDimensionMismatch(mode: "add", dimensions: [2, 1])) {
      try FeatureFusion.fuse([a, c], mode: .add)
    }
    let grid = FeatureFusion.grid(forFusedName: "a+b")
    assertClose(grid.weightDecays.first ?? 0, 1e-4, rtol: 1e-6)
    assertClose(grid.weightDecays.last ?? 0, 1e7, rtol: 1e-6)
  }
}
