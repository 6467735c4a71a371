// Copyright © 2026 the ssl authors.

/// SUN397, partition 01 (protocols.md §2): classes are `ClassName.txt` lines without their
/// leading `/x/`, sorted; `Training_01.txt` / `Testing_01.txt` list `/x/<class>/<file>` paths
/// (images at the root without the leading `/`); an image takes the first class, in sorted
/// order, whose `/<class>/` occurs in its path.
enum SUN397Layout {
  static let description =
    "ClassName.txt, Training_01.txt, Testing_01.txt and images at <letter>/<class>/<file>"

  static func read(_ files: LayoutFiles) throws(DatasetError) -> DatasetContents {
    let classes = try files.lines("ClassName.txt").map { line in
      String(line.trimmingCharacters(in: .whitespaces).dropFirst(3))
    }.sorted()
    let needles = classes.map { "/\($0)/" }
    var official: [DatasetSplit: [DatasetSample]] = [:]
    var listFiles: [DatasetSplit: String] = [:]
    for (split, file) in [(DatasetSplit.train, "Training_01.txt"), (.test, "Testing_01.txt")] {
      official[split] = try files.lines(file).enumerated().map { (i, raw) throws(DatasetError) in
        let line = raw.trimmingCharacters(in: .whitespaces)
        guard let label = needles.firstIndex(where: { line.contains($0) }) else {
          throw files.malformed(file, line: i + 1, "no class of ClassName.txt in '\(line)'")
        }
        return DatasetSample(path: String(line.drop(while: { $0 == "/" })), label: label)
      }
      listFiles[split] = files.path(file)
    }
    return DatasetContents(classNames: classes, official: official, listFiles: listFiles)
  }
}
