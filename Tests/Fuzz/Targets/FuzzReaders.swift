// Copyright © 2026 the ssl authors.
//
// One function per ``FuzzTarget``. Each calls the product's reader and checks the invariants
// every accepted input must satisfy; a violated invariant stops the process (`precondition`),
// which libFuzzer reports as a crash and saves the input.

import Foundation
import Lang
import Runtime

enum FuzzReaders {
  // MARK: - Language

  static func lang(_ data: Data) -> FuzzOutcome {
    let file = SourceFile(name: "fuzz.ssl", text: String(decoding: data, as: UTF8.self))
    var files = SourceFileTable()
    let id = files.add(file)
    let result = Parser.parse(file, id: id)
    precondition(Parser.parse(file, id: id) == result, "parsing is not deterministic")
    let renderer = DiagnosticRenderer(files: files)
    for diagnostic in result.diagnostics {
      let span = diagnostic.span
      precondition(
        0 <= span.start && span.start <= span.end && span.end <= file.bytes.count,
        "diagnostic span \(span.start)..<\(span.end) outside the \(file.bytes.count)-byte source")
      precondition(!renderer.render(diagnostic).isEmpty, "empty diagnostic")
    }
    let dump = ASTDump.dump(result.statements, file: file)
    guard result.diagnostics.isEmpty else {
      return .rejected("\(result.diagnostics.count) diagnostics")
    }
    return .accepted("\(result.statements.count) statements, \(dump.count)-byte dump")
  }

  // MARK: - Checkpoints

  /// The narrow bottleneck net the `net_*` fixtures hold, for files whose names say nothing.
  static let fallbackExpected = ResNet.parameterShapes(
    ResNetConfig(name: "fuzz", block: .bottleneck, blocksPerStage: [1, 1, 1, 1], baseWidth: 1))

  static func checkpoint(_ data: Data) -> FuzzOutcome {
    let bytes = CheckpointBytes([UInt8](data))
    let loader = CheckpointLoader(environment: [:])
    let view = { () throws(SafeTensorsError) in try SafeTensorsFile(data: data) }
    do throws(CheckpointError) {
      let config = try loader.inferArchitecture(bytes, prefix: nil, safetensors: view)
      let expected = config.map { ResNet.parameterShapes($0) } ?? fallbackExpected
      let (stateDict, report, format) = try loader.decode(
        bytes, name: "fuzz.pth", expected: expected, prefix: nil, safetensors: view)
      for name in stateDict.names {
        guard let tensor = stateDict[name] else { preconditionFailure("\(name) listed, absent") }
        precondition(tensor.scalars.count == tensor.count, "\(name): scalars ≠ shape")
      }
      let built = config.map { config in
        Result { () throws(ParameterError) in try ResNet(config: config, stateDict: stateDict) }
      }
      let network = built.map { (try? $0.get()) == nil ? "rejected by the network" : "built" }
      return .accepted(
        "\(format.rawValue): \(stateDict.count) tensors, \(report.matchedCount) matched, "
          + "network \(network ?? "not inferred")")
    } catch {
      precondition(!error.description.isEmpty)
      return .rejected(error.description)
    }
  }

  static func safetensors(_ data: Data) -> FuzzOutcome {
    do throws(SafeTensorsError) {
      let file = try SafeTensorsFile(data: data)
      var scalars = 0
      for entry in file.entries {
        precondition(
          entry.byteRange.lowerBound >= 0 && entry.byteRange.upperBound <= data.count,
          "\(entry.name): bytes \(entry.byteRange) outside the \(data.count)-byte file")
        let tensor = try file.tensor(named: entry.name)
        precondition(tensor.shape == entry.shape && tensor.scalars.count == entry.count)
        scalars += entry.count
      }
      return .accepted("\(file.entries.count) tensors, \(scalars) scalars")
    } catch {
      return .rejected("\(error)")
    }
  }

  static func zip(_ data: Data) -> FuzzOutcome {
    do throws(CheckpointError) {
      let archive = try ZipArchive(CheckpointBytes([UInt8](data)))
      var total = 0
      var failed = 0
      for entry in archive.entries {
        do throws(CheckpointError) {
          let contents = try archive.contents(of: entry)
          precondition(contents.count == entry.uncompressedSize, "\(entry.name): size")
          total += contents.count
        } catch {
          failed += 1
        }
      }
      return .accepted("\(archive.entries.count) entries, \(total) bytes, \(failed) refused")
    } catch {
      return .rejected(error.description)
    }
  }

  static func pickle(_ data: Data) -> FuzzOutcome {
    let result: Result<PickleObject, PickleError> = data.withUnsafeBytes { raw in
      var machine = PickleMachine(bytes: raw, limits: CheckpointLimits())
      do throws(PickleError) { return .success(try machine.run()) } catch {
        return .failure(error)
      }
    }
    switch result {
    case .success(let object): return .accepted("\(object.kindName), \(nodes(object)) nodes")
    case .failure(let error): return .rejected("\(error)")
    }
  }

  /// Walks a rebuilt object: every node is plain data or an allow-listed global.
  private static func nodes(_ object: PickleObject) -> Int {
    switch object {
    case .tuple(let items), .list(let items), .set(let items):
      return items.reduce(1) { $0 + nodes($1) }
    case .dict(let entries):
      return entries.reduce(1) { $0 + nodes($1.key) + nodes($1.value) }
    case .object(_, let args, let state):
      return args.reduce(1) { $0 + nodes($1) } + (state.map(nodes) ?? 0)
    default:
      return 1
    }
  }

  // MARK: - Datasets and features

  static func npy(_ data: Data) -> FuzzOutcome {
    do throws(FeatureError) {
      let array = try NPYArray([UInt8](data), path: "fuzz.npy")
      let count = array.shape.reduce(1) { $0 * $1 }
      precondition(array.values.count == count, "values \(array.values.count) ≠ shape \(array.shape)")
      return .accepted("shape \(array.shape)")
    } catch {
      return .rejected(error.description)
    }
  }

  static func cifar(_ data: Data) -> FuzzOutcome {
    do throws(DatasetError) {
      let batch = try CIFARLayout.decodeBatch(data, path: "fuzz_batch", labelKey: "labels")
      precondition(batch.planes.count == batch.labels.count * 3072, "planes ≠ 3072 × labels")
      return .accepted("\(batch.labels.count) images")
    } catch {
      return .rejected(error.description)
    }
  }

  static func mat(_ data: Data) -> FuzzOutcome {
    do throws(DatasetError) {
      let variables = try MATFile.read(data, path: "fuzz.mat")
      return .accepted("\(variables.count) variables")
    } catch {
      return .rejected(error.description)
    }
  }

  // MARK: - Images

  static let preprocessing = ImagePreprocessing(
    resizes: [ResizeStep(.shorterSide(36), filter: .bicubic)], crop: 32,
    normalization: .imageNet)

  static func image(_ data: Data) -> FuzzOutcome {
    do throws(ImageError) {
      let image = try GDImageDecoder.decode(data, path: "fuzz.img")
      precondition(image.pixels.count == image.width * image.height * 3, "pixel count")
      let out = try preprocessing.apply(image, path: "fuzz.img")
      precondition(out.count == preprocessing.outputCount && out.allSatisfy(\.isFinite))
      return .accepted("\(image.width)×\(image.height)")
    } catch {
      return .rejected(error.description)
    }
  }
}
