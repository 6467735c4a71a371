// Copyright © 2026 the ssl authors.

import Runtime

/// The options of one `eval`, read and checked before any work starts.
struct EvalSettings {
  var fixedC: Double?
  var gridCount = 45
  /// `linear folds=k`: §8.4's k-fold selection on train+val instead of the validation split.
  var folds: Int?
  var fewShot = FewShotConfig(way: 5, shot: 20, query: 15, episodes: 600, seed: 0)
  var knn = KNNConfig()
  var invariance = InvarianceSettings()
  /// `eval … saliency`: images (the first `n` of the test split) and the occlusion settings.
  var saliencyImages = 8
  var occlusion = OcclusionSettings(window: 10, stride: 8)

  init(_ invocation: Invocation, protocol proto: String, seed: Int) throws(RuntimeError) {
    let owners: [String: [String]] = [
      "c": ["linear", "calibration"], "grid": ["linear", "calibration", "ridge"], "way": ["fewshot"],
      "shot": ["fewshot"], "query": ["fewshot"], "episodes": ["fewshot"],
      "seed": ["fewshot", "invariance", "ridge", "linear"], "folds": ["linear"],
      "k": ["knn", "invariance"], "t": ["knn"], "n": ["invariance", "saliency"],
      "transforms": ["invariance"], "window": ["saliency"], "stride": ["saliency"],
      "reference": ["invariance"], "ridge": ["invariance"],
    ]
    for (key, span, _) in invocation.options where owners[key]?.contains(proto) != true {
      throw RuntimeError(
        "option '\(key)' belongs to '\(owners[key]?.joined(separator: "' and '") ?? "?")', not '\(proto)'",
        at: span)
    }
    fewShot.seed = UInt64(seed)
    invariance.seed = UInt64(seed)
    if proto == "invariance" { try invariance.read(invocation) }
    if proto == "saliency" {
      if let (_, w) = invocation.option("n") { saliencyImages = try ArgumentReader.integer(w, option: "n", in: 1...100_000) }
      if let (_, w) = invocation.option("window") {
        occlusion.window = try ArgumentReader.integer(w, option: "window", in: 1...occlusion.cropSize)
      }
      if let (_, w) = invocation.option("stride") {
        occlusion.stride = try ArgumentReader.integer(w, option: "stride", in: 1...occlusion.cropSize)
      }
    }
    if let (_, word) = invocation.option("c") {
      guard case .number(let c) = word.value, c > 0, c.isFinite else {
        throw RuntimeError("c must be a positive number, like c=0.316", at: word.span)
      }
      fixedC = c
    }
    if let (_, w) = invocation.option("folds") { folds = try ArgumentReader.integer(w, option: "folds", in: 2...100) }
    if let (_, w) = invocation.option("grid") { gridCount = try ArgumentReader.integer(w, option: "grid", in: 1...1000) }
    if let (_, w) = invocation.option("way") { fewShot.way = try ArgumentReader.integer(w, option: "way", in: 2...1000) }
    if let (_, w) = invocation.option("shot") { fewShot.shot = try ArgumentReader.integer(w, option: "shot", in: 1...10000) }
    if let (_, w) = invocation.option("query") { fewShot.query = try ArgumentReader.integer(w, option: "query", in: 1...10000) }
    if let (_, w) = invocation.option("episodes") {
      fewShot.episodes = try ArgumentReader.integer(w, option: "episodes", in: 1...1_000_000)
    }
    if let (_, w) = invocation.option("seed") {
      fewShot.seed = UInt64(try ArgumentReader.integer(w, option: "seed", in: 0...Int(UInt32.max)))
      invariance.seed = fewShot.seed
    }
    if let (_, w) = invocation.option("k"), proto == "knn" {
      knn.k = try ArgumentReader.integer(w, option: "k", in: 1...10000)
    }
    if let (_, word) = invocation.option("t") {
      guard case .number(let t) = word.value, t > 0, t.isFinite else {
        throw RuntimeError("t must be a positive number, like t=0.07", at: word.span)
      }
      knn.temperature = t
    }
  }
}

/// `eval … invariance` options (§8.2): which transforms, how many images and settings, the
/// reference set of the whitening statistics (§8.1), the sampling seed.
struct InvarianceSettings {
  var transforms = SyntheticTransform.allCases
  var images = 1000
  var settingsCount: Int?
  var reference = "imagenet"
  var seed: UInt64 = 0
  /// Added to Σ's diagonal before inverting (§8.1 uses 0, and 1e-10 for `random`); for
  /// reference sets smaller than the feature dimension or models with dead units.
  var ridge: Double?

  mutating func read(_ invocation: Invocation) throws(RuntimeError) {
    if let (_, w) = invocation.option("n") { images = try ArgumentReader.integer(w, option: "n", in: 1...1_000_000) }
    if let (_, w) = invocation.option("k") {
      settingsCount = try ArgumentReader.integer(w, option: "k", in: 1...4096)
    }
    if let (_, word) = invocation.option("ridge") {
      guard case .number(let r) = word.value, r >= 0, r.isFinite else {
        throw RuntimeError("ridge must be a number ≥ 0, like ridge=1e-6", at: word.span)
      }
      ridge = r
    }
    if let (_, w) = invocation.option("reference") { reference = try ArgumentReader.text(w, option: "reference") }
    if let (_, w) = invocation.option("transforms") {
      let names = SyntheticTransform.allCases.map(\.rawValue)
      var chosen: [SyntheticTransform] = []
      for (name, span) in try ArgumentReader.textList(w, option: "transforms") {
        if name.lowercased() == "all" { chosen += SyntheticTransform.allCases; continue }
        guard let t = SyntheticTransform(rawValue: name.lowercased()) else {
          let guess = NameSuggestion.nearest(to: name, among: names)
          throw RuntimeError(
            "unknown transform '\(name)'", at: span,
            notes: (guess.map { [DiagnosticNote("did you mean '\($0)'?")] } ?? [])
              + [DiagnosticNote("transforms: \(names.joined(separator: ", "))")])
        }
        if !chosen.contains(t) { chosen.append(t) }
      }
      transforms = chosen
    }
  }
}
