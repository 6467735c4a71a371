// Copyright © 2026 the ssl authors.

/// A user list: `path,label[,split]` lines (tab-separated for `.tsv`), paths absolute or
/// relative to the list's folder, an optional header whose first field is `path`. Classes are the distinct
/// labels, sorted (numerically when all are integers). Without a split column everything is
/// `all`; split values are `train`, `val` and `test`.
enum CSVListLayout {
  static let description = "a CSV/TSV file of 'path,label[,split]' lines"

  static func read(_ files: LayoutFiles, list: String) throws(DatasetError) -> DatasetContents {
    let separator: Character = list.lowercased().hasSuffix(".tsv") ? "\t" : ","
    var rows: [(path: String, label: String, split: DatasetSplit)] = []
    for (i, line) in try files.lines(list).enumerated() {
      let fields = line.split(separator: separator, omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      if i == 0 && fields.first?.lowercased() == "path" { continue }
      guard fields.count == 2 || fields.count == 3 else {
        throw files.malformed(
          list, line: i + 1, "expected 'path\(separator)label[\(separator)split]'")
      }
      var split = DatasetSplit.all
      if fields.count == 3 {
        guard let s = DatasetSplit(rawValue: fields[2].lowercased()), s != .trainval, s != .all
        else {
          throw files.malformed(list, line: i + 1, "split must be train, val or test")
        }
        split = s
      }
      rows.append((fields[0], fields[1], split))
    }
    let distinct = Set(rows.map(\.label))
    let numeric = distinct.allSatisfy { Int($0) != nil }
    let classes =
      numeric
      ? distinct.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) } : distinct.sorted()
    let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    let folder =
      list.contains("/") ? String(list[..<(list.lastIndex(of: "/") ?? list.endIndex)]) + "/" : ""
    var official: [DatasetSplit: [DatasetSample]] = [:]
    var listFiles: [DatasetSplit: String] = [:]
    for row in rows {
      official[row.split, default: []].append(
        DatasetSample(
          path: row.path.hasPrefix("/") ? row.path : folder + row.path,
          label: index[row.label] ?? 0))
      listFiles[row.split] = files.path(list)
    }
    if official[.all] != nil && official.count > 1 {
      throw files.malformed(list, line: 1, "either every line has a split or none does")
    }
    if official[.all] == nil && official[.train] == nil {
      throw files.malformed(list, line: 1, "a split column needs 'train' lines")
    }
    return DatasetContents(classNames: classes, official: official, listFiles: listFiles)
  }
}
