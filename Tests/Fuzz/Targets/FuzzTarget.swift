// Copyright © 2026 the ssl authors.
//
// The fuzz targets: every reader that takes bytes from outside. Each target feeds one input
// through the product's own entry point (nothing re-implemented here), then checks what must
// hold for any input: an accepted input yields self-consistent values, a rejected one a typed
// error. A crash, a hang, a broken invariant (a `precondition` here) or a runaway allocation
// is a finding. The same functions serve libFuzzer (`Tests/Fuzz/Driver`, `scripts/fuzz`) and
// the corpus replay in `replTests/FuzzCorpusTests`.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What one input did.
public enum FuzzOutcome: Equatable, Sendable {
  /// The reader accepted the input; `summary` says what it built.
  case accepted(String)
  /// The reader rejected the input with this typed error.
  case rejected(String)

  /// Whether the input was accepted.
  public var isAccepted: Bool {
    if case .accepted = self { return true }
    return false
  }
}

/// A reader under fuzzing.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// The `.ssl` lexer, parser, AST dump and diagnostic renderer.
  case lang
  /// Checkpoint loading from bytes: format detection, torch zip and legacy files, bare
  /// pickles (BYOL's Haiku layout), safetensors; architecture inference, key matching,
  /// tensor decoding and network construction.
  case checkpoint
  /// The safetensors header and tensor reads on their own.
  case safetensors
  /// The zip reader with inflate and CRC checks (torch files, `.npz`).
  case zip
  /// The restricted pickle machine.
  case pickle
  /// `.npy` arrays (bring-your-own features).
  case npy
  /// CIFAR python batches (pickle + numpy + labels).
  case cifar
  /// Image decoding through libgd and the preprocessing to a 3 × 32 × 32 crop.
  case image
  /// MATLAB v5 `.mat` annotation files (Cars, Flowers).
  case mat

  /// Runs one input.
  ///
  /// - Parameter data: The bytes.
  /// - Returns: Whether it was accepted and what it built, or the typed error.
  public func run(_ data: Data) -> FuzzOutcome {
    switch self {
    case .lang: return FuzzReaders.lang(data)
    case .checkpoint: return FuzzReaders.checkpoint(data)
    case .safetensors: return FuzzReaders.safetensors(data)
    case .zip: return FuzzReaders.zip(data)
    case .pickle: return FuzzReaders.pickle(data)
    case .npy: return FuzzReaders.npy(data)
    case .cifar: return FuzzReaders.cifar(data)
    case .image: return FuzzReaders.image(data)
    case .mat: return FuzzReaders.mat(data)
    }
  }

  /// Files in the repository whose bytes seed this target's corpus (globs relative to the
  /// package root), next to the target's own seeds in `Tests/Fuzz/Corpus/<target>`.
  public var fixtureSeeds: [String] {
    switch self {
    case .lang: return ["Tests/LangTests/Golden/*/*.ssl", "examples/*.ssl"]
    case .checkpoint:
      return [
        "\(fixtures)/net_*.pth", "\(fixtures)/net_*.pth.tar", "\(fixtures)/net_haiku.pkl",
        "\(fixtures)/pth_*.pth", "\(fixtures)/resnet_tiny_basic.safetensors",
      ]
    case .safetensors: return ["\(fixtures)/*.safetensors"]
    case .zip: return ["\(fixtures)/pth_*.pth", "\(fixtures)/*.npz"]
    case .pickle: return ["\(fixtures)/*.pkl"]
    case .npy: return ["\(fixtures)/*.npy"]
    case .cifar: return ["\(fixtures)/ds_trees/cifar10/*/*"]
    case .image: return ["\(fixtures)/img_parity/*", "\(fixtures)/ds_trees/pets/images/*.jpg"]
    case .mat: return ["\(fixtures)/ds_trees/*/*.mat", "\(fixtures)/ds_trees/*/*/*.mat"]
    }
  }

  private var fixtures: String { "Tests/RuntimeTests/Fixtures" }

  /// The seed files: ``fixtureSeeds`` expanded, then `Tests/Fuzz/Corpus/<target>/*` (the
  /// target's own seeds and every input that once crashed it), sorted within each pattern.
  ///
  /// - Parameter root: The package root.
  public func seedFiles(root: String) -> [String] {
    (fixtureSeeds + ["Tests/Fuzz/Corpus/\(rawValue)/*"]).flatMap { pattern in
      Self.glob(root + "/" + pattern).filter { path in
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
          && !isFolder.boolValue
      }
    }
  }

  private static func glob(_ pattern: String) -> [String] {
    var matches = glob_t()
    defer { globfree(&matches) }
    guard Glibc.glob(pattern, 0, nil, &matches) == 0 else { return [] }
    return (0..<Int(matches.gl_pathc)).compactMap { i in
      matches.gl_pathv[i].map { String(cString: $0) }
    }.sorted()
  }
}
