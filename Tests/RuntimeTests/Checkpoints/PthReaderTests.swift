// Copyright © 2026 the ssl authors.
//
// Expected values come from scripts/fixtures/make_pth_fixtures.py (real torch.save output).

import Foundation
import Testing

@testable import Runtime

@Suite struct PthReaderTests {
  @Test(arguments: [
    ("pth_zip.pth", PthReader.Format.zip), ("pth_legacy.pth", .legacy),
    ("pth_deflated.pth", .zip), ("pth_bigendian.pth", .zip), ("pth_float16.pth", .zip),
  ])
  func plainStateDictsMatchTorch(name: String, format: PthReader.Format) throws {
    let reader = try PthReader(contentsOf: PthFixtures.url(name))
    #expect(reader.format == format)
    #expect(reader.bigEndian == (name == "pth_bigendian.pth"))
    let tensors = try PthFixtures.readAll(name)
    PthFixtures.assertMatches(name) { tensors[$0] }
    // num_batches_tracked is an int64 0-d tensor; torch's fixture sets it to 7.
    #expect(tensors["bn1.num_batches_tracked"]?.shape == [])
    #expect(tensors["bn1.num_batches_tracked"]?.scalars == [7])
  }

  @Test func everyDTypeConverts() throws {
    let tensors = try PthFixtures.readAll("pth_dtypes.pth")
    PthFixtures.assertMatches("pth_dtypes.pth") { tensors[$0] }
    #expect(tensors["i64"]?.scalars == [-3, 0, 1_048_576])
    #expect(tensors["b"]?.scalars == [1, 0])
    #expect(tensors["scalar"]?.shape == [])
  }

  @Test(arguments: ["pth_views.pth", "pth_views_legacy.pth"])
  func stridesOffsetsAndSharedStorages(name: String) throws {
    let reader = try PthReader(contentsOf: PthFixtures.url(name))
    guard case .dict(let entries) = reader.root else {
      Issue.record("root is \(reader.root.kindName)")
      return
    }
    var refs: [String: TorchTensorRef] = [:]
    for e in entries {
      if case .string(let k) = e.key, case .tensor(let r) = e.value { refs[k] = r }
    }
    // Non-contiguous and offset views as torch saved them, over one shared storage.
    #expect(refs["transposed"]?.strides == [1, 6])
    #expect(refs["slice"]?.offset == 8)
    #expect(refs["row0"]?.storage.key == refs["row3"]?.storage.key)
    #expect(refs["expanded"]?.strides == [0, 1])
    let tensors = try PthFixtures.readAll(name)
    PthFixtures.assertMatches(name) { tensors[$0] }
  }

  // MARK: - Hostile files: a typed error each, nothing large allocated

  @Test func truncatedZip() {
    #expect(throws: CheckpointError.zipEndRecordMissing(fileSize: 5354)) {
      try PthReader(contentsOf: PthFixtures.url("pth_truncated.pth"))
    }
  }

  @Test func truncatedLegacy() {
    do {
      _ = try PthReader(contentsOf: PthFixtures.url("pth_legacy_truncated.pth"))
      Issue.record("expected an error")
    } catch {
      guard case .legacyStorageInvalid = error else {
        Issue.record("unexpected \(error)")
        return
      }
    }
  }

  @Test func zipBombStopsAtTheDeclaredSize() {
    #expect(
      throws: CheckpointError.zipInflateFailed(
        entry: "archive/data.pkl", reason: .outputLimitExceeded(limit: 1000))
    ) {
      try PthReader(contentsOf: PthFixtures.url("pth_zip_bomb.pth"))
    }
  }

  @Test func sizeLieIsRefusedWithoutAllocating() {
    do {
      _ = try PthReader(contentsOf: PthFixtures.url("pth_size_lie.pth"))
      Issue.record("expected an error")
    } catch {
      guard case .zipInflateFailed(_, .outputShort(let expected, _)) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(expected == 0xFFFF_FFF0)
    }
  }

  @Test func outOfRangeOffset() throws {
    let reader = try PthReader(contentsOf: PthFixtures.url("pth_bad_offset.pth"))
    let ref = try #require(reader.tensorRef("w"))
    #expect(
      throws: CheckpointError.tensorOutOfBounds(
        path: "w", shape: [2], strides: [1], offset: 3, storageElements: 4)
    ) { try reader.tensor(ref, path: "w") }
  }

  @Test func absurdShapes() throws {
    let zero = try PthReader(contentsOf: PthFixtures.url("pth_absurd_shape.pth"))
    let ref = try #require(zero.tensorRef("w"))
    #expect(
      throws: CheckpointError.invalidShape(
        path: "w", shape: [1_000_000, 1_000_000],
        reason: "exceeds the limit of \(CheckpointLimits().maxTensorElements) elements")
    ) { try zero.tensor(ref, path: "w") }

    var limits = CheckpointLimits()
    limits.maxTensorElements = Int.max
    let strided = try PthReader(
      bytes: CheckpointBytes(contentsOf: PthFixtures.url("pth_absurd_stride.pth")), limits: limits)
    let ref2 = try #require(strided.tensorRef("w"))
    #expect(
      throws: CheckpointError.tensorOutOfBounds(
        path: "w", shape: [1_000_000, 1_000_000], strides: [1_000_000, 1], offset: 0,
        storageElements: 4)
    ) { try strided.tensor(ref2, path: "w") }
  }

  @Test func storageThatClaimsMoreThanTheFileHas() throws {
    let reader = try PthReader(contentsOf: PthFixtures.url("pth_storage_lie.pth"))
    let ref = try #require(reader.tensorRef("w"))
    #expect(
      throws: CheckpointError.storageTooSmall(
        key: "0", neededBytes: 4_000_000_000, availableBytes: 16)
    ) { try reader.tensor(ref, path: "w") }
  }

  @Test func missingStorageEntry() {
    #expect(throws: CheckpointError.storageMissing(key: "7")) {
      try PthReader(contentsOf: PthFixtures.url("pth_missing_storage.pth"))
    }
  }

  @Test func halfPrecisionEdgeCases() {
    #expect(TorchTensorDecoder.halfToFloat(0x3C00) == 1)
    #expect(TorchTensorDecoder.halfToFloat(0xC000) == -2)
    #expect(TorchTensorDecoder.halfToFloat(0x0001) == 0x1p-24)
    #expect(TorchTensorDecoder.halfToFloat(0x7BFF) == 65504)
    #expect(TorchTensorDecoder.halfToFloat(0x7C00) == .infinity)
    #expect(TorchTensorDecoder.halfToFloat(0x7E00).isNaN)
    #expect(TorchTensorDecoder.halfToFloat(0x8000).sign == .minus)
  }
}

extension PthReader {
  /// The top-level tensor called `name` (test helper).
  func tensorRef(_ name: String) -> TorchTensorRef? {
    if case .tensor(let ref)? = root[name] { return ref }
    return nil
  }
}
