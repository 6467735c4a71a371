// Copyright © 2026 the ssl authors.

import Runtime

/// Facts about the tool that the executable shows (`--version`).
public enum SessionInfo {
  /// The tool's version.
  public static var version: String { ToolVersion.current }
}
