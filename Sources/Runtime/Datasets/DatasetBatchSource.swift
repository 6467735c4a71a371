// Copyright © 2026 the ssl authors.
//
// Feeds a dataset split to the feature extractor (`Extraction/ImageBatchSource`): each batch
// decodes and preprocesses its images in parallel (`Kernels.Parallel`, one image per item)
// straight into the batch's [n, 3, crop, crop] buffer. An image that cannot be read is
// skipped and recorded in ``report``; ``keptSamples`` lists, in row order, the samples whose
// features the extractor produced, so labels stay aligned with feature rows.

import Kernels

/// The images of one dataset split as preprocessed batches.
public struct DatasetBatchSource: ImageBatchSource {
  /// The transform applied (including a dataset's own first resize, such as ChestX's).
  public let preprocessing: ImagePreprocessing
  /// The samples whose images made it into batches, in row order.
  public private(set) var keptSamples: [DatasetSample] = []
  /// The images skipped so far.
  public private(set) var report = UnreadableImageReport()
  private let dataset: Dataset
  private let samples: [DatasetSample]
  private var next = 0

  /// A source over `split`, transformed by `preprocessing` (preceded by the dataset's
  /// ``DatasetName/preResize`` when it has one).
  ///
  /// - Throws: ``DatasetError/splitUnavailable(dataset:split:available:)``.
  public init(dataset: Dataset, split: DatasetSplit, preprocessing: ImagePreprocessing)
    throws(DatasetError)
  {
    self.dataset = dataset
    self.samples = try dataset.samples(split)
    if let first = DatasetName(rawValue: dataset.name)?.preResize {
      self.preprocessing = preprocessing.preceded(by: first)
    } else {
      self.preprocessing = preprocessing
    }
  }

  /// The number of images in the split.
  public var totalCount: Int? { samples.count }

  /// The next batch of up to `maxCount` readable images, or `nil` when none are left.
  public mutating func nextBatch(maxCount: Int) throws -> Tensor? {
    while next < samples.count {
      let chunk = Array(samples[next..<min(samples.count, next + maxCount)])
      next += chunk.count
      let (values, errors) = preprocess(chunk)
      report.attempted += chunk.count
      var kept: [Float] = []
      kept.reserveCapacity(values.count)
      let size = preprocessing.outputCount
      var rows = 0
      for (i, sample) in chunk.enumerated() {
        if let error = errors[i] {
          report.failures.append(error)
          continue
        }
        kept += values[(i * size)..<((i + 1) * size)]
        keptSamples.append(sample)
        rows += 1
      }
      if rows > 0 { return Tensor(shape: [rows] + preprocessing.outputShape, scalars: kept) }
    }
    return nil
  }

  /// Decodes and transforms `chunk` in parallel: the values and, per image, its error.
  private func preprocess(_ chunk: [DatasetSample]) -> ([Float], [ImageError?]) {
    let size = preprocessing.outputCount
    var values = [Float](repeating: 0, count: chunk.count * size)
    var errors = [ImageError?](repeating: nil, count: chunk.count)
    let transform = preprocessing
    let dataset = self.dataset
    values.withUnsafeMutableBufferPointer { out in
      errors.withUnsafeMutableBufferPointer { errs in
        Parallel.forEachChunk(count: chunk.count) { range in
          for i in range {
            let slot = UnsafeMutableBufferPointer(rebasing: out[(i * size)..<((i + 1) * size)])
            do throws(ImageError) {
              let image = try dataset.image(of: chunk[i])
              try transform.apply(image, path: dataset.path(of: chunk[i]), into: slot)
            } catch {
              errs[i] = error
            }
          }
        }
      }
    }
    return (values, errors)
  }
}
