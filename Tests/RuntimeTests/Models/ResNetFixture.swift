// Copyright © 2026 the ssl authors.
//
// Loads the parity fixtures written by scripts/fixtures/make_resnet_reference.py.

import Foundation

@testable import Runtime

/// A checkpoint plus torchvision's float64 outputs for one input.
struct ResNetFixture {
  let stateDict: StateDict
  let io: SafeTensorsFile

  /// `Tests/RuntimeTests/Fixtures/`, found from this file's path.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// Loads `<stem>.safetensors` and `<stem>_io.safetensors` from `folder`.
  init(_ stem: String, in folder: URL = ResNetFixture.folder) throws {
    let weights = try SafeTensorsFile(
      contentsOf: folder.appendingPathComponent(stem + ".safetensors"))
    stateDict = weights.stateDict()
    io = try SafeTensorsFile(contentsOf: folder.appendingPathComponent(stem + "_io.safetensors"))
  }

  func reference(_ name: String) throws -> Tensor { try io.tensor(named: name) }
}
