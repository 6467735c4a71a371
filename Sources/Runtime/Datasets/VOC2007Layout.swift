// Copyright © 2026 the ssl authors.

/// PASCAL VOC 2007 classification (protocols.md §2): for each of the 20 classes,
/// `ImageSets/Main/<class>_<split>.txt` lines are `<id> <1|0|-1>`; the target is 1 only for
/// +1 (difficult, 0, counts as negative). Image order is that of the first class's file.
enum VOC2007Layout {
  static let classes = [
    "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
    "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa",
    "train", "tvmonitor",
  ]
  static let description =
    "VOCdevkit/VOC2007/ImageSets/Main/<class>_{train,val,test}.txt and "
    + "VOCdevkit/VOC2007/JPEGImages/<id>.jpg"

  static func read(_ files: LayoutFiles) throws(DatasetError) -> DatasetContents {
    let base = "VOCdevkit/VOC2007"
    var official: [DatasetSplit: [DatasetSample]] = [:]
    var listFiles: [DatasetSplit: String] = [:]
    for split in [DatasetSplit.train, .val, .test] {
      var order: [String] = []
      var positives: [String: [Int]] = [:]
      for (c, name) in classes.enumerated() {
        let file = "\(base)/ImageSets/Main/\(name)_\(split.rawValue).txt"
        for (i, line) in try files.lines(file).enumerated() {
          let parts = line.split(separator: " ")
          guard parts.count == 2, let value = Int(parts[1]) else {
            throw files.malformed(file, line: i + 1, "expected '<id> <1|0|-1>'")
          }
          let id = String(parts[0])
          if c == 0 { order.append(id) }
          if value == 1 { positives[id, default: []].append(c) }
        }
      }
      official[split] = order.map { id in
        DatasetSample(path: "\(base)/JPEGImages/\(id).jpg", target: .positives(positives[id] ?? []))
      }
      listFiles[split] = files.path("\(base)/ImageSets/Main/\(classes[0])_\(split.rawValue).txt")
    }
    return DatasetContents(
      classNames: classes, official: official, listFiles: listFiles, multiLabel: true)
  }
}
