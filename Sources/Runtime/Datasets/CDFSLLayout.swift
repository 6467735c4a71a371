// Copyright © 2026 the ssl authors.

/// The CD-FSL few-shot datasets (protocols.md §2.3), each a single `all` pool:
/// EuroSAT (`2750/` ImageFolder), CropDiseases (`dataset/train/` ImageFolder), ISIC2018 (the
/// ground-truth CSV, label = argmax of its 7 one-hot columns) and ChestX-ray14
/// (`Data_Entry_2017.csv`, only images with exactly one finding among the 7 classes).
enum CDFSLLayout {
  static let isicCSV =
    "ISIC2018_Task3_Training_GroundTruth/ISIC2018_Task3_Training_GroundTruth.csv"
  static let isicDescription = "\(isicCSV) and ISIC2018_Task3_Training_Input/<id>.jpg"
  static let chestXClasses = [
    "Atelectasis", "Cardiomegaly", "Effusion", "Infiltration", "Mass", "Nodule", "Pneumothorax",
  ]
  static let chestXDescription = "Data_Entry_2017.csv and images/<Image Index>"

  static func isic(_ files: LayoutFiles) throws(DatasetError) -> DatasetContents {
    let lines = try files.lines(isicCSV)
    guard let header = lines.first?.split(separator: ","), header.count == 8 else {
      throw files.malformed(isicCSV, line: 1, "expected 'image' and 7 class columns")
    }
    let classes = header.dropFirst().map { String($0) }
    var samples: [DatasetSample] = []
    for (i, line) in lines.enumerated().dropFirst() {
      let fields = line.split(separator: ",")
      let scores = fields.dropFirst().compactMap { Double($0) }
      guard fields.count == 8, scores.count == 7,
        let best = scores.indices.max(by: {
          scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1)
        })
      else { throw files.malformed(isicCSV, line: i + 1, "expected an id and 7 numbers") }
      samples.append(
        DatasetSample(path: "ISIC2018_Task3_Training_Input/\(fields[0]).jpg", label: best))
    }
    return DatasetContents(
      classNames: classes, official: [.all: samples], listFiles: [.all: files.path(isicCSV)])
  }

  static func chestX(_ files: LayoutFiles) throws(DatasetError) -> DatasetContents {
    let file = "Data_Entry_2017.csv"
    var samples: [DatasetSample] = []
    for (i, line) in try files.lines(file).enumerated().dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count >= 2 else {
        throw files.malformed(file, line: i + 1, "expected 'image,findings,…'")
      }
      let findings = fields[1].split(separator: "|")
      guard findings.count == 1, let label = chestXClasses.firstIndex(of: String(findings[0]))
      else {
        continue
      }
      samples.append(DatasetSample(path: "images/\(fields[0])", label: label))
    }
    return DatasetContents(
      classNames: chestXClasses, official: [.all: samples], listFiles: [.all: files.path(file)])
  }
}
