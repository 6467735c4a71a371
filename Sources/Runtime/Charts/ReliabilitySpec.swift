// Copyright © 2026 the ssl authors.

/// A reliability diagram: for each model, the accuracy of the top prediction in each
/// confidence bin plotted at the bin's mean confidence, beside the diagonal that a perfectly
/// calibrated classifier would follow (accuracy = confidence). Points below the diagonal are
/// over-confident bins, points above it under-confident ones.
///
/// Both axes run 0–100 %. Markers grow with the number of images in their bin (area ∝ count,
/// relative to the fullest bin of the chart), so a far-off point backed by three images does
/// not read like one backed by three thousand.
public struct ReliabilitySpec: Sendable {
  /// One confidence bin of one model.
  public struct Bin: Hashable, Sendable {
    /// The bin's mean top-label confidence, in [0, 1].
    public var confidence: Double
    /// The fraction of the bin's images whose top prediction is right, in [0, 1].
    public var accuracy: Double
    /// The number of test images in the bin (empty bins are left out).
    public var count: Int

    public init(confidence: Double, accuracy: Double, count: Int) {
      self.confidence = confidence
      self.accuracy = accuracy
      self.count = count
    }
  }

  /// One model's curve.
  public struct Series: Sendable {
    /// The legend text, for example `byol (ECE 3.1%)`.
    public var name: String
    /// The non-empty bins in ascending confidence.
    public var bins: [Bin]

    public init(name: String, bins: [Bin]) {
      self.name = name
      self.bins = bins
    }
  }

  /// The curves, one colour each (the Okabe–Ito series colours, in order).
  public var series: [Series]
  /// The legend text of the diagonal.
  public var diagonalName: String

  public init(series: [Series], diagonalName: String = "perfect calibration") {
    self.series = series
    self.diagonalName = diagonalName
  }

  /// The bins that can be drawn: finite confidence and accuracy, at least one image.
  var drawable: [[Bin]] {
    series.map { $0.bins.filter { $0.confidence.isFinite && $0.accuracy.isFinite && $0.count > 0 } }
  }
}
