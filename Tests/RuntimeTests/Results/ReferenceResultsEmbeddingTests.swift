// Copyright © 2026 the ssl authors.

import Foundation
import Runtime
import Testing

/// The embedded CSV (`ReferenceResults+Generated.swift`) must equal the shared spec's file.
///
/// Regenerate with `scripts/embed-reference-results.sh` when this fails. Skipped when
/// `../shared/spec/reference-results.csv` (next to the repository) is absent, as in CI.
@Suite struct ReferenceResultsEmbeddingTests {
  static let specCSV = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Results/
    .deletingLastPathComponent()  // RuntimeTests/
    .deletingLastPathComponent()  // Tests/
    .deletingLastPathComponent()  // repository root
    .deletingLastPathComponent()
    .appendingPathComponent("shared/spec/reference-results.csv")

  @Test(.enabled(if: FileManager.default.fileExists(atPath: specCSV.path)))
  func embeddedTextMatchesSpec() throws {
    let spec = try String(contentsOf: Self.specCSV, encoding: .utf8)
    let embedded = try ResultsTable(csv: spec)
    #expect(embedded.rows == ResultsTable.reference.rows)
    #expect(ResultsTable.referenceCSVText == spec)
  }
}
