// Copyright © 2026 the ssl authors.

import Foundation

/// Food-101 (protocols.md §2): `food-101/meta/{train,test}.json` map each class to its image
/// ids (`<class>/<id>`); class order is `meta/classes.txt`.
enum FoodLayout {
  static let description =
    "food-101/meta/{classes.txt,train.json,test.json} and food-101/images/<class>/<id>.jpg"

  static func read(_ files: LayoutFiles) throws(DatasetError) -> DatasetContents {
    let classes = try files.lines("food-101/meta/classes.txt")
      .map { $0.trimmingCharacters(in: .whitespaces) }
    var official: [DatasetSplit: [DatasetSample]] = [:]
    var listFiles: [DatasetSplit: String] = [:]
    for split in [DatasetSplit.train, .test] {
      let file = "food-101/meta/\(split.rawValue).json"
      let data = try files.data(file)
      guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: [String]] else {
        throw files.malformed(file, line: 1, "expected an object of class → [image id]")
      }
      var samples: [DatasetSample] = []
      for (label, name) in classes.enumerated() {
        for id in json[name] ?? [] {
          samples.append(DatasetSample(path: "food-101/images/\(id).jpg", label: label))
        }
      }
      official[split] = samples
      listFiles[split] = files.path(file)
    }
    return DatasetContents(classNames: classes, official: official, listFiles: listFiles)
  }
}
