// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `eval coil100 invariance` and the other §8.3 layouts: real-world invariance, the mean
/// whitened cosine S and Mahalanobis distance L between the views of each group (an object
/// under other viewpoints, lights, temperatures, exposures; a stereo pair; a sharp/blurred
/// pair), averaged over groups. Two rows per model, task = the layout, protocol `realworld`.
struct RealWorldRunner {
  /// Layout names and their folder under the data root.
  static let folders: [InvarianceGroups.Layout: String] = [
    .coil100: "coil100", .aloiViewpoint: "aloi", .aloiIllumination: "aloi",
    .aloiTemperature: "aloi", .alotViewpoint: "alot", .alotIllumination: "alot",
    .alotTemperature: "alot", .exposureErrors: "exposure", .dali: "dali",
    .flickr1024: "flickr1024", .realBlur: "realblur",
  ]

  /// The §8.3 layout `name` names (`coil100`, `aloi_viewpoint`, …), or nil.
  static func layout(_ name: String) -> InvarianceGroups.Layout? {
    let key = NameSuggestion.normalize(name)
    return folders.keys.first { NameSuggestion.normalize($0.rawValue) == key }
  }

  var models: [BenchModel]
  var layout: InvarianceGroups.Layout
  var settings: InvarianceSettings
  var state: BenchState
  var cache: FeatureCache
  var out: OutputSink
  var span: SourceSpan

  func run() throws(RuntimeError) -> [MeasuredResult] {
    let root = state.settings.data.isEmpty ? DatasetCatalog.dataRoot() : state.settings.data
    guard let root, let folder = Self.folders[layout] else {
      throw RuntimeError(
        "\(layout.rawValue): no data root (set $SSL_DATA or `set data`)", at: span,
        notes: [DiagnosticNote("the layout is <data>/\(Self.folders[layout] ?? layout.rawValue)/…")])
    }
    let groups: InvarianceGroups
    do { groups = try InvarianceGroups(layout, root: root + "/" + folder) } catch {
      throw RuntimeError(error.description, at: span)
    }
    // The statistics come from the reference set exactly as for synthetic invariance.
    let helper = InvarianceRunner(
      models: models, resolved: DatasetResolver.Resolved(dataset: nil, task: layout.rawValue, metric: .accuracy),
      settings: settings, state: state, cache: cache, out: out, span: span)
    let reference = try helper.referenceSet()
    let test = try helper.significance(n: groups.groups.count)
    var digest = SHA256()
    for group in groups.groups { digest.update(group.key + ":" + group.paths.joined(separator: "|") + "\n") }
    let fingerprint = digest.hexDigest()
    let absolute = groups.groups.map { group in
      InvarianceGroup(
        key: group.key, paths: group.paths.map { $0.hasPrefix("/") ? $0 : groups.root + "/" + $0 })
    }
    var rows: [MeasuredResult] = []
    for model in models {
      let started = Date()
      guard let weights = model.weights else {
        throw RuntimeError("\(model.name) is a fused entry: invariance is measured per network", at: span)
      }
      let whitening = try helper.statistics(model: model, reference: reference)
      var pre = RealWorldInvariance.preprocessing
      if model.zoo.normalization == .none { pre.normalization = ChannelNormalization.none }
      out.progress("\(model.name) · \(layout.rawValue) invariance", done: 0, total: 1, unit: "datasets")
      let result: RealWorldInvarianceResult
      do {
        result = try RealWorldInvariance.measure(
          groups: absolute, model: ResNetFeatureFunction(model: weights.network),
          whitening: whitening, preprocessing: pre, cancellation: CancellationFlag.shared)
      } catch {
        throw RuntimeError("\(model.name) on \(layout.rawValue): \(error)", at: span)
      }
      let parameters = [
        "groups": "\(groups.groups.count)", "reference": settings.reference,
        "ridge": "\(settings.ridge ?? 0)", "comparisons": "\(test?.comparisons ?? 0)",
      ]
      for (metric, value, better) in [
        ("cosine", result.meanSimilarity, MetricDirection.higher),
        ("mahalanobis", result.meanDistance, .lower),
      ] {
        let row = ResultRow(
          model: model.name, task: layout.rawValue, group: "invariance", protocol: "realworld",
          metric: metric, value: value, ci95: metric == "cosine" ? test?.threshold : nil,
          better: better, provenance: .measured(description: ""))
        rows.append(
          MeasuredResult(
            row: row, modelHash: weights.hash, architecture: model.zoo.architecture,
            datasetFingerprint: fingerprint,
            parameters: parameters, seed: nil, chosen: "groups=\(groups.groups.count)",
            wallSeconds: Date().timeIntervalSince(started)))
      }
    }
    return rows
  }
}
