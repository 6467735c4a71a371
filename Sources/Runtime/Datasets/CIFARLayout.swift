// Copyright © 2026 the ssl authors.
//
// CIFAR-10 / CIFAR-100 as torchvision reads them: python-pickle batches (a dict with `data`,
// a uint8 numpy array N × 3072 of planar 32×32 RGB, and `labels` / `fine_labels`) decoded
// through the restricted unpickler of Checkpoints/Pickle, which rebuilds numpy arrays without
// running Python. Class names come from `batches.meta` (`label_names`) or `meta`
// (`fine_label_names`).

import Foundation

/// The CIFAR python layouts.
package enum CIFARLayout {
  static func description(_ hundred: Bool) -> String {
    hundred
      ? "cifar-100-python/{train,test,meta}"
      : "cifar-10-batches-py/{data_batch_1…5,test_batch,batches.meta}"
  }

  static func read(_ files: LayoutFiles, hundred: Bool) throws(DatasetError)
    -> (DatasetContents, InMemoryImages)
  {
    let folder = hundred ? "cifar-100-python" : "cifar-10-batches-py"
    let trainFiles = hundred ? ["train"] : (1...5).map { "data_batch_\($0)" }
    let labelKey = hundred ? "fine_labels" : "labels"
    var planes: [UInt8] = []
    var offsets: [String: Int] = [:]
    var official: [DatasetSplit: [DatasetSample]] = [:]
    var listFiles: [DatasetSplit: String] = [:]
    for (split, names) in [
      (DatasetSplit.train, trainFiles), (.test, ["test" + (hundred ? "" : "_batch")]),
    ] {
      var samples: [DatasetSample] = []
      for name in names {
        let relative = "\(folder)/\(name)"
        let batch = try decodeBatch(files.data(relative), path: files.path(relative), labelKey: labelKey)
        offsets[relative] = planes.count / 3072
        planes += batch.planes
        for (i, label) in batch.labels.enumerated() {
          samples.append(DatasetSample(path: "\(relative)#\(i)", label: label))
        }
      }
      official[split] = samples
      listFiles[split] = files.path("\(folder)/\(names[0])")
    }
    let meta = try unpickle(files, "\(folder)/\(hundred ? "meta" : "batches.meta")")
    guard case .list(let names)? = meta[hundred ? "fine_label_names" : "label_names"] else {
      throw files.malformed(folder + "/meta", line: 0, "no label names")
    }
    let classes = names.map { name -> String in
      if case .string(let s) = name { return s }
      if case .bytes(let b) = name { return String(decoding: b, as: UTF8.self) }
      return "?"
    }
    let images = InMemoryImages(width: 32, height: 32, planes: planes, offsets: offsets)
    return (DatasetContents(classNames: classes, official: official, listFiles: listFiles), images)
  }

  /// Decodes one python-pickle batch: `data` (N×3072 uint8 planes) and the integer labels
  /// under `labelKey`. The fuzz harness calls this directly.
  package static func decodeBatch(_ data: Data, path: String, labelKey: String)
    throws(DatasetError) -> (planes: [UInt8], labels: [Int])
  {
    let batch = try unpickle(data, path: path)
    guard case .ndarray(let array)? = batch["data"], array.dtype == "u1",
      array.shape.count == 2, array.shape[1] == 3072,
      case .list(let labels)? = batch[labelKey], labels.count == array.shape[0],
      array.data.count == array.shape[0] * 3072
    else {
      throw .malformedFile(path: path, line: 0, reason: "expected 'data' (N×3072 uint8) and '\(labelKey)'")
    }
    var ints: [Int] = []
    ints.reserveCapacity(labels.count)
    for label in labels {
      guard case .int(let l) = label else {
        throw .malformedFile(path: path, line: 0, reason: "non-integer label")
      }
      ints.append(l)
    }
    return (array.data, ints)
  }

  private static func unpickle(_ files: LayoutFiles, _ relative: String) throws(DatasetError)
    -> PickleObject
  {
    try unpickle(files.data(relative), path: files.path(relative))
  }

  private static func unpickle(_ data: Data, path: String) throws(DatasetError) -> PickleObject {
    let result: Result<PickleObject, PickleError> = data.withUnsafeBytes { raw in
      var machine = PickleMachine(bytes: raw, limits: CheckpointLimits())
      do throws(PickleError) { return .success(try machine.run()) } catch {
        return .failure(error)
      }
    }
    switch result {
    case .success(let object): return object
    case .failure(let error):
      throw .malformedFile(path: path, line: 0, reason: "unpickling failed: \(error)")
    }
  }
}
