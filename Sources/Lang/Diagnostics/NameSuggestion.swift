// Copyright © 2026 the ssl authors.

/// Finds the registry name a misspelled name most likely meant (`petz` → `pets`).
///
/// Names are compared the way the registries match them: case- and punctuation-insensitively
/// (``normalize(_:)``), so `MoCo-v2`, `mocov2` and `moco_v2` are the same name. The distance
/// is the optimal-string-alignment variant of Damerau–Levenshtein: insertions, deletions,
/// substitutions and transpositions of adjacent characters each cost 1, and no substring is
/// edited twice.
public enum NameSuggestion {
  /// The candidate nearest to `name`, if it is near enough to be a plausible typo.
  ///
  /// A candidate qualifies when its distance to `name` is at most
  /// `max(1, normalize(name).count / 3)`. The nearest qualifying candidate wins; among equals,
  /// the first in `candidates`. An exact normalized match has distance 0 and is returned.
  ///
  /// - Parameters:
  ///   - name: What the user wrote.
  ///   - candidates: The names it might have meant, in order of preference.
  /// - Returns: The chosen candidate as written in `candidates`, or nil when `name` has no
  ///   letters or digits or no candidate is near enough.
  public static func nearest(to name: String, among candidates: [String]) -> String? {
    let query = Array(normalize(name))
    guard !query.isEmpty else { return nil }
    let limit = max(1, query.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let normalized = Array(normalize(candidate))
      guard !normalized.isEmpty, abs(normalized.count - query.count) <= limit else { continue }
      let distance = optimalAlignmentDistance(query, normalized)
      if distance <= limit, distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  /// The form names are compared in: lowercased, with only letters and digits kept.
  ///
  /// - Parameter s: A name as written (`MoCo-v2`).
  /// - Returns: Its normalized form (`mocov2`).
  public static func normalize(_ s: String) -> String {
    String(s.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  /// The optimal-string-alignment distance between two character arrays.
  ///
  /// Dynamic programming over a full `(a.count + 1) × (b.count + 1)` table; names are short,
  /// so the quadratic cost does not matter.
  static func optimalAlignmentDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let width = b.count + 1
    var d = [Int](repeating: 0, count: (a.count + 1) * width)  // [i * width + j]
    for i in 0...a.count { d[i * width] = i }
    for j in 0...b.count { d[j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(
          d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, d[(i - 2) * width + j - 2] + 1)
        }
        d[i * width + j] = value
      }
    }
    return d[a.count * width + b.count]
  }
}
