// Copyright © 2026 the ssl authors.

import Foundation

/// A number this tool measured, with everything needed to trust and reproduce it.
///
/// The ``row`` is what tables, `corr` and `plot` use; its provenance is `.measured` with a
/// short summary (`C=0.316, 2026-11-22`). The other fields are the full provenance kept in the
/// results database: which weights (by content hash), which data (by fingerprint), the
/// protocol's every parameter, the seed, the chosen hyperparameter, the tool version, when,
/// and how long it took.
public struct MeasuredResult: Hashable, Sendable {
  /// The result as a table row.
  public var row: ResultRow
  /// Content hash of the model's weights (``ModelIdentity``-style, hex).
  public var modelHash: String
  /// The architecture (`resnet50`, `resnet50w3`).
  public var architecture: String
  /// Fingerprint of the dataset the number was measured on.
  public var datasetFingerprint: String
  /// Every protocol parameter, as key → value text (sorted by key when stored).
  public var parameters: [String: String]
  /// The seed, for protocols that draw random numbers.
  public var seed: Int?
  /// The hyperparameter a sweep chose (`C=0.316`), if any.
  public var chosen: String?
  /// The tool version that measured it.
  public var toolVersion: String
  /// When the measurement finished.
  public var createdAt: Date
  /// How long it took, in seconds.
  public var wallSeconds: Double

  /// Creates a measured result; the row's provenance is set from the other fields.
  public init(
    row: ResultRow, modelHash: String, architecture: String, datasetFingerprint: String,
    parameters: [String: String], seed: Int?, chosen: String?,
    toolVersion: String = ToolVersion.current, createdAt: Date = Date(), wallSeconds: Double
  ) {
    self.row = row
    self.modelHash = modelHash
    self.architecture = architecture
    self.datasetFingerprint = datasetFingerprint
    self.parameters = parameters
    self.seed = seed
    self.chosen = chosen
    self.toolVersion = toolVersion
    self.createdAt = createdAt
    self.wallSeconds = wallSeconds
    self.row.provenance = .measured(description: summary)
  }

  /// `C=0.316, ssl 0.1.0, 2026-11-22`: the provenance shown in tables.
  public var summary: String {
    var parts: [String] = []
    if let chosen { parts.append(chosen) }
    parts.append("ssl \(toolVersion)")
    parts.append(Self.day.string(from: createdAt))
    return parts.joined(separator: ", ")
  }

  private static let day: DateFormatter = {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter
  }()
}
