// Copyright © 2026 the ssl authors.

/// What loading a checkpoint did to its keys: the load report a host prints (house rule 24).
///
/// Unused keys are grouped by why they were left out (projection heads, prototypes, …) and
/// returned, never printed by the library. ``validate()`` turns a missing backbone tensor or a
/// shape mismatch into an error: a partial load is never silent.
public struct LoadReport: Sendable, Equatable, CustomStringConvertible {
  /// Why a checkpoint key was left out of the backbone.
  public enum DropGroup: String, CaseIterable, Sendable {
    /// PIRL's jigsaw stream (`module.jigsaw`, `module.head_jig`).
    case jigsaw = "jigsaw branch"
    /// MoCo/PCL key encoders and queues, BYOL targets: a second copy of the network.
    case momentumEncoder = "momentum encoder and queue"
    /// SwAV/DeepCluster/SeLa prototypes.
    case prototypes = "prototypes"
    /// Projection or prediction MLPs (`projection_head`, `head`, `predictor`).
    case projectionHead = "projection head"
    /// Classifiers and MoCo's `fc` MLP (`fc`, `linear`, `classifier`).
    case classifier = "fc / linear head"
    /// BatchNorm's `num_batches_tracked` counters, unused at inference.
    case batchNormCounters = "num_batches_tracked"
  }

  /// A tensor whose shape differs from the architecture's.
  public struct ShapeMismatch: Sendable, Equatable {
    /// The torchvision name.
    public var path: String
    /// The architecture's shape.
    public var expected: [Int]
    /// The checkpoint's shape.
    public var found: [Int]
  }

  /// The file read.
  public var source: String
  /// The container format, for example `torch zip` or `BYOL Haiku pickle`.
  public var format: String
  /// Wrapper keys descended through, outermost first (`["state_dict"]`).
  public var unwrapped: [String] = []
  /// The prefix stripped from keys that had it; nil when none was.
  public var prefix: String?
  /// Whether ``prefix`` was detected from the keys rather than given by the zoo.
  public var prefixDetected = false
  /// Tensors the architecture needs (`num_batches_tracked` not counted).
  public var expectedCount = 0
  /// Of those, how many the checkpoint supplied with the right shape.
  public var matchedCount = 0
  /// Keys left out, by group, in file order.
  public var dropped: [DropGroup: [String]] = [:]
  /// Needed tensors the checkpoint lacks (torchvision names).
  public var missing: [String] = []
  /// Needed tensors with the wrong shape.
  public var mismatches: [ShapeMismatch] = []
  /// Tensor keys that fit no group and no architecture name (kept out, reported).
  public var unexpected: [String] = []
  /// Non-tensor entries next to the weights (`epoch`, `arch`, `optimizer`, …).
  public var ignoredEntries: [String] = []
  /// Things the host should show but that do not stop the load (a fetched file that no longer
  /// matches the cache manifest).
  public var warnings: [String] = []

  /// Creates an empty report.
  ///
  /// - Parameters:
  ///   - source: The file.
  ///   - format: The container format.
  public init(source: String, format: String) {
    self.source = source
    self.format = format
  }

  /// Whether every needed tensor was found with the right shape.
  public var isComplete: Bool { missing.isEmpty && mismatches.isEmpty }

  /// Throws when the load is incomplete.
  ///
  /// - Throws: ``CheckpointError/missingTensors(_:)`` (all missing names) first, else
  ///   ``CheckpointError/shapeMismatch(path:expected:found:)`` for the first mismatch.
  public func validate() throws(CheckpointError) {
    if !missing.isEmpty { throw .missingTensors(missing) }
    if let first = mismatches.first {
      throw .shapeMismatch(path: first.path, expected: first.expected, found: first.found)
    }
  }

  /// The report as a few lines of text.
  public var description: String {
    var lines: [String] = []
    var head = "\(source) (\(format))"
    if !unwrapped.isEmpty {
      head += ", unwrapped \(unwrapped.map { "'\($0)'" }.joined(separator: " → "))"
    }
    if let prefix { head += ", stripped '\(prefix)'\(prefixDetected ? " (detected)" : "")" }
    lines.append(head)
    lines.append("matched \(matchedCount)/\(expectedCount) tensors")
    let groups = DropGroup.allCases.compactMap { group -> String? in
      guard let keys = dropped[group], !keys.isEmpty else { return nil }
      return "\(group.rawValue) \(keys.count)"
    }
    if !groups.isEmpty { lines.append("dropped: " + groups.joined(separator: ", ")) }
    if !missing.isEmpty { lines.append("missing: " + Self.list(missing)) }
    for m in mismatches {
      lines.append("shape mismatch: \(m.path): expected \(m.expected), found \(m.found)")
    }
    if !unexpected.isEmpty { lines.append("unexpected: " + Self.list(unexpected)) }
    for warning in warnings { lines.append("warning: " + warning) }
    return lines.joined(separator: "\n")
  }

  private static func list(_ names: [String]) -> String {
    names.prefix(8).joined(separator: ", ") + (names.count > 8 ? ", … (\(names.count))" : "")
  }
}
