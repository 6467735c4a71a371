// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// Realistic chart inputs: the 14 models of Figure 1 and the 11 tasks of Figure 2.
///
/// ImageNet top-1 values are those of Ericsson et al. (CVPR 2021), Table 1; the log-odds and
/// correlations are invented but plausible (r ≈ 0.9, some negative Spearman values).
enum ChartFixtures {
  static let models: [(name: String, top1: Double, logOdds: Double)] = [
    ("InsDis", 59.5, 0.62), ("MoCo-v1", 60.6, 0.71), ("PCL-v1", 61.5, 0.58),
    ("PIRL", 61.7, 0.80), ("PCL-v2", 67.6, 1.22), ("SimCLR-v1", 69.3, 1.30),
    ("MoCo-v2", 71.1, 1.45), ("SimCLR-v2", 71.7, 1.60), ("SeLa-v2", 71.8, 1.52),
    ("InfoMin", 73.0, 1.48), ("BYOL", 74.3, 1.78), ("DeepCluster-v2", 75.2, 1.86),
    ("SwAV", 75.3, 1.83), ("Supervised", 77.2, 1.62),
  ]

  static let tasks = [
    "Aircraft", "Caltech101", "Cars", "CIFAR10", "CIFAR100", "DTD", "Flowers", "Food", "Pets",
    "SUN397", "VOC2007",
  ]
  static let pearson = [0.45, 0.62, 0.38, 0.71, 0.80, 0.66, -0.18, 0.85, 0.88, 0.91, 0.74]
  static let spearman = [0.32, 0.58, -0.07, 0.69, 0.77, 0.61, -0.31, 0.83, 0.90, 0.87, 0.70]

  /// Figure 1 with the least-squares line, its 95% mean-response band and Pearson r.
  static func figure1(width: Int = 1600, height: Int = 1200) -> ChartSpec {
    let points = models.map { LabeledPoint(x: $0.top1, y: $0.logOdds, label: $0.name) }
    return ChartSpec(
      width: width, height: height, title: "Many-shot linear",
      xLabel: "ImageNet top-1 accuracy (%)",
      yLabel: "average transfer log-odds",
      content: .scatter(
        ScatterSpec(
          points: points, fit: fitBand(points),
          annotation: "r = " + String(format: "%.2f", pearsonR(points)))))
  }

  /// Figure 2: Pearson and Spearman per task.
  static func figure2(width: Int = 1600, height: Int = 1200) -> ChartSpec {
    ChartSpec(
      width: width, height: height, title: "Many-shot linear", xLabel: "",
      yLabel: "correlation with ImageNet top-1",
      content: .bars(
        BarChartSpec(
          categories: tasks,
          series: [
            BarSeries(name: "Pearson r", values: pearson),
            BarSeries(name: "Spearman ρ", values: spearman),
          ])))
  }

  /// A results table: four models × five tasks with 95% intervals and one missing value.
  static func results(width: Int = 1600, height: Int = 1200) -> ChartSpec {
    let names = ["Supervised", "SimCLR-v1", "BYOL", "SwAV"]
    let values: [[Double]] = [
      [83.5, 91.2, 86.1, 92.4, 72.8], [79.1, 89.9, 84.2, .nan, 70.3],
      [81.6, 91.9, 87.3, 91.8, 74.0], [82.8, 90.5, 86.9, 92.0, 73.2],
    ]
    let series = names.indices.map {
      BarSeries(name: names[$0], values: values[$0], errors: [0.8, 1.2, 0.6, 0.9, 1.1])
    }
    return ChartSpec(
      width: width, height: height, title: "show results", xLabel: "",
      yLabel: "accuracy (%)",
      content: .bars(
        BarChartSpec(
          categories: [
            "Pets linear", "Flowers linear", "DTD linear", "CIFAR10 linear", "Food linear",
          ],
          series: series)))
  }

  // MARK: - Statistics for the fixtures (kept here so the tests do not lean on Stats)

  /// Two probes over 15-bin reliability data: one over-confident (below the diagonal), one
  /// close to calibrated; empty bins are left out, as the stored rows leave them out.
  static func reliability(width: Int = 1600, height: Int = 1200) -> ChartSpec {
    let over: [(Double, Double, Int)] = [
      (0.36, 0.20, 3), (0.45, 0.31, 9), (0.52, 0.40, 22), (0.60, 0.44, 41), (0.66, 0.52, 60),
      (0.73, 0.61, 95), (0.80, 0.70, 130), (0.87, 0.79, 210), (0.93, 0.88, 380), (0.98, 0.95, 700),
    ]
    let calibrated: [(Double, Double, Int)] = [
      (0.42, 0.45, 5), (0.55, 0.52, 18), (0.64, 0.66, 35), (0.74, 0.72, 80), (0.86, 0.85, 190),
      (0.97, 0.97, 900),
    ]
    func bins(_ values: [(Double, Double, Int)]) -> [ReliabilitySpec.Bin] {
      values.map { ReliabilitySpec.Bin(confidence: $0.0, accuracy: $0.1, count: $0.2) }
    }
    return ChartSpec(
      width: width, height: height, title: "Reliability of the linear probe on Pets",
      xLabel: "confidence of the top prediction (%)",
      yLabel: "accuracy (%)",
      content: .reliability(
        ReliabilitySpec(series: [
          .init(name: "simclr-v1 (ECE 9.8%)", bins: bins(over)),
          .init(name: "supervised (ECE 1.9%)", bins: bins(calibrated)),
        ])))
  }

  static func pearsonR(_ points: [LabeledPoint]) -> Double {
    let n = Double(points.count)
    let mx = points.map(\.x).reduce(0, +) / n
    let my = points.map(\.y).reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for p in points {
      sxy += (p.x - mx) * (p.y - my)
      sxx += (p.x - mx) * (p.x - mx)
      syy += (p.y - my) * (p.y - my)
    }
    return sxy / (sxx * syy).squareRoot()
  }

  /// OLS line with the 95% band `ŷ ± t · s · √(1/n + (x − x̄)²/Sxx)`, t = t₀.₉₇₅(n − 2),
  /// sampled at 61 points.
  static func fitBand(_ points: [LabeledPoint]) -> FitBand {
    let n = Double(points.count)
    let mx = points.map(\.x).reduce(0, +) / n
    let my = points.map(\.y).reduce(0, +) / n
    var sxx = 0.0
    var sxy = 0.0
    for p in points {
      sxx += (p.x - mx) * (p.x - mx)
      sxy += (p.x - mx) * (p.y - my)
    }
    let slope = sxy / sxx
    let intercept = my - slope * mx
    let sse = points.reduce(0.0) { $0 + pow($1.y - (intercept + slope * $1.x), 2) }
    let s = (sse / (n - 2)).squareRoot()
    let t = 2.178813  // t(0.975, 12)
    let lo = points.map(\.x).min() ?? 0
    let hi = points.map(\.x).max() ?? 1
    let xs = (0...60).map { lo + (hi - lo) * Double($0) / 60 }
    let ys = xs.map { intercept + slope * $0 }
    let half = xs.map { t * s * (1 / n + ($0 - mx) * ($0 - mx) / sxx).squareRoot() }
    return FitBand(
      xs: xs, ys: ys, lower: zip(ys, half).map { $0 - $1 }, upper: zip(ys, half).map { $0 + $1 })
  }
}
