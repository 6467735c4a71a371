// Copyright © 2026 the ssl authors.

import Foundation
import GRDB

/// One row of the `result` table; the storage form of ``MeasuredResult``.
struct ResultRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "result"

  var id: Int64?
  var model: String
  var modelHash: String
  var architecture: String
  var task: String
  var taskGroup: String
  var `protocol`: String
  var metric: String
  var value: Double
  var ci95: Double?
  var better: String
  var datasetFingerprint: String
  /// The parameters as a JSON object with sorted keys.
  var parameters: String
  var seed: Int?
  var chosen: String?
  var toolVersion: String
  var createdAt: Date
  var wallSeconds: Double

  init(_ result: MeasuredResult) {
    let row = result.row
    model = row.model
    modelHash = result.modelHash
    architecture = result.architecture
    task = row.task
    taskGroup = row.group
    self.protocol = row.protocol
    metric = row.metric
    value = row.value
    ci95 = row.ci95
    better = row.better == .higher ? "higher" : "lower"
    datasetFingerprint = result.datasetFingerprint
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    parameters = (try? encoder.encode(result.parameters)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    seed = result.seed
    chosen = result.chosen
    toolVersion = result.toolVersion
    createdAt = result.createdAt
    wallSeconds = result.wallSeconds
  }

  var measured: MeasuredResult {
    let decoded = (try? JSONDecoder().decode([String: String].self, from: Data(parameters.utf8))) ?? [:]
    let row = ResultRow(
      model: model, task: task, group: taskGroup, protocol: self.protocol, metric: metric,
      value: value, ci95: ci95, better: better == "lower" ? .lower : .higher,
      provenance: .measured(description: ""))
    return MeasuredResult(
      row: row, modelHash: modelHash, architecture: architecture,
      datasetFingerprint: datasetFingerprint, parameters: decoded, seed: seed, chosen: chosen,
      toolVersion: toolVersion, createdAt: createdAt, wallSeconds: wallSeconds)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
