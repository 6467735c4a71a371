// Copyright © 2026 the ssl authors.

/// torchvision's `ImageFolder`: one sorted sub-folder per class, its image files sorted
/// (top level of each class folder). A root holding `train/` (and optionally `val/`, `test/`)
/// ImageFolders gives those splits, with classes from `train/`; otherwise everything is `all`.
enum ImageFolderLayout {
  static let description =
    "<class>/<image> folders, or train/<class>/… with optional val/ and test/"

  static func read(_ files: LayoutFiles, folder: String = "") throws(DatasetError)
    -> DatasetContents
  {
    let prefix = folder.isEmpty ? "" : folder + "/"
    if folder.isEmpty, files.exists("train") {
      let classes = try files.subfolders("train")
      var official: [DatasetSplit: [DatasetSample]] = [:]
      var listFiles: [DatasetSplit: String] = [:]
      for split in [DatasetSplit.train, .val, .test] where files.exists(split.rawValue) {
        official[split] = samples(files, base: split.rawValue + "/", classes: classes)
        listFiles[split] = files.path(split.rawValue)
      }
      return DatasetContents(classNames: classes, official: official, listFiles: listFiles)
    }
    let classes = try files.subfolders(folder.isEmpty ? "." : folder)
    return DatasetContents(
      classNames: classes, official: [.all: samples(files, base: prefix, classes: classes)],
      listFiles: [.all: files.path(folder)])
  }

  private static func samples(_ files: LayoutFiles, base: String, classes: [String])
    -> [DatasetSample]
  {
    classes.enumerated().flatMap { label, name in
      files.images(in: base + name).map {
        DatasetSample(path: base + name + "/" + $0, label: label)
      }
    }
  }
}
