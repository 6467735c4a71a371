// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `plot` after `eval … calibration` (or `show results where protocol=calibration`): the
/// reliability diagram of each model's linear probe — per confidence bin (15 equal-width bins,
/// only those holding test images), the accuracy of the probe's top prediction plotted at the
/// bin's mean confidence, beside the diagonal a perfectly calibrated probe would follow; each
/// model's ECE is in its legend entry. The
/// bins come from the stored provenance of the `ece` rows (`reliability` =
/// count:accuracy:confidence per bin).
enum CalibrationCharts {
  struct Bin: Equatable {
    var index: Int
    var count: Int
    var accuracy: Double
    var confidence: Double
  }

  /// The bins of one stored `reliability` parameter (empty bins dropped).
  static func bins(_ text: String) -> [Bin] {
    text.split(separator: ";").enumerated().compactMap { index, field in
      let parts = field.split(separator: ":").compactMap { Double($0) }
      guard parts.count == 3, parts[0] > 0 else { return nil }
      return Bin(index: index, count: Int(parts[0]), accuracy: parts[1], confidence: parts[2])
    }
  }

  /// The diagram for `rows`, or nil unless they are calibration rows whose bins are stored.
  static func reliability(_ rows: [ResultRow], title: String, state: BenchState) -> ChartSpec? {
    let ece = rows.filter { $0.protocol == "calibration" && $0.metric == "ece" }
    guard !ece.isEmpty, rows.allSatisfy({ $0.protocol == "calibration" }) else { return nil }
    let path = EvalCommand.workspace(state) + "/results.sqlite"
    guard let stored = try? ResultsStore(readingOnly: path).all() else { return nil }
    var perModel: [(name: String, ece: Double, bins: [Bin])] = []
    for row in ece {
      guard
        let match = stored.last(where: {
          $0.row.model == row.model && $0.row.task == row.task && $0.row.metric == "ece"
            && abs($0.row.value - row.value) < 1e-9
        }), let text = match.parameters["reliability"]
      else { continue }
      perModel.append((row.model + (Set(ece.map(\.task)).count > 1 ? " · \(row.task)" : ""), row.value, bins(text)))
    }
    guard !perModel.isEmpty else { return nil }
    let series = perModel.map { model in
      ReliabilitySpec.Series(
        name: "\(model.name) (ECE \(String(format: "%.1f", model.ece))%)",
        bins: model.bins.map {
          ReliabilitySpec.Bin(confidence: $0.confidence, accuracy: $0.accuracy, count: $0.count)
        })
    }
    let tasks = Set(ece.map(\.task))
    let subject = tasks.count == 1 ? " on \(tasks.first ?? "")" : ""
    return ChartSpec(
      title: title.isEmpty ? "Reliability of the linear probe\(subject)" : "Reliability: " + title,
      xLabel: "confidence of the top prediction (%)",
      yLabel: "accuracy (%)", content: .reliability(ReliabilitySpec(series: series)))
  }
}
