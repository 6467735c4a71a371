// Copyright © 2026 the ssl authors.

/// A stream of preprocessed images, handed out one batch at a time.
///
/// Conformers decode and preprocess lazily, so at most one batch of pixels exists at once.
/// Batches are [n, 3, H, W] float32 (normalised as the model expects), n ≤ `maxCount`.
public protocol ImageBatchSource {
  /// The number of images the stream will yield, when known (for progress and ETA).
  var totalCount: Int? { get }

  /// The next batch of at most `maxCount` images, or `nil` at the end.
  ///
  /// - Parameter maxCount: The largest batch the extractor wants, ≥ 1.
  /// - Throws: Whatever reading or decoding throws; extraction stops and rethrows it.
  mutating func nextBatch(maxCount: Int) throws -> Tensor?
}

/// An ``ImageBatchSource`` made from a closure.
public struct ClosureBatchSource: ImageBatchSource {
  /// The number of images, when known.
  public let totalCount: Int?
  private let next: (Int) throws -> Tensor?

  /// Creates a source.
  ///
  /// - Parameters:
  ///   - totalCount: The number of images, when known.
  ///   - next: Returns the next batch of at most the given size, or `nil` at the end.
  public init(totalCount: Int?, next: @escaping (Int) throws -> Tensor?) {
    self.totalCount = totalCount
    self.next = next
  }

  /// Calls the closure.
  public mutating func nextBatch(maxCount: Int) throws -> Tensor? { try next(maxCount) }
}
