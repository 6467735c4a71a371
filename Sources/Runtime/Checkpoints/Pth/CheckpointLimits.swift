// Copyright © 2026 the ssl authors.

/// Upper bounds on what a checkpoint may make the reader build.
///
/// A file's claims (lengths, counts, shapes, memo indices) are checked against the bytes it
/// actually has; these limits cover what byte counts cannot: deep nesting, object-count
/// blow-ups through shared references, and zero-stride views that would expand a tiny storage
/// into a huge tensor. The defaults fit every ResNet checkpoint with a wide margin.
public struct CheckpointLimits: Sendable {
  /// Values on the pickle stack at once.
  public var maxStackDepth = 1 << 20
  /// Entries in the pickle memo.
  public var maxMemoEntries = 1 << 20
  /// Objects built in total, counting each copy of a shared container once per use.
  public var maxObjects = 1 << 23
  /// Containers nested inside each other.
  public var maxNesting = 200
  /// Elements in one tensor (2^30 floats = 4 GiB).
  public var maxTensorElements = 1 << 30

  /// The defaults.
  public init() {}
}
