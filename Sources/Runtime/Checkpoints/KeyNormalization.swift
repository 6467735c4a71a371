// Copyright © 2026 the ssl authors.
//
// KeyNormalization.swift — from a checkpoint's keys to torchvision's (protocols.md §1.2).
//
// 1. Unwrap: descend into the first wrapper key present (``wrapperKeys``) while the current
//    dict holds no tensors, at most ``maxUnwrapDepth`` levels.
// 2. Rename: strip the zoo model's prefix from the keys that start with it (other keys are
//    left as they are, as ssl-transfer does); with no prefix given, pick the candidate that
//    makes the most keys match the architecture (``prefixCandidates``).
// 3. Match strictly against the architecture's (name, shape) list. Only keys that match no
//    architecture name are grouped and dropped, so a pattern can never drop a backbone
//    tensor. `num_batches_tracked` is optional on both sides.
//
// Deviation from ssl-transfer: it strips the prefix from any key that *contains* it and drops
// any key containing `fc`, `head`, …; here the prefix must be a true prefix and the drop
// patterns apply only to leftovers. For the zoo's files the outcome is the same.

/// The renaming and matching rules, and the report they produce.
public enum KeyNormalization {
  /// Wrapper keys tried in order: ssl-transfer's three, then common trainer layouts.
  public static let wrapperKeys = [
    "state_dict", "model", "resnet", "network", "online_network", "teacher", "model_state_dict",
    "net",
  ]
  /// How many wrapper levels are descended at most.
  public static let maxUnwrapDepth = 3
  /// Prefixes tried when the zoo gives none, in order of preference on a tie.
  public static let prefixCandidates = [
    "module.encoder_q.", "module.encoder.", "module.backbone.", "module.", "backbone.",
    "encoder.", "encoder_q.", "model.",
  ]

  /// A tensor key with its shape.
  public typealias Key = (name: String, shape: [Int])

  /// Descends through wrapper keys to the dict that holds the tensors.
  ///
  /// - Parameter root: The unpickled object.
  /// - Returns: The dict's entries, the wrapper keys passed, and the other keys at the levels
  ///   passed (`epoch`, `arch`, `optimizer`: metadata the report lists as ignored).
  /// - Throws: ``CheckpointError/unexpectedStructure(path:expected:found:)`` when the root is
  ///   not a dict.
  public static func unwrap(_ root: PickleObject) throws(CheckpointError)
    -> (entries: [PickleObject.Entry], path: [String], siblings: [String])
  {
    guard var entries = root.dictEntries else {
      throw .unexpectedStructure(path: "", expected: "a dict of tensors", found: root.kindName)
    }
    var path: [String] = []
    var siblings: [String] = []
    while path.count < maxUnwrapDepth && !entries.contains(where: { isTensor($0.value) }) {
      guard
        let key = wrapperKeys.first(where: { key in
          entries.contains { $0.key == .string(key) && $0.value.dictEntries != nil }
        }), let inner = entries.first(where: { $0.key == .string(key) })?.value.dictEntries
      else { break }
      path.append(key)
      for entry in entries {
        if case .string(let name) = entry.key, name != key { siblings.append(name) }
      }
      entries = inner
    }
    return (entries, path, siblings)
  }

  static func isTensor(_ value: PickleObject) -> Bool {
    switch value {
    case .tensor, .ndarray: return true
    default: return false
    }
  }

  /// The prefix that makes the most keys match `expected` ("" when stripping none is best).
  ///
  /// - Parameters:
  ///   - names: The checkpoint's tensor names.
  ///   - expected: The architecture's names.
  public static func detectPrefix(_ names: [String], expected: Set<String>) -> String {
    var best = ""
    var bestScore = names.filter { expected.contains($0) }.count
    for candidate in prefixCandidates {
      let score = names.filter {
        $0.hasPrefix(candidate) && expected.contains(String($0.dropFirst(candidate.count)))
      }.count
      if score > bestScore {
        best = candidate
        bestScore = score
      }
    }
    return best
  }

  /// Renames and matches keys, filling `report`; returns (checkpoint name, torchvision name)
  /// for every matched tensor, in architecture order.
  ///
  /// - Parameters:
  ///   - keys: The checkpoint's tensor keys and shapes, in file order.
  ///   - expected: The architecture's `(name, shape)` list, as
  ///     ``ResNet/parameterShapes(_:classes:)`` gives it.
  ///   - prefix: The zoo's prefix, or nil to detect one.
  ///   - report: The report to fill in.
  public static func match(
    _ keys: [Key], expected: [Key], prefix: String?, report: inout LoadReport
  ) -> [(source: String, target: String)] {
    let required = expected.filter { !$0.name.hasSuffix("num_batches_tracked") }
    var shapes: [String: [Int]] = [:]
    for e in required { shapes[e.name] = e.shape }
    let strip: String
    if let prefix {
      strip = prefix
    } else {
      strip = detectPrefix(keys.map(\.name), expected: Set(shapes.keys))
      report.prefixDetected = !strip.isEmpty
    }
    report.prefix = strip.isEmpty ? nil : strip
    report.expectedCount = required.count

    var found: [String: (source: String, shape: [Int])] = [:]
    for key in keys {
      let target =
        !strip.isEmpty && key.name.hasPrefix(strip)
        ? String(key.name.dropFirst(strip.count)) : key.name
      if let shape = shapes[target], found[target] == nil {
        found[target] = (key.name, key.shape)
        if shape != key.shape {
          report.mismatches.append(.init(path: target, expected: shape, found: key.shape))
        }
      } else if let group = dropGroup(source: key.name, target: target) {
        report.dropped[group, default: []].append(key.name)
      } else {
        report.unexpected.append(key.name)
      }
    }
    var pairs: [(source: String, target: String)] = []
    for e in required {
      guard let hit = found[e.name] else {
        report.missing.append(e.name)
        continue
      }
      if hit.shape == e.shape { pairs.append((hit.source, e.name)) }
    }
    report.matchedCount = pairs.count
    return pairs
  }

  /// The group a leftover key belongs to, or nil when it fits none.
  static func dropGroup(source: String, target: String) -> LoadReport.DropGroup? {
    func has(_ words: String...) -> Bool {
      words.contains { target.contains($0) || source.contains($0) }
    }
    if has("module.jigsaw", "module.head_jig", "jigsaw") { return .jigsaw }
    if has("encoder_k.", "queue", "target_encoder", "momentum_encoder", "key_encoder") {
      return .momentumEncoder
    }
    if target.hasSuffix("num_batches_tracked") { return .batchNormCounters }
    if has("prototypes") { return .prototypes }
    if has("projection", "head", "predictor", "projector") { return .projectionHead }
    if has("fc", "linear", "classifier") { return .classifier }
    return nil
  }
}
