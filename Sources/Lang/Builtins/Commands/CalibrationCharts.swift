// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `plot` after `eval … calibration` (or `show results where protocol=calibration`): the
/// reliability diagram of each model's linear probe — per confidence bin (15 equal-width bins,
/// only those holding test images), the accuracy of the probe's top prediction next to the
/// bin's mean confidence, which it would equal if the probe were perfectly calibrated. The
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
    let binCount = 15
    let used = Set(perModel.flatMap { $0.bins.map(\.index) }).sorted()
    let categories = used.map { i in
      String(format: "%.2f–%.2f", Double(i) / Double(binCount), Double(i + 1) / Double(binCount))
    }
    var series = perModel.map { model in
      BarSeries(
        name: "\(model.name) (ECE \(String(format: "%.1f", model.ece))%)",
        values: used.map { i in (model.bins.first { $0.index == i }?.accuracy ?? .nan) * 100 })
    }
    // The confidence the probe claimed in each bin (one model), or the bin centre (several):
    // the height a calibrated probe's accuracy bar would reach.
    let reference: [Double] =
      perModel.count == 1
      ? used.map { i in (perModel[0].bins.first { $0.index == i }?.confidence ?? .nan) * 100 }
      : used.map { (Double($0) + 0.5) / Double(binCount) * 100 }
    series.append(
      BarSeries(name: perModel.count == 1 ? "mean confidence" : "bin centre", values: reference))
    return ChartSpec(
      title: title.isEmpty ? "Reliability of the linear probe" : "Reliability: " + title,
      xLabel: "confidence of the top prediction", yLabel: "accuracy (%)",
      content: .bars(BarChartSpec(categories: categories, series: series, yRange: 0...100)))
  }
}
