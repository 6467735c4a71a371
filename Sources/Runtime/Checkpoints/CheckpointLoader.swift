// Copyright © 2026 the ssl authors.
//
// CheckpointLoader.swift — find a model's weights, read them whatever their format, rename
// and verify them against the architecture.
//
// Lookup order (issue #4): the `from=` path, then `$SSL_MODELS/<file>`, then the per-user
// cache `$XDG_CACHE_HOME/ssl/models/<file>` (default `~/.cache/ssl/models`). In each folder
// the converted name (`moco-v2.pth`) is tried before the published one
// (`moco_v2_800ep_pretrain.pth.tar`). The format is detected from the content, never from the
// extension: zip magic, the legacy magic pickle, a safetensors header, or a bare pickle.

import Foundation

/// Locates, reads and verifies checkpoints.
public struct CheckpointLoader: Sendable {
  /// The environment consulted for `SSL_MODELS`, `XDG_CACHE_HOME` and `HOME`.
  public var environment: [String: String]
  /// Bounds on what a file may make the reader build.
  public var limits: CheckpointLimits

  /// Creates a loader.
  ///
  /// - Parameters:
  ///   - environment: Defaults to the process environment.
  ///   - limits: Defaults to ``CheckpointLimits/init()``.
  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    limits: CheckpointLimits = CheckpointLimits()
  ) {
    self.environment = environment
    self.limits = limits
  }

  // MARK: - Finding files

  /// The per-user cache of downloaded weights: `$XDG_CACHE_HOME/ssl/models`, by default
  /// `~/.cache/ssl/models`. `fetch` saves here.
  public var cacheFolder: URL {
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
      return URL(fileURLWithPath: xdg).appendingPathComponent("ssl/models", isDirectory: true)
    }
    let home =
      environment["HOME"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser
    return home.appendingPathComponent(".cache/ssl/models", isDirectory: true)
  }

  /// Every path tried for `model`, in order.
  ///
  /// - Parameters:
  ///   - model: The zoo model.
  ///   - from: A user-given file or folder (`load x from=…`), tried first.
  public func candidatePaths(for model: ZooModel, from: String? = nil) -> [URL] {
    var folders: [URL] = []
    var paths: [URL] = []
    if let from {
      let url = URL(fileURLWithPath: (from as NSString).expandingTildeInPath)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        folders.append(url)
      } else {
        paths.append(url)
      }
    }
    if let models = environment["SSL_MODELS"], !models.isEmpty {
      folders.append(URL(fileURLWithPath: models, isDirectory: true))
    }
    folders.append(cacheFolder)
    for folder in folders {
      for name in model.candidateFileNames { paths.append(folder.appendingPathComponent(name)) }
    }
    return paths
  }

  /// The first existing file among ``candidatePaths(for:from:)``.
  ///
  /// - Throws: ``CheckpointError/fileNotFound(model:tried:fetchCommand:)`` listing every
  ///   path tried and the `fetch` that would download the weights.
  public func locate(_ model: ZooModel, from: String? = nil) throws(CheckpointError) -> URL {
    let paths = candidatePaths(for: model, from: from)
    for path in paths where FileManager.default.isReadableFile(atPath: path.path) {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        return path
      }
    }
    throw .fileNotFound(model: model.id, tried: paths.map(\.path), fetchCommand: model.fetchCommand)
  }

  /// The architecture's `(name, shape)` list for a zoo model (torchvision ResNet, no `fc`).
  ///
  /// - Parameter model: The zoo model.
  public static func expectedShapes(for model: ZooModel) -> [(name: String, shape: [Int])] {
    let config = ResNetConfig.named(model.architecture) ?? .resnet50(width: model.widthMultiplier)
    return ResNet.parameterShapes(config)
  }

  // MARK: - Loading

  /// Finds and loads a zoo model's weights.
  ///
  /// - Parameters:
  ///   - model: The zoo model; its key prefix and architecture are used.
  ///   - from: A user-given file or folder, tried first.
  /// - Returns: The verified backbone tensors and the load report.
  /// - Throws: ``CheckpointError``; a missing backbone tensor or a shape mismatch is an error.
  public func load(_ model: ZooModel, from: String? = nil) throws(CheckpointError)
    -> LoadedCheckpoint
  {
    let file = try locate(model, from: from)
    var loaded = try load(
      file: file, expected: Self.expectedShapes(for: model), prefix: model.keyPrefix)
    if let warning = manifestWarning(for: file) { loaded.report.warnings.append(warning) }
    return loaded
  }

  /// Compares a file in the cache folder with what `fetch` recorded (``FetchManifest``).
  ///
  /// - Returns: A warning when the file changed since it was fetched; nil when it matches,
  ///   was never fetched, or lies outside the cache.
  public func manifestWarning(for file: URL) -> String? {
    let folder = file.deletingLastPathComponent().standardizedFileURL.path
    guard folder == cacheFolder.standardizedFileURL.path else { return nil }
    guard case .changed(let entry, let bytes, let digest) =
      FetchManifest.read(in: cacheFolder).verify(file)
    else { return nil }
    let found = digest.map { "SHA-256 \($0.prefix(12))…" } ?? "\(bytes) bytes"
    return "\(file.lastPathComponent) changed since fetch: \(found), fetched "
      + "\(entry.bytes) bytes with SHA-256 \(entry.sha256.prefix(12))… (fetch again to restore)"
  }

  /// Loads a file against an architecture.
  ///
  /// - Parameters:
  ///   - file: The checkpoint.
  ///   - expected: The architecture's `(name, shape)` list.
  ///   - prefix: The key prefix to strip, or nil to detect one.
  /// - Returns: The verified tensors, in `expected` order, and the report.
  /// - Throws: ``CheckpointError``.
  public func load(
    file: URL, expected: [(name: String, shape: [Int])], prefix: String?
  ) throws(CheckpointError) -> LoadedCheckpoint {
    let bytes = try CheckpointBytes(contentsOf: file)
    let (stateDict, report, format) = try decode(
      bytes, name: file.path, expected: expected, prefix: prefix
    ) { () throws(SafeTensorsError) in try SafeTensorsFile(contentsOf: file) }
    return LoadedCheckpoint(stateDict: stateDict, report: report, file: file, format: format)
  }

  /// Reads checkpoint bytes already in memory (the fuzz harness's entry point; `load(file:)`
  /// goes through here too). `safetensors` opens the safetensors view, memory-mapped for files.
  package func decode(
    _ bytes: CheckpointBytes, name: String, expected: [(name: String, shape: [Int])],
    prefix: String?,
    safetensors: () throws(SafeTensorsError) -> SafeTensorsFile
  ) throws(CheckpointError) -> (StateDict, LoadReport, CheckpointFormat) {
    guard let format = CheckpointFormat.detect(bytes.prefix(16)) else {
      throw .unrecognizedFormat(path: name, leadingBytes: bytes.prefix(16))
    }
    var report = LoadReport(
      source: URL(fileURLWithPath: name).lastPathComponent, format: format.rawValue)
    let stateDict: StateDict
    switch format {
    case .torchZip, .torchLegacy:
      let reader = try PthReader(bytes: bytes, limits: limits)
      stateDict = try loadTorch(reader, expected: expected, prefix: prefix, report: &report)
    case .pickle:
      var machine = PickleMachine(bytes: bytes.bytes, limits: limits)
      let root: PickleObject
      do { root = try machine.run() } catch { throw .pickle(error) }
      stateDict = try loadPickle(root, expected: expected, prefix: prefix, report: &report)
    case .safetensors:
      let file: SafeTensorsFile
      do { file = try safetensors() } catch { throw .safetensors(error) }
      stateDict = try loadSafeTensors(file, expected: expected, prefix: prefix, report: &report)
    }
    return (stateDict, report, format)
  }

  /// Matches a torch file's tensors, then decodes only the matched ones.
  private func loadTorch(
    _ reader: PthReader, expected: [(name: String, shape: [Int])], prefix: String?,
    report: inout LoadReport
  ) throws(CheckpointError) -> StateDict {
    let (entries, path, siblings) = try KeyNormalization.unwrap(reader.root)
    report.unwrapped = path
    report.ignoredEntries = siblings
    var refs: [String: TorchTensorRef] = [:]
    var keys: [KeyNormalization.Key] = []
    for entry in entries {
      guard case .string(let name) = entry.key else { continue }
      if case .tensor(let ref) = entry.value {
        refs[name] = ref
        keys.append((name, ref.shape))
      } else {
        report.ignoredEntries.append(name)
      }
    }
    let pairs = KeyNormalization.match(keys, expected: expected, prefix: prefix, report: &report)
    try report.validate()
    var stateDict = StateDict()
    for (source, target) in pairs {
      guard let ref = refs[source] else { continue }
      stateDict[target] = try reader.tensor(ref, path: target)
    }
    return stateDict
  }

  /// A safetensors file: flat names, no wrappers; decoded by ``SafeTensorsFile``.
  private func loadSafeTensors(
    _ file: SafeTensorsFile, expected: [(name: String, shape: [Int])], prefix: String?,
    report: inout LoadReport
  ) throws(CheckpointError) -> StateDict {
    let keys = file.entries.map { (name: $0.name, shape: $0.shape) }
    let pairs = KeyNormalization.match(keys, expected: expected, prefix: prefix, report: &report)
    try report.validate()
    var stateDict = StateDict()
    for (source, target) in pairs {
      do { stateDict[target] = try file.tensor(named: source) } catch { throw .safetensors(error) }
    }
    return stateDict
  }

  /// A bare pickle: BYOL's Haiku checkpoint, or a dict of numpy arrays.
  private func loadPickle(
    _ root: PickleObject, expected: [(name: String, shape: [Int])], prefix: String?,
    report: inout LoadReport
  ) throws(CheckpointError) -> StateDict {
    var tensors: [String: Tensor] = [:]
    var keys: [KeyNormalization.Key] = []
    if HaikuConversion.isHaikuCheckpoint(root) {
      report.format = "BYOL Haiku pickle"
      for (name, tensor) in try HaikuConversion.convert(root, expected: expected) {
        tensors[name] = tensor
        keys.append((name, tensor.shape))
      }
    } else {
      let (entries, path, siblings) = try KeyNormalization.unwrap(root)
      report.unwrapped = path
      report.ignoredEntries = siblings
      for entry in entries {
        guard case .string(let name) = entry.key else { continue }
        if case .ndarray(let array) = entry.value {
          tensors[name] = try array.tensor(path: name)
          keys.append((name, array.shape))
        } else {
          report.ignoredEntries.append(name)
        }
      }
    }
    let pairs = KeyNormalization.match(keys, expected: expected, prefix: prefix, report: &report)
    try report.validate()
    var stateDict = StateDict()
    for (source, target) in pairs { stateDict[target] = tensors[source] }
    return stateDict
  }
}
