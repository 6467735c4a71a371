// Copyright © 2026 the ssl authors.
//
// Readers for the three regression datasets of protocols.md §8.4:
//   300W  `01_Indoor/*.png|jpg` + `02_Outdoor/…` with `.pts` (68 points), sorted; numpy
//         seed-0 permutation split 30 / 30 / 40 (train / valid / test), trainval = train +
//         valid; each image is cropped to a square at the landmarks' (min x, min y) with side
//         max(ceil(extent x), ceil(extent y)), points shifted into it, then mapped (w = h = side).
//   CelebA `img_align_celeba/` (178 × 218), `list_eval_partition.txt` (0 train, 1 valid,
//         2 test), `list_landmarks_align_celeba.txt` (5 points); mapped, then truncated toward
//         zero (the seed code stores them in an integer tensor).
//   LSP   `images/*.jpg` sorted, `joints.mat` key `joints` (3 × 14 × N, visibility row
//         ignored); numpy seed-0 split 60 / 40; each image centre-cropped to its short side
//         (so the mapping offset is (w − s)/2 on the long axis) — image sizes come from
//         decoding the files.

import Foundation

extension RegressionDataset {
  // MARK: - 300W

  /// Reads 300W (`indoor+outdoor`).
  ///
  /// - Throws: ``DatasetError/missingFile(dataset:path:layout:)`` or
  ///   ``DatasetError/malformedFile(path:line:reason:)`` naming the `.pts` file.
  public static func faces300W(root: String) throws(DatasetError) -> RegressionDataset {
    let fm = FileManager.default
    var items: [(path: String, points: [Double])] = []
    for folder in ["01_Indoor", "02_Outdoor"] {
      guard let names = try? fm.contentsOfDirectory(atPath: root + "/" + folder) else {
        throw .missingFile(dataset: "300w", path: root + "/" + folder, layout: "300W")
      }
      for name in names.sorted() where name.hasSuffix(".pts") {
        let stem = String(name.dropLast(4))
        let image = ["png", "jpg"].map { "\(folder)/\(stem).\($0)" }
          .first { fm.fileExists(atPath: root + "/" + $0) }
        guard let image else {
          throw .missingFile(dataset: "300w", path: "\(root)/\(folder)/\(stem).png", layout: "300W")
        }
        items.append((image, try readPTS(root + "/" + folder + "/" + name)))
      }
    }
    let samples = items.map { item -> RegressionSample in
      let xs = stride(from: 0, to: item.points.count, by: 2).map { item.points[$0] }
      let ys = stride(from: 1, to: item.points.count, by: 2).map { item.points[$0] }
      let minX = xs.min() ?? 0
      let minY = ys.min() ?? 0
      let side = max(((xs.max() ?? 0) - minX).rounded(.up), ((ys.max() ?? 0) - minY).rounded(.up))
      let shifted = item.points.enumerated().map { $1 - ($0 % 2 == 0 ? minX : minY) }
      let crop = PixelRect(
        x: Int(minX.rounded(.toNearestOrEven)), y: Int(minY.rounded(.toNearestOrEven)),
        width: Int(side), height: Int(side))
      return RegressionSample(
        path: item.path, crop: crop, target: shortSideMap(shifted, width: side, height: side))
    }
    let parts = seededSplit(count: samples.count, fractions: [0.3, 0.3, 0.4])
    return RegressionDataset(
      name: "300w", root: root, trainval: (parts[0] + parts[1]).map { samples[$0] },
      test: parts[2].map { samples[$0] })
  }

  /// The 68 (x, y) pairs of a `.pts` file (`version`, `n_points`, `{`, points, `}`).
  static func readPTS(_ path: String) throws(DatasetError) -> [Double] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw .malformedFile(path: path, line: 0, reason: "unreadable")
    }
    var values: [Double] = []
    var inside = false
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if line == "{" {
        inside = true
        continue
      }
      if line == "}" { break }
      guard inside, !line.isEmpty else { continue }
      let parts = line.split(separator: " ").compactMap { Double($0) }
      guard parts.count == 2 else {
        throw .malformedFile(path: path, line: n + 1, reason: "expected `x y`, got `\(line)`")
      }
      values += parts
    }
    guard values.count == 136 else {
      throw .malformedFile(path: path, line: 0, reason: "\(values.count / 2) points, expected 68")
    }
    return values
  }

  // MARK: - CelebA

  /// Reads CelebA's aligned images with the official partition.
  ///
  /// - Throws: ``DatasetError`` naming the list file and line.
  public static func celebA(root: String) throws(DatasetError) -> RegressionDataset {
    let partition = try table(root + "/list_eval_partition.txt", skip: 0, columns: 1)
    let landmarkRows = try table(root + "/list_landmarks_align_celeba.txt", skip: 2, columns: 10)
    let landmarks = Dictionary(landmarkRows, uniquingKeysWith: { first, _ in first })
    var trainval: [RegressionSample] = []
    var test: [RegressionSample] = []
    for (name, part) in partition {
      guard let points = landmarks[name] else {
        throw .malformedFile(
          path: root + "/list_landmarks_align_celeba.txt", line: 0, reason: "no row for \(name)")
      }
      let mapped = shortSideMap(points, width: 178, height: 218).map { $0.rounded(.towardZero) }
      let sample = RegressionSample(path: "img_align_celeba/" + name, crop: nil, target: mapped)
      if part[0] == 2 { test.append(sample) } else { trainval.append(sample) }
    }
    return RegressionDataset(name: "celeba", root: root, trainval: trainval, test: test)
  }

  /// Rows `name v1 … vN` of a whitespace table after `skip` header lines, in file order.
  static func table(_ path: String, skip: Int, columns: Int) throws(DatasetError)
    -> [(name: String, values: [Double])]
  {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw .missingFile(dataset: "celeba", path: path, layout: "CelebA")
    }
    var rows: [(name: String, values: [Double])] = []
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where n >= skip {
      let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      if fields.isEmpty { continue }
      let values = fields.dropFirst().compactMap { Double($0) }
      guard values.count == columns else {
        throw .malformedFile(path: path, line: n + 1, reason: "expected \(columns) numbers")
      }
      rows.append((String(fields[0]), values))
    }
    return rows
  }

  // MARK: - LSP

  /// Reads the Leeds Sports Pose dataset.
  ///
  /// - Throws: ``DatasetError`` naming `joints.mat`, or ``DatasetError/unsupported`` when an
  ///   image cannot be decoded for its size.
  public static func leedsSportsPose(root: String) throws(DatasetError) -> RegressionDataset {
    let matPath = root + "/joints.mat"
    guard let data = FileManager.default.contents(atPath: matPath) else {
      throw .missingFile(dataset: "leeds_sports_pose", path: matPath, layout: "LSP")
    }
    guard case .numeric(let dims, let values)? = try MATFile.read(data, path: matPath)["joints"],
      dims.count == 3, dims[0] == 3, dims[1] == 14
    else {
      throw .malformedFile(path: matPath, line: 0, reason: "expected `joints` of shape 3×14×N")
    }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/images")) ?? [])
      .filter { $0.hasSuffix(".jpg") }.sorted()
    guard names.count == dims[2] else {
      throw .malformedFile(
        path: matPath, line: 0, reason: "\(dims[2]) joint sets for \(names.count) images")
    }
    var samples: [RegressionSample] = []
    for (n, name) in names.enumerated() {
      let path = "images/" + name
      let image: RGBImage
      do { image = try GDImageDecoder.decode(contentsOf: root + "/" + path) } catch {
        throw .unsupported(dataset: "leeds_sports_pose", reason: "\(error)")
      }
      var points: [Double] = []
      for j in 0..<14 { points += [values[3 * (j + 14 * n)], values[3 * (j + 14 * n) + 1]] }
      let w = Double(image.width)
      let h = Double(image.height)
      samples.append(
        RegressionSample(path: path, crop: nil, target: shortSideMap(points, width: w, height: h)))
    }
    let parts = seededSplit(count: samples.count, fractions: [0.6, 0.4])
    return RegressionDataset(
      name: "leeds_sports_pose", root: root, trainval: parts[0].map { samples[$0] },
      test: parts[1].map { samples[$0] })
  }
}
