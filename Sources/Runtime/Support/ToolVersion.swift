// Copyright © 2026 the ssl authors.

/// The version of the tool, recorded in every result's provenance and printed by `--version`.
public enum ToolVersion {
  /// Semantic version of this build.
  public static let current = "0.1.0"
}
