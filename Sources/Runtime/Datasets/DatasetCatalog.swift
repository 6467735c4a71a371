// Copyright © 2026 the ssl authors.

import Foundation

/// How a load checks the number of classes.
public enum ClassCountCheck: Sendable {
  /// Against the dataset's official count (``DatasetName/classCount``).
  case official
  /// Against a given count (tiny test trees).
  case expect(Int)
  /// Not at all (user datasets).
  case none
}

/// Loads datasets by name from a data root, or from generic layouts.
public enum DatasetCatalog {
  /// The environment variable naming the data root.
  public static let dataRootVariable = "SSL_DATA"

  /// The data root: `explicit`, else `$SSL_DATA`, else `nil`.
  public static func dataRoot(explicit: String? = nil) -> String? {
    explicit ?? ProcessInfo.processInfo.environment[dataRootVariable]
  }

  /// Loads a seed dataset.
  ///
  /// - Parameters:
  ///   - name: A ``DatasetName`` raw value, for example `pets`.
  ///   - root: The dataset's own folder; default `<data root>/<DatasetName.folder>`.
  ///   - dataRoot: The data root; default `$SSL_DATA`.
  ///   - classCount: How to check the number of classes.
  /// - Throws: ``DatasetError``, before any image is decoded.
  public static func load(
    _ name: String, root: String? = nil, dataRoot: String? = nil,
    classCount: ClassCountCheck = .official
  ) throws(DatasetError) -> Dataset {
    guard let dataset = DatasetName(rawValue: name.lowercased()) else {
      throw .unknownDataset(name, known: DatasetName.allCases.map(\.rawValue))
    }
    guard let folder = root ?? self.dataRoot(explicit: dataRoot).map({ $0 + "/" + dataset.folder })
    else { throw .noDataRoot(dataset: name) }
    let files = LayoutFiles(
      dataset: dataset.rawValue, root: folder, layout: dataset.layoutDescription)
    try files.requireFolder(".")
    let expected: Int? = {
      switch classCount {
      case .official: return dataset.classCount
      case .expect(let n): return n
      case .none: return nil
      }
    }()
    var memory: InMemoryImages?
    let contents: DatasetContents
    switch dataset {
    case .aircraft: contents = try AircraftLayout.read(files)
    case .caltech101: contents = try Caltech101Layout.read(files)
    case .cars: contents = try CarsLayout.read(files)
    case .cifar10, .cifar100:
      let (c, images) = try CIFARLayout.read(files, hundred: dataset == .cifar100)
      contents = c
      memory = images
    case .dtd: contents = try DTDLayout.read(files)
    case .flowers: contents = try FlowersLayout.read(files)
    case .food: contents = try FoodLayout.read(files)
    case .pets: contents = try PetsLayout.read(files)
    case .sun397: contents = try SUN397Layout.read(files)
    case .voc2007: contents = try VOC2007Layout.read(files)
    case .cropdiseases: contents = try ImageFolderLayout.read(files, folder: "dataset/train")
    case .eurosat: contents = try ImageFolderLayout.read(files, folder: "2750")
    case .isic: contents = try CDFSLLayout.isic(files)
    case .chestx: contents = try CDFSLLayout.chestX(files)
    }
    return try Dataset(
      name: dataset.rawValue, root: folder, contents: contents, expectedClassCount: expected,
      memoryImages: memory)
  }

  /// Loads a user ImageFolder (`<class>/<image>`, or `train/`, `val/`, `test/` of those).
  public static func imageFolder(name: String, root: String) throws(DatasetError) -> Dataset {
    let files = LayoutFiles(dataset: name, root: root, layout: ImageFolderLayout.description)
    return try Dataset(
      name: name, root: root, contents: ImageFolderLayout.read(files), expectedClassCount: nil)
  }

  /// Loads a user CSV/TSV list (`path,label[,split]`, paths relative to the list's folder).
  public static func list(name: String, file: String) throws(DatasetError) -> Dataset {
    let url = URL(fileURLWithPath: file)
    let root = url.deletingLastPathComponent().path
    let files = LayoutFiles(dataset: name, root: root, layout: CSVListLayout.description)
    return try Dataset(
      name: name, root: root, contents: CSVListLayout.read(files, list: url.lastPathComponent),
      expectedClassCount: nil)
  }
}
