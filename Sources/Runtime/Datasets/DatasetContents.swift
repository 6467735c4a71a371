// Copyright © 2026 the ssl authors.

/// What a layout reader finds in a dataset's files, before split rules and checks.
struct DatasetContents: Sendable {
  /// Class names in label order.
  var classNames: [String]
  /// The splits the files define: `train`, `val`, `test`, or only `all`.
  var official: [DatasetSplit: [DatasetSample]]
  /// The file each official split was read from, for error messages.
  var listFiles: [DatasetSplit: String]
  /// Whether samples carry several labels (VOC2007).
  var multiLabel = false
}
