// Copyright © 2026 the ssl authors.

import Foundation
import Testing

/// Compares text with a stored snapshot, `Snapshots/<named>.txt` next to the calling test file.
///
/// * When the snapshot matches, nothing happens.
/// * When it differs, the test fails with the first differing line of each side; the file is
///   left alone.
/// * When it is missing, the text is recorded and the test fails, so a new snapshot is always
///   looked at once before it is trusted.
/// * When the environment variable `RECORD_SNAPSHOTS` is `1`, the text is (re)recorded and the
///   test passes; review the change with `git diff`.
///
/// - Parameters:
///   - text: The text to check.
///   - named: The snapshot's file name without extension (letters, digits, `-`, `_`, `.`).
///   - testFilePath: The test file whose folder holds `Snapshots/`; leave the default.
///   - sourceLocation: Where to report a failure; leave the default.
public func assertSnapshot(
  _ text: String, named: String, testFilePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let folder = URL(fileURLWithPath: testFilePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots", isDirectory: true)
  let file = folder.appendingPathComponent(named + ".txt")
  let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  let stored = try? String(contentsOf: file, encoding: .utf8)
  if !recording, let stored {
    if stored != text {
      Issue.record(
        "snapshot '\(named)' differs: \(firstDifference(stored, text))",
        sourceLocation: sourceLocation)
    }
    return
  }
  do {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file, options: .atomic)
  } catch {
    Issue.record(
      "cannot record snapshot '\(named)' at \(file.path): \(error)", sourceLocation: sourceLocation)
    return
  }
  if !recording {
    Issue.record(
      "snapshot '\(named)' was missing and has been recorded at \(file.path); run again",
      sourceLocation: sourceLocation)
  }
}

/// `line N: expected "…", got "…"` for the first line where two texts differ.
func firstDifference(_ expected: String, _ actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
  for index in 0..<max(old.count, new.count) {
    let a = index < old.count ? String(old[index]) : "<end>"
    let b = index < new.count ? String(new[index]) : "<end>"
    if a != b {
      return "line \(index + 1): expected \(a.debugDescription), got \(b.debugDescription)"
    }
  }
  return "texts differ"
}
