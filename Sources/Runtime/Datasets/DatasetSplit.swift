// Copyright © 2026 the ssl authors.

/// A named part of a dataset (protocols.md §2).
public enum DatasetSplit: String, CaseIterable, Codable, Sendable {
  /// Training images; without an official validation set, the 80% left after the seed-0 split.
  case train
  /// The official validation set, or the first 20% of numpy's seed-0 permutation of train.
  case val
  /// Train plus validation (the full train split when validation was carved out of it).
  case trainval
  /// The test set.
  case test
  /// Every image (the few-shot pool: train, validation and test merged; CD-FSL's only split).
  case all
}

/// What a sample is labelled with.
public enum DatasetTarget: Hashable, Sendable {
  /// One class index.
  case label(Int)
  /// The positive class indices of a multi-label image (VOC; difficult counts as negative).
  case positives([Int])
}

/// One image of a dataset.
public struct DatasetSample: Hashable, Sendable {
  /// The image path relative to the dataset root.
  public var path: String
  /// The label(s).
  public var target: DatasetTarget

  /// Creates a sample.
  public init(path: String, target: DatasetTarget) {
    self.path = path
    self.target = target
  }

  /// Creates a single-label sample.
  public init(path: String, label: Int) {
    self.init(path: path, target: .label(label))
  }

  /// The class index of a single-label sample, `nil` for a multi-label one.
  public var label: Int? {
    if case .label(let l) = target { return l }
    return nil
  }
}
