// Copyright © 2026 the ssl authors.

/// How far an extraction has got; the caller renders it.
public struct ExtractionProgress: Hashable, Sendable {
  /// Images whose features are done.
  public let imagesDone: Int
  /// All images, when the source knows.
  public let totalImages: Int?
  /// Seconds since extraction started.
  public let elapsedSeconds: Double

  /// Creates a progress report.
  public init(imagesDone: Int, totalImages: Int?, elapsedSeconds: Double) {
    self.imagesDone = imagesDone
    self.totalImages = totalImages
    self.elapsedSeconds = elapsedSeconds
  }

  /// Throughput so far, images per second (0 before the first batch completes).
  public var imagesPerSecond: Double {
    elapsedSeconds > 0 ? Double(imagesDone) / elapsedSeconds : 0
  }

  /// Estimated seconds left at the current rate, when the total is known and a rate exists.
  public var estimatedSecondsRemaining: Double? {
    guard let totalImages, imagesPerSecond > 0 else { return nil }
    return Double(max(0, totalImages - imagesDone)) / imagesPerSecond
  }

  /// The fraction done in 0…1, when the total is known.
  public var fractionDone: Double? {
    guard let totalImages, totalImages > 0 else { return nil }
    return min(1, Double(imagesDone) / Double(totalImages))
  }
}
