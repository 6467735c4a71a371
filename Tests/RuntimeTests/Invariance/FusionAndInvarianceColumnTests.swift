// Copyright © 2026 the ssl authors.

import Runtime
import Testing

/// A fused feature function normalises for each member itself, so fusing through one
/// un-normalised view equals fusing each member's own pipeline; invariance rows are columns
/// `corr` can correlate like any other.
@Suite struct FusionAndInvarianceColumnTests {
  /// A 30×20 gradient image.
  static let image: RGBImage = {
    var pixels: [UInt8] = []
    for y in 0..<20 {
      for x in 0..<30 { pixels += [UInt8(x * 8), UInt8(y * 12), UInt8((x + y) * 4)] }
    }
    return RGBImage(width: 30, height: 20, pixels: pixels)
  }()

  @Test func fusedFunctionEqualsTheMembersOwnPipelines() throws {
    var raw = SyntheticInvariance.cleanPreprocessing
    raw.normalization = .none
    var imagenet = raw
    imagenet.normalization = .imageNet
    let fused = FusedFeatureFunction(
      members: [
        .init(function: ColourStatisticsFeature(), normalization: .imageNet),
        .init(function: ColourStatisticsFeature(), normalization: .none),
      ], mode: .cat)
    let got = try SyntheticInvariance.features(of: [Self.image], preprocessing: raw, model: fused)
    let a = try SyntheticInvariance.features(of: [Self.image], preprocessing: imagenet, model: ColourStatisticsFeature())
    let b = try SyntheticInvariance.features(of: [Self.image], preprocessing: raw, model: ColourStatisticsFeature())
    #expect(got.columns == 12)
    for (x, y) in zip(got.values, a.values + b.values) { #expect(abs(x - y) < 1e-5) }
    // The colour means differ between the normalisations: the members did not share a view.
    #expect(abs(got.values[0] - got.values[6]) > 0.1)
  }

  @Test func invarianceIsACorrelatableGroup() throws {
    #expect(TaskCatalog.resolveGroup("invariance") == "invariance")
    #expect(TaskCatalog.resolveGroup("saliency") == "attention")
    let models = ["BYOL", "SwAV", "MoCo-v2", "Supervised"]
    var table = ResultsTable.reference
    for (i, model) in models.enumerated() {
      for (metric, value, better) in [("cosine", 0.2 + 0.1 * Double(i), MetricDirection.higher), ("mahalanobis", 9 - Double(i), .lower)] {
        table.rows.append(
          ResultRow(
            model: model, task: "rotation", group: "invariance", protocol: "synthetic", metric: metric,
            value: value, ci95: nil, better: better, provenance: .measured(description: "")))
      }
    }
    let analysis = try TransferCorrelation.analyze(
      CorrelationRequest(target: .group("invariance"), models: models), table: table)
    #expect(analysis.rows.map(\.column.metric) == ["cosine", "mahalanobis"])
    // Lower distance is better, so it is negated: both columns rise with the same models.
    #expect(analysis.rows[1].transform == .negated)
    let byTask = try TransferCorrelation.analyze(
      CorrelationRequest(target: .task("rotation"), metrics: ["cosine"], models: models), table: table)
    #expect(byTask.rows.count == 1 && byTask.rows[0].n == 4)
  }
}
