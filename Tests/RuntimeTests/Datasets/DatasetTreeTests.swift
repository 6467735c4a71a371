// Copyright © 2026 the ssl authors.

import Foundation
import Runtime
import Testing

/// `Fixtures/ds_trees/` and `ds_trees.json`, written by `scripts/fixtures/make_dataset_trees.py`.
enum DatasetTrees {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let root = fixtures.appendingPathComponent("ds_trees").path

  static func expectations() throws -> [String: [String: Any]] {
    let data = try Data(contentsOf: fixtures.appendingPathComponent("ds_trees.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
  }

  static func load(_ name: String, classes: Int) throws -> Dataset {
    switch name {
    case "imagefolder": return try DatasetCatalog.imageFolder(name: name, root: "\(root)/\(name)")
    case "csvlist": return try DatasetCatalog.list(name: name, file: "\(root)/csvlist/list.csv")
    default:
      return try DatasetCatalog.load(name, root: "\(root)/\(name)", classCount: .expect(classes))
    }
  }

  /// Copies one tree into a fresh temporary folder.
  static func copy(_ name: String) throws -> String {
    let target = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-ds-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: "\(root)/\(name)", toPath: target)
    return target
  }
}

@Suite("Dataset layouts on tiny trees")
struct DatasetTreeTests {
  static let names: [String] = [
    "aircraft", "caltech101", "cars", "dtd", "flowers", "food", "pets", "sun397", "voc2007",
    "eurosat", "cropdiseases", "isic", "chestx", "imagefolder", "csvlist", "cifar10",
  ]

  @Test(
    "Split sizes, labels, class counts and the seed-0 validation split",
    arguments: DatasetTreeTests.names)
  func tree(_ name: String) throws {
    let expected = try #require(try DatasetTrees.expectations()[name])
    let classes = try #require(expected["classes"] as? Int)
    let dataset = try DatasetTrees.load(name, classes: classes)
    #expect(dataset.classNames.count == classes)
    let sizes = try #require(expected["sizes"] as? [String: Int])
    for (split, size) in sizes {
      let s = try #require(DatasetSplit(rawValue: split))
      #expect(try dataset.samples(s).count == size, "\(name) \(split)")
    }
    for case let sample as [Any] in try #require(expected["samples"] as? [Any]) {
      let splitName = try #require(sample[0] as? String)
      let split = try #require(DatasetSplit(rawValue: splitName))
      let index = try #require(sample[1] as? Int)
      let got = try dataset.samples(split)[index]
      #expect(got.path == sample[2] as? String, "\(name) \(split)[\(index)]")
      if let label = sample[3] as? Int {
        #expect(got.target == .label(label), "\(name) \(split)[\(index)]")
      } else {
        let positives = try #require(sample[3] as? [Int])
        #expect(got.target == .positives(positives))
      }
    }
    if let validation = expected["validation"] as? [Int] {
      let trainval = try dataset.samples(.trainval)
      #expect(try dataset.samples(.val) == validation.map { trainval[$0] }, "\(name) seed-0 val")
      #expect(!dataset.hasOfficialValidation)
    }
    let counts = try dataset.classCounts(dataset.availableSplits.contains(.all) ? .all : .trainval)
    #expect(dataset.isMultiLabel || counts.allSatisfy { $0 > 0 })
    #expect(dataset.fingerprint.count == 64)
    if let pixel = expected["pixel"] as? [Int] {  // CIFAR: planar pickled bytes become RGB
      let image = try dataset.image(of: try dataset.samples(.trainval)[3])
      #expect(image.width == 32 && image.height == 32)
      let (r, g, b) = image[1, 0]
      #expect([Int(r), Int(g), Int(b)] == pixel)
    }
  }

  @Test("The official class count is checked")
  func officialClassCount() {
    #expect(throws: DatasetError.classCountMismatch(dataset: "pets", expected: 37, found: 3)) {
      try DatasetCatalog.load("pets", root: "\(DatasetTrees.root)/pets")
    }
  }

  @Test("An incomplete layout names the missing file and the expected layout")
  func missingFile() throws {
    let root = try DatasetTrees.copy("dtd")
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.removeItem(atPath: root + "/labels/val1.txt")
    do {
      _ = try DatasetCatalog.load("dtd", root: root, classCount: .expect(3))
      Issue.record("loaded an incomplete layout")
    } catch {
      guard case .missingFile(_, let path, let layout) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(path == root + "/labels/val1.txt")
      #expect(layout.contains("labels/{train,val,test}1.txt"))
    }
  }

  @Test("A label file naming a missing image fails before any compute")
  func missingImage() throws {
    let root = try DatasetTrees.copy("pets")
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.removeItem(atPath: root + "/images/Bengal_2.jpg")
    #expect(
      throws: DatasetError.missingImages(
        dataset: "pets", listedIn: root + "/annotations/trainval.txt",
        missing: [root + "/images/Bengal_2.jpg"], count: 1)
    ) { try DatasetCatalog.load("pets", root: root, classCount: .expect(3)) }
  }

  @Test("An empty class is an error")
  func emptyClass() throws {
    let root = try DatasetTrees.copy("eurosat")
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(
      atPath: root + "/2750/Highway", withIntermediateDirectories: true)
    #expect(throws: DatasetError.emptyClass(dataset: "eurosat", className: "Highway")) {
      try DatasetCatalog.load("eurosat", root: root, classCount: .none)
    }
  }

  @Test("The fingerprint follows file contents and labels, not the root's location")
  func fingerprint() throws {
    let original = try DatasetTrees.load("imagefolder", classes: 2)
    let root = try DatasetTrees.copy("imagefolder")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = root + "/cat/cat_0.jpg"
    let attributes: [FileAttributeKey: Any] = [.modificationDate: Date(timeIntervalSince1970: 1e9)]
    for file in [
      "cat/cat_0.jpg", "cat/cat_1.jpg", "cat/cat_2.jpg", "dog/dog_0.jpg", "dog/dog_1.jpg",
      "dog/dog_2.jpg",
    ] {
      try FileManager.default.setAttributes(attributes, ofItemAtPath: root + "/" + file)
    }
    let copy = try DatasetCatalog.imageFolder(name: "imagefolder", root: root)
    let again = try DatasetCatalog.imageFolder(name: "imagefolder", root: root)
    #expect(copy.fingerprint == again.fingerprint)
    try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes(attributes, ofItemAtPath: path)
    let changed = try DatasetCatalog.imageFolder(name: "imagefolder", root: root)
    #expect(changed.fingerprint != copy.fingerprint)
    #expect(original.fingerprint != copy.fingerprint)  // different mtimes
  }

  @Test("Unknown names and a missing data root are typed errors")
  func unknownNameAndMissingRoot() {
    #expect(throws: DatasetError.self) { try DatasetCatalog.load("imagenet", root: "/nonexistent") }
    if ProcessInfo.processInfo.environment["SSL_DATA"] == nil {
      #expect(throws: DatasetError.noDataRoot(dataset: "pets")) {
        try DatasetCatalog.load("pets", dataRoot: nil, classCount: .none)
      }
    }
  }
}
