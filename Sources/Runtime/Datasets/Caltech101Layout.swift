// Copyright © 2026 the ssl authors.

/// Caltech-101 with the seed code's split files (protocols.md §2): `train.txt` / `test.txt`
/// lines are `<class>/<file> <label>`, label 0 being BACKGROUND_Google (102 classes); class
/// names come from the lines' folder names.
enum Caltech101Layout {
  static let description =
    "train.txt and test.txt ('<class>/<file> <label>' lines), images under "
    + "caltech101/101_ObjectCategories/<class>/<file>"

  static func read(_ files: LayoutFiles) throws(DatasetError) -> DatasetContents {
    var names: [Int: String] = [:]
    var official: [DatasetSplit: [DatasetSample]] = [:]
    var listFiles: [DatasetSplit: String] = [:]
    for (split, file) in [(DatasetSplit.train, "train.txt"), (.test, "test.txt")] {
      var samples: [DatasetSample] = []
      for (i, line) in try files.lines(file).enumerated() {
        let parts = line.split(separator: " ")
        guard parts.count == 2, let label = Int(parts[1]), label >= 0,
          let slash = parts[0].firstIndex(of: "/")
        else { throw files.malformed(file, line: i + 1, "expected '<class>/<file> <label>'") }
        let className = String(parts[0][..<slash])
        if let known = names[label], known != className {
          throw files.malformed(
            file, line: i + 1, "label \(label) is both \(known) and \(className)")
        }
        names[label] = className
        samples.append(
          DatasetSample(path: "caltech101/101_ObjectCategories/\(parts[0])", label: label))
      }
      official[split] = samples
      listFiles[split] = files.path(file)
    }
    let count = (names.keys.max() ?? -1) + 1
    let classes = (0..<count).map { names[$0] ?? "class \($0)" }
    return DatasetContents(classNames: classes, official: official, listFiles: listFiles)
  }
}
