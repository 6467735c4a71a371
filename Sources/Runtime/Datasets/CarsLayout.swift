// Copyright © 2026 the ssl authors.

/// Stanford Cars (protocols.md §2): `devkit/cars_train_annos.mat` and
/// `devkit/cars_test_annos_withlabels.mat` hold an `annotations` struct array whose last
/// field is the file name and the one before it the class (1…196); class names come from
/// `devkit/cars_meta.mat` (`class_names`) when present.
enum CarsLayout {
  static let description =
    "devkit/cars_{train_annos,test_annos_withlabels}.mat, cars_train/ and cars_test/"

  static func read(_ files: LayoutFiles) throws(DatasetError) -> DatasetContents {
    var official: [DatasetSplit: [DatasetSample]] = [:]
    var listFiles: [DatasetSplit: String] = [:]
    var maxClass = 0
    for (split, mat, folder) in [
      (DatasetSplit.train, "devkit/cars_train_annos.mat", "cars_train"),
      (.test, "devkit/cars_test_annos_withlabels.mat", "cars_test"),
    ] {
      let variables = try MATFile.read(files.data(mat), path: files.path(mat))
      guard case .structure(_, let fields, let elements)? = variables["annotations"],
        fields.count >= 2
      else {
        throw files.malformed(mat, line: 0, "expected an 'annotations' struct array")
      }
      official[split] = try elements.map { (record) throws(DatasetError) in
        guard let name = record[fields.count - 1].string,
          let cls = record[fields.count - 2].numbers?.first, cls >= 1
        else { throw files.malformed(mat, line: 0, "a record without class and file name") }
        maxClass = max(maxClass, Int(cls))
        return DatasetSample(path: "\(folder)/\(name)", label: Int(cls) - 1)
      }
      listFiles[split] = files.path(mat)
    }
    var classes = (1...max(maxClass, 1)).map { "class \($0)" }
    if files.exists("devkit/cars_meta.mat"),
      case .cell(_, let names)? = try MATFile.read(
        files.data("devkit/cars_meta.mat"), path: files.path("devkit/cars_meta.mat")
      )["class_names"],
      names.count >= maxClass
    {
      classes = names.map { $0.string ?? "" }
    }
    return DatasetContents(classNames: classes, official: official, listFiles: listFiles)
  }
}
