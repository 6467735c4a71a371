// Copyright © 2026 the ssl authors.

/// What can go wrong while reading a dataset; all of it is found before any compute starts.
public enum DatasetError: Error, Equatable, Sendable {
  // MARK: Names and roots

  /// No dataset has this name.
  case unknownDataset(String, known: [String])
  /// Neither an explicit data root nor `$SSL_DATA` is set.
  case noDataRoot(dataset: String)

  // MARK: Layout

  /// A file or folder the layout needs is missing; `layout` describes the expected layout.
  case missingFile(dataset: String, path: String, layout: String)
  /// A label or split file cannot be parsed.
  case malformedFile(path: String, line: Int, reason: String)
  /// A label file names images that do not exist (`missing` holds the first few).
  case missingImages(dataset: String, listedIn: String, missing: [String], count: Int)
  /// A class has no image in any split.
  case emptyClass(dataset: String, className: String)
  /// The number of classes differs from the dataset's official count.
  case classCountMismatch(dataset: String, expected: Int, found: Int)
  /// The dataset has no such split.
  case splitUnavailable(dataset: String, split: DatasetSplit, available: [DatasetSplit])
  /// The layout needs something this build cannot do yet.
  case unsupported(dataset: String, reason: String)
}

extension DatasetError: CustomStringConvertible {
  /// A one-line message.
  public var description: String {
    switch self {
    case .unknownDataset(let name, let known):
      return "unknown dataset '\(name)' (known: \(known.joined(separator: ", ")))"
    case .noDataRoot(let dataset):
      return "\(dataset): no data root (set $SSL_DATA or `set data`)"
    case .missingFile(let dataset, let path, let layout):
      return "\(dataset): missing \(path); expected layout: \(layout)"
    case .malformedFile(let path, let line, let reason):
      return "\(path):\(line): \(reason)"
    case .missingImages(let dataset, let listedIn, let missing, let count):
      let shown = missing.joined(separator: ", ")
      return
        "\(dataset): \(count) image(s) listed in \(listedIn) do not exist "
        + "(\(shown)\(count > missing.count ? ", …" : ""))"
    case .emptyClass(let dataset, let name):
      return "\(dataset): class '\(name)' has no images"
    case .classCountMismatch(let dataset, let expected, let found):
      return "\(dataset): expected \(expected) classes, found \(found)"
    case .splitUnavailable(let dataset, let split, let available):
      let names = available.map(\.rawValue).joined(separator: ", ")
      return "\(dataset): no '\(split.rawValue)' split (available: \(names))"
    case .unsupported(let dataset, let reason):
      return "\(dataset): \(reason)"
    }
  }
}
