// Copyright © 2026 the ssl authors.
//
// The real-world invariance datasets of protocols.md §8.3 as groups of views of one thing
// (`eval_realworld_invariance.py`, `datasets/*.py`). Listings are sorted (byte order) so the
// groups and their views come out in a stable order; groups are in ascending key order.
//   COIL100            root/*.png, object id = the number between `obj` and `__`
//   ALOI-viewpoint     root/viewpoint/<obj>/*            one group per object
//   ALOI-illumination  root/illumination/<obj>/*         per (object, digit before `.png`)
//   ALOI-temperature   root/temperature/<obj>/*          one group per object
//   ALOT-*             root/<obj>/<obj>_c<cam>l<light>[r<rot>].png and <obj>_c<cam>i.png
//     viewpoint        1500 groups: index g → object g mod 250 (sorted order), light
//                      [1, 2, 3, 4, 5, 8][g mod 6]; files without `i` with that light
//                      (the seed code's quirk: only 750 distinct groups, each twice)
//     illumination     per (object, camera, rotation ∈ {0, 60, 120, 180}), files without `i`
//     temperature      per (object, camera), files whose second field has `i.` or `l8.`
//   ExposureErrors     per GT_IMAGES/<id>*.jpg: itself + INPUT_IMAGES/*.JPG containing the
//                      id (the ground-truth name before `-`, or its stem)
//   DaLI               root/input/png/<id>/*.png        one group per id
//   Flickr1024         *_L.png with the matching *_R.png (searched recursively)
//   RealBlur           RealBlur-J_ECC_IMCORR_centroid_itensity_ref/**/gt/*.png paired in
//                      sorted order with the sibling blur/*.png
//   folder             root/<group>/*                    the generic layout

import Foundation

/// One group of views of the same object or scene.
public struct InvarianceGroup: Equatable, Sendable {
  /// A readable key, for example `obj7` or `12/c2/r60`.
  public var key: String
  /// Image paths relative to the dataset root.
  public var paths: [String]

  public init(key: String, paths: [String]) {
    self.key = key
    self.paths = paths
  }
}

/// A real-world invariance dataset: its groups of views.
public struct InvarianceGroups: Sendable {
  /// The layouts of §8.3.
  public enum Layout: String, CaseIterable, Sendable {
    case coil100
    case aloiViewpoint = "aloi_viewpoint"
    case aloiIllumination = "aloi_illumination"
    case
      aloiTemperature = "aloi_temperature"
    case alotViewpoint = "alot_viewpoint"
    case
      alotIllumination = "alot_illumination"
    case alotTemperature = "alot_temperature"
    case
      exposureErrors = "exposure_errors"
    case dali, flickr1024
    case realBlur = "realblur"
    case folder
  }

  /// The layout read.
  public let layout: Layout
  /// The dataset root.
  public let root: String
  /// The groups, in the order above.
  public let groups: [InvarianceGroup]

  /// The groups with paths joined to ``root``, ready for ``RealWorldInvariance`` to read.
  public var readableGroups: [InvarianceGroup] {
    groups.map { group in
      InvarianceGroup(key: group.key, paths: group.paths.map { $0.hasPrefix("/") ? $0 : root + "/" + $0 })
    }
  }

  /// Reads a layout under `root`.
  ///
  /// - Throws: ``DatasetError/missingFile(dataset:path:layout:)`` when a required folder is
  ///   absent, ``DatasetError/emptyClass(dataset:className:)`` when no group is found.
  public init(_ layout: Layout, root: String) throws(DatasetError) {
    self.layout = layout
    self.root = root
    let groups = try Self.read(layout, root: root)
    guard !groups.isEmpty else { throw .emptyClass(dataset: layout.rawValue, className: "*") }
    self.groups = groups
  }

  // MARK: - Listing

  private static func list(_ dir: String, _ layout: Layout) throws(DatasetError) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
      throw .missingFile(dataset: layout.rawValue, path: dir, layout: layout.rawValue)
    }
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  private static func isImage(_ name: String) -> Bool {
    let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
    return ["png", "jpg", "jpeg", "bmp", "tif", "tiff"].contains(ext)
  }

  /// Every file under `dir` (relative to `base`), sorted.
  private static func walk(_ dir: String, base: String) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: dir)
    var out: [String] = []
    while let item = enumerator?.nextObject() as? String { out.append(item) }
    let prefix = dir == base ? "" : String(dir.dropFirst(base.count + 1)) + "/"
    return out.map { prefix + $0 }.sorted()
  }

  /// Groups keyed by `key(file)` (nil drops the file), keys ascending.
  private static func grouped(_ files: [String], _ key: (String) -> String?) -> [InvarianceGroup] {
    var map: [String: [String]] = [:]
    for f in files { if let k = key(f) { map[k, default: []].append(f) } }
    return map.keys.sorted { a, b in a.compare(b, options: .numeric) == .orderedAscending }
      .map { InvarianceGroup(key: $0, paths: map[$0] ?? []) }
  }

  /// One group per subfolder of `root/sub`.
  private static func perFolder(_ root: String, _ sub: String, _ layout: Layout)
    throws(DatasetError)
    -> [InvarianceGroup]
  {
    let base = sub.isEmpty ? root : root + "/" + sub
    var groups: [InvarianceGroup] = []
    for folder in try list(base, layout) {
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: base + "/" + folder, isDirectory: &isDir),
        isDir.boolValue
      else { continue }
      let prefix = sub.isEmpty ? folder : sub + "/" + folder
      let files = try list(base + "/" + folder, layout).filter(isImage).map { prefix + "/" + $0 }
      if !files.isEmpty { groups.append(InvarianceGroup(key: folder, paths: files)) }
    }
    return groups
  }

  // MARK: - Layouts

  private static func read(_ layout: Layout, root: String) throws(DatasetError)
    -> [InvarianceGroup]
  {
    switch layout {
    case .folder: return try perFolder(root, "", layout)
    case .aloiViewpoint: return try perFolder(root, "viewpoint", layout)
    case .aloiTemperature: return try perFolder(root, "temperature", layout)
    case .dali: return try perFolder(root, "input/png", layout)
    case .aloiIllumination:
      return try perFolder(root, "illumination", layout).flatMap { group in
        grouped(group.paths) { path in
          guard let dot = path.lastIndex(of: "."), dot > path.startIndex else { return nil }
          return "\(group.key)/c\(path[path.index(before: dot)])"
        }
      }
    case .coil100:
      return grouped(try list(root, layout).filter { $0.hasSuffix(".png") }) { name in
        guard name.hasPrefix("obj"), let end = name.range(of: "__") else { return nil }
        return "obj" + name[name.index(name.startIndex, offsetBy: 3)..<end.lowerBound]
      }
    case .alotViewpoint, .alotIllumination, .alotTemperature:
      return try alot(layout, root: root)
    case .exposureErrors:
      let truth = try list(root + "/GT_IMAGES", layout).filter { $0.lowercased().hasSuffix(".jpg") }
      let inputs = try list(root + "/INPUT_IMAGES", layout).filter { $0.hasSuffix(".JPG") }
      return truth.map { gt in
        let stem = gt.split(separator: ".").first.map(String.init) ?? gt
        let id = stem.split(separator: "-").first.map(String.init) ?? stem
        return InvarianceGroup(
          key: id,
          paths: ["GT_IMAGES/" + gt]
            + inputs.filter { $0.contains(id) }.map { "INPUT_IMAGES/" + $0 })
      }
    case .flickr1024:
      let files = Set(walk(root, base: root))
      return files.filter { $0.hasSuffix("_L.png") }.sorted().compactMap { left in
        let right = String(left.dropLast(6)) + "_R.png"
        guard files.contains(right) else { return nil }
        return InvarianceGroup(key: String(left.dropLast(6)), paths: [left, right])
      }
    case .realBlur:
      let base = root + "/RealBlur-J_ECC_IMCORR_centroid_itensity_ref"
      guard FileManager.default.fileExists(atPath: base) else {
        throw .missingFile(dataset: layout.rawValue, path: base, layout: layout.rawValue)
      }
      let files = walk(base, base: root)
      let gts = files.filter { $0.contains("/gt/") && $0.hasSuffix(".png") }
      let blurs = files.filter { $0.contains("/blur/") && $0.hasSuffix(".png") }
      return zip(gts, blurs).map { InvarianceGroup(key: $0.0, paths: [$0.0, $0.1]) }
    }
  }

  /// ALOT: parses `<obj>_c<cam>l<light>[r<rot>].png` and `<obj>_c<cam>i.png`.
  private static func alot(_ layout: Layout, root: String) throws(DatasetError) -> [InvarianceGroup]
  {
    struct View {
      var path: String
      var second: String
      var camera: Int
      var light: Int?  // nil for the `i` (temperature) image
      var rotation: Int
    }
    let objects = try perFolder(root, "", layout)
    let parsed: [[View]] = objects.map { group in
      group.paths.compactMap { path -> View? in
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let fields = name.split(separator: "_")
        guard fields.count >= 2 else { return nil }
        let second = String(fields[1])
        let scanner = Scanner(string: second)
        guard scanner.scanString("c") != nil, let cam = scanner.scanInt() else { return nil }
        if scanner.scanString("i") != nil {
          return View(path: path, second: second, camera: cam, light: nil, rotation: 0)
        }
        guard scanner.scanString("l") != nil, let light = scanner.scanInt() else { return nil }
        let rot = scanner.scanString("r") != nil ? (scanner.scanInt() ?? 0) : 0
        return View(path: path, second: second, camera: cam, light: light, rotation: rot)
      }
    }
    switch layout {
    case .alotViewpoint:
      guard !parsed.isEmpty else { return [] }
      let lights = [1, 2, 3, 4, 5, 8]
      return (0..<1500).map { g in
        let o = g % 250 % parsed.count
        let l = lights[g % 6]
        return InvarianceGroup(
          key: "\(objects[o].key)/l\(l)",
          paths: parsed[o].filter { $0.light == l }.map(\.path))
      }
    case .alotIllumination:
      return zip(objects, parsed).flatMap { object, views in
        grouped(
          views.filter { $0.light != nil && [0, 60, 120, 180].contains($0.rotation) }.map(\.path)
        ) {
          path in
          guard let v = views.first(where: { $0.path == path }) else { return nil }
          return "\(object.key)/c\(v.camera)/r\(v.rotation)"
        }
      }
    default:
      return zip(objects, parsed).flatMap { object, views in
        let chosen = views.filter { $0.second.contains("i.") || $0.second.contains("l8.") }
        return grouped(chosen.map(\.path)) { path in
          guard let v = chosen.first(where: { $0.path == path }) else { return nil }
          return "\(object.key)/c\(v.camera)"
        }
      }
    }
  }
}
