// Copyright © 2026 the ssl authors.

import Foundation
import Testing

/// Compares `actual` with `Tests/RuntimeTests/Snapshots/<name>.txt`.
///
/// With `RECORD_SNAPSHOTS=1` the file is (re)written and the check passes. A missing file is
/// recorded and the test fails, so a new snapshot is always looked at before it is trusted.
func assertChartSnapshot(
  _ actual: String, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let folder = URL(fileURLWithPath: filePath)
    .deletingLastPathComponent()  // Charts
    .deletingLastPathComponent()  // RuntimeTests
    .appendingPathComponent("Snapshots")
  let file = folder.appendingPathComponent(name + ".txt")
  let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  let existing = try? String(contentsOf: file, encoding: .utf8)
  if recording || existing == nil {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("cannot record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
      return
    }
    if existing == nil {
      Issue.record(
        "recorded missing snapshot \(file.path); check it and run again",
        sourceLocation: sourceLocation)
    }
    return
  }
  guard let existing, existing != actual else { return }
  let expectedLines = existing.split(separator: "\n", omittingEmptySubsequences: false)
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
  let line = first?.offset ?? min(expectedLines.count, actualLines.count)
  let expectedLine = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
  let actualLine = line < actualLines.count ? String(actualLines[line]) : "<end>"
  Issue.record(
    """
    snapshot \(name) differs at line \(line + 1) (re-record with RECORD_SNAPSHOTS=1):
      expected: \(expectedLine)
      actual:   \(actualLine)
    """, sourceLocation: sourceLocation)
}
