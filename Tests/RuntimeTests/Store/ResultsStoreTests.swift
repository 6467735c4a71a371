// Copyright © 2026 the ssl authors.

import Foundation
import Runtime
import Testing

struct ResultsStoreTests {
  static func temporaryPath() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-store-\(UUID().uuidString)/results.sqlite").path
  }

  static func sample(model: String = "BYOL", value: Double = 88.5) -> MeasuredResult {
    MeasuredResult(
      row: ResultRow(
        model: model, task: "Pets", group: "manyshot", protocol: "linear",
        metric: "mean-per-class", value: value, better: .higher,
        provenance: .measured(description: "")),
      modelHash: "ab12", architecture: "resnet50", datasetFingerprint: "cd34",
      parameters: ["grid": "45", "c": "sweep"], seed: 0, chosen: "C=0.316",
      createdAt: Date(timeIntervalSince1970: 1_795_000_000), wallSeconds: 1.5)
  }

  @Test func roundTripKeepsEveryField() throws {
    let path = Self.temporaryPath()
    let store = try ResultsStore(path: path)
    try store.insert([Self.sample(), Self.sample(model: "SwAV", value: 87.0)])
    let reopened = try ResultsStore(path: path)
    let rows = try reopened.all()
    #expect(rows.count == 2)
    #expect(rows[0] == Self.sample())
    #expect(rows[1].row.model == "SwAV")
    #expect(rows[0].row.provenance == .measured(description: "C=0.316, ssl \(ToolVersion.current), 2026-11-18"))
    #expect(try reopened.integrityCheck())
  }

  @Test func deleteByModel() throws {
    let store = try ResultsStore(path: Self.temporaryPath())
    try store.insert([Self.sample(), Self.sample(model: "SwAV")])
    #expect(try store.delete(model: "BYOL") == 1)
    #expect(try store.all().map(\.row.model) == ["SwAV"])
  }

  @Test func unopenablePathNamesIt() {
    #expect(throws: StoreError.self) {
      _ = try ResultsStore(path: "/proc/ssl-no-such-place/results.sqlite")
    }
    do {
      _ = try ResultsStore(path: "/proc/ssl-no-such-place/results.sqlite")
    } catch {
      #expect(error.description.contains("/proc/ssl-no-such-place/results.sqlite"))
    }
  }
}
