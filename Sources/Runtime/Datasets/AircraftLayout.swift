// Copyright © 2026 the ssl authors.

/// FGVC-Aircraft at the variant level (protocols.md §2): `data/images_variant_<split>.txt`
/// lines are `<id> <variant name>`; classes are the sorted distinct variant names (taken over
/// all three files, which agrees with the seed code when every split has every variant).
enum AircraftLayout {
  static let description =
    "data/images/<id>.jpg and data/images_variant_{train,val,test}.txt ('<id> <variant>' lines)"

  static func read(_ files: LayoutFiles) throws(DatasetError) -> DatasetContents {
    var rows: [DatasetSplit: [(String, String)]] = [:]
    var listFiles: [DatasetSplit: String] = [:]
    for split in [DatasetSplit.train, .val, .test] {
      let name = "data/images_variant_\(split.rawValue).txt"
      var parsed: [(String, String)] = []
      for (i, line) in try files.lines(name).enumerated() {
        guard let space = line.firstIndex(of: " ") else {
          throw files.malformed(name, line: i + 1, "expected '<id> <variant>'")
        }
        parsed.append((String(line[..<space]), String(line[line.index(after: space)...])))
      }
      rows[split] = parsed
      listFiles[split] = files.path(name)
    }
    let classes = Set(rows.values.flatMap { $0.map(\.1) }).sorted()
    let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    var official: [DatasetSplit: [DatasetSample]] = [:]
    for (split, parsed) in rows {
      official[split] = parsed.map { id, variant in
        DatasetSample(path: "data/images/\(id).jpg", label: index[variant] ?? 0)
      }
    }
    return DatasetContents(classNames: classes, official: official, listFiles: listFiles)
  }
}
