// Copyright © 2026 the ssl authors.

/// The Describable Textures Dataset, partition 1 (protocols.md §2): classes are the sorted
/// folders of `images/`; `labels/{train,val,test}1.txt` list `<class>/<file>` paths.
enum DTDLayout {
  static let description = "images/<class>/<file> and labels/{train,val,test}1.txt"

  static func read(_ files: LayoutFiles) throws(DatasetError) -> DatasetContents {
    let classes = try files.subfolders("images")
    let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    var official: [DatasetSplit: [DatasetSample]] = [:]
    var listFiles: [DatasetSplit: String] = [:]
    for split in [DatasetSplit.train, .val, .test] {
      let file = "labels/\(split.rawValue)1.txt"
      official[split] = try files.lines(file).enumerated().map { (i, line) throws(DatasetError) in
        let path = line.trimmingCharacters(in: .whitespaces)
        guard let slash = path.firstIndex(of: "/"), let label = index[String(path[..<slash])] else {
          throw files.malformed(
            file, line: i + 1, "expected '<class>/<file>' with a class of images/")
        }
        return DatasetSample(path: "images/\(path)", label: label)
      }
      listFiles[split] = files.path(file)
    }
    return DatasetContents(classNames: classes, official: official, listFiles: listFiles)
  }
}
