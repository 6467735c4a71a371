// Copyright © 2026 the ssl authors.

/// Oxford Flowers-102 (protocols.md §2): `setid.mat` holds 1-based image numbers `trnid`,
/// `valid`, `tstid`; `imagelabels.mat` holds `labels` (1…102) for every image; each split's
/// labels are remapped to 0… through the sorted distinct labels of that split (as the seed
/// code does; identical across splits when each has every class). Images are
/// `jpg/image_%05d.jpg`.
enum FlowersLayout {
  static let description = "setid.mat, imagelabels.mat and jpg/image_%05d.jpg"

  static func read(_ files: LayoutFiles) throws(DatasetError) -> DatasetContents {
    let setid = try MATFile.read(files.data("setid.mat"), path: files.path("setid.mat"))
    let labelFile = try MATFile.read(
      files.data("imagelabels.mat"), path: files.path("imagelabels.mat"))
    guard let labels = labelFile["labels"]?.numbers.map({ $0.map { Int($0) } }) else {
      throw files.malformed("imagelabels.mat", line: 0, "no numeric 'labels'")
    }
    var official: [DatasetSplit: [DatasetSample]] = [:]
    var listFiles: [DatasetSplit: String] = [:]
    for (split, key) in [(DatasetSplit.train, "trnid"), (.val, "valid"), (.test, "tstid")] {
      guard let ids = setid[key]?.numbers.map({ $0.map { Int($0) } }) else {
        throw files.malformed("setid.mat", line: 0, "no numeric '\(key)'")
      }
      guard ids.allSatisfy({ $0 >= 1 && $0 <= labels.count }) else {
        throw files.malformed("setid.mat", line: 0, "'\(key)' names images beyond imagelabels.mat")
      }
      let order = Set(ids.map { labels[$0 - 1] }).sorted()
      let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
      official[split] = ids.map { id in
        DatasetSample(
          path: "jpg/image_\(String(repeating: "0", count: max(0, 5 - String(id).count)))\(id).jpg",
          label: index[labels[id - 1]] ?? 0)
      }
      listFiles[split] = files.path("setid.mat")
    }
    let classes = Set(labels).sorted().map(String.init)
    return DatasetContents(classNames: classes, official: official, listFiles: listFiles)
  }
}
