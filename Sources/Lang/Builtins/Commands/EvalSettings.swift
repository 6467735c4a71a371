// Copyright © 2026 the ssl authors.

import Runtime

/// The options of one `eval`, read and checked before any work starts.
struct EvalSettings {
  var fixedC: Double?
  var gridCount = 45
  var fewShot = FewShotConfig(way: 5, shot: 20, query: 15, episodes: 600, seed: 0)
  var knn = KNNConfig()

  init(_ invocation: Invocation, protocol proto: String, seed: Int) throws(RuntimeError) {
    let owners: [String: [String]] = [
      "c": ["linear", "calibration"], "grid": ["linear", "calibration"], "way": ["fewshot"],
      "shot": ["fewshot"], "query": ["fewshot"], "episodes": ["fewshot"], "seed": ["fewshot"],
      "k": ["knn"], "t": ["knn"],
    ]
    for (key, span, _) in invocation.options where owners[key]?.contains(proto) != true {
      throw RuntimeError(
        "option '\(key)' belongs to '\(owners[key]?.joined(separator: "' and '") ?? "?")', not '\(proto)'",
        at: span)
    }
    fewShot.seed = UInt64(seed)
    if let (_, word) = invocation.option("c") {
      guard case .number(let c) = word.value, c > 0, c.isFinite else {
        throw RuntimeError("c must be a positive number, like c=0.316", at: word.span)
      }
      fixedC = c
    }
    if let (_, w) = invocation.option("grid") { gridCount = try ArgumentReader.integer(w, option: "grid", in: 1...1000) }
    if let (_, w) = invocation.option("way") { fewShot.way = try ArgumentReader.integer(w, option: "way", in: 2...1000) }
    if let (_, w) = invocation.option("shot") { fewShot.shot = try ArgumentReader.integer(w, option: "shot", in: 1...10000) }
    if let (_, w) = invocation.option("query") { fewShot.query = try ArgumentReader.integer(w, option: "query", in: 1...10000) }
    if let (_, w) = invocation.option("episodes") {
      fewShot.episodes = try ArgumentReader.integer(w, option: "episodes", in: 1...1_000_000)
    }
    if let (_, w) = invocation.option("seed") {
      fewShot.seed = UInt64(try ArgumentReader.integer(w, option: "seed", in: 0...Int(UInt32.max)))
    }
    if let (_, w) = invocation.option("k") { knn.k = try ArgumentReader.integer(w, option: "k", in: 1...10000) }
    if let (_, word) = invocation.option("t") {
      guard case .number(let t) = word.value, t > 0, t.isFinite else {
        throw RuntimeError("t must be a positive number, like t=0.07", at: word.span)
      }
      knn.temperature = t
    }
  }
}
