// Copyright © 2026 the ssl authors.

/// Oxford-IIIT Pets (protocols.md §2): `annotations/{trainval,test}.txt` lines are
/// `<name> <class id 1…37> <species> <breed id>`; `#` lines are comments; the class name is
/// the image name without its trailing `_<number>`.
enum PetsLayout {
  static let description =
    "annotations/{trainval,test}.txt ('<name> <class id> <species> <breed id>') and "
    + "images/<name>.jpg"

  static func read(_ files: LayoutFiles) throws(DatasetError) -> DatasetContents {
    var names: [Int: String] = [:]
    var official: [DatasetSplit: [DatasetSample]] = [:]
    var listFiles: [DatasetSplit: String] = [:]
    for (split, file) in [
      (DatasetSplit.train, "annotations/trainval.txt"), (.test, "annotations/test.txt"),
    ] {
      var samples: [DatasetSample] = []
      for (i, line) in try files.lines(file).enumerated() where !line.hasPrefix("#") {
        let parts = line.split(separator: " ")
        guard parts.count >= 2, let id = Int(parts[1]), id >= 1 else {
          throw files.malformed(file, line: i + 1, "expected '<name> <class id> …'")
        }
        let name = String(parts[0])
        if names[id - 1] == nil, let underscore = name.lastIndex(of: "_") {
          names[id - 1] = String(name[..<underscore])
        }
        samples.append(DatasetSample(path: "images/\(name).jpg", label: id - 1))
      }
      official[split] = samples
      listFiles[split] = files.path(file)
    }
    let count = (names.keys.max() ?? -1) + 1
    let classes = (0..<count).map { names[$0] ?? "class \($0 + 1)" }
    return DatasetContents(classNames: classes, official: official, listFiles: listFiles)
  }
}
