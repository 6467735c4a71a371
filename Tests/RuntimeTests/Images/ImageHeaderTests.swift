// Copyright © 2026 the ssl authors.
//
// The sizes image headers declare, read before decoding, against the sizes Pillow wrote: the
// file names of img_parity (scripts/fixtures/make_image_fixtures.py) and of the image fuzz
// seeds (scripts/fixtures/make_fuzz_seeds.py) end in <width>x<height>.

import Foundation
import Testing

@testable import Runtime

@Suite struct ImageHeaderTests {
  static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static var files: [String] {
    let folders = [
      tests.appendingPathComponent("RuntimeTests/Fixtures/img_parity").path,
      tests.appendingPathComponent("Fuzz/Corpus/image").path,
    ]
    return folders.flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 }
    }.filter { $0.range(of: #"_\d+x\d+\.\w+$"#, options: .regularExpression) != nil }.sorted()
  }

  @Test func declaredSizesAreWhatPillowWrote() throws {
    let files = Self.files
    #expect(files.count >= 15)
    var formats: Set<ImageFormat> = []
    for path in files {
      let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
      let size = try #require(name.split(separator: "_").last?.split(separator: "x").compactMap { Int($0) })
      let data = try #require(FileManager.default.contents(atPath: path))
      try data.withUnsafeBytes { raw in
        let format = try #require(ImageFormat.sniff(raw), "\(path)")
        formats.insert(format)
        let declared = ImageHeader.declaredSize(raw, format: format)
        #expect(declared?.width == size[0] && declared?.height == size[1], "\(name): \(String(describing: declared))")
      }
    }
    #expect(formats == Set(ImageFormat.allCases), "formats covered: \(formats)")
  }

  @Test func bombsAreRefusedBeforeDecoding() throws {
    // 60000 × 60000 = 3.6e9 pixels > 2 × ⌊2³⁰/4/3⌋ = 178,956,970 (Pillow's DecompressionBombError).
    #expect(ImageHeader.maxPixels == 178_956_970)
    let png = try #require(FileManager.default.contents(
      atPath: Self.tests.appendingPathComponent("Fuzz/Corpus/image/png_bomb").path))
    #expect(throws: ImageError.tooLarge(path: "bomb.png", width: 60000, height: 60000)) {
      try GDImageDecoder.decode(png, path: "bomb.png")
    }
  }

  @Test func tiffStripsOverTheLimitAreRefusedBeforeDecoding() throws {
    // 100,000 × 4 pixels (under the pixel limit), 8 bits, 65,280 samples per pixel, 3 rows per
    // strip: libtiff's RGBA reader asked for one 19.6 GB strip (the CI fuzz run's find).
    let tiff = try #require(FileManager.default.contents(
      atPath: Self.tests.appendingPathComponent("Fuzz/Corpus/image/crash-tiff-samples").path))
    let bytes = 100_000 * 3 * 65_280
    #expect(tiff.withUnsafeBytes { ImageHeader.tiffStripBytes($0) } == bytes)
    #expect(throws: ImageError.stripTooLarge(path: "s.tiff", bytes: bytes)) {
      try GDImageDecoder.decode(tiff, path: "s.tiff")
    }
    #expect(ImageError.stripTooLarge(path: "s.tiff", bytes: bytes).description.hasPrefix(
      "s.tiff: its header implies a strip or tile of 19584000000 bytes"))
    // The well-formed TIFFs of the corpus (Pillow-written, 8-bit RGB) stay under it and decode.
    for (name, width, height) in [("big_6x17.tiff", 6, 17), ("little_17x6.tiff", 17, 6)] {
      let data = try #require(FileManager.default.contents(
        atPath: Self.tests.appendingPathComponent("Fuzz/Corpus/image/\(name)").path))
      let strip = try #require(data.withUnsafeBytes { ImageHeader.tiffStripBytes($0) })
      #expect(strip > 0 && strip <= width * height * 3, "\(name): \(strip) bytes")
      let image = try GDImageDecoder.decode(data, path: name)
      #expect(image.width == width && image.height == height)
    }
  }

  @Test func tallNarrowImagesCountTheirRows() throws {
    // 1 × 170,000,000 is under Pillow's limit, but libgd would allocate 170 million rows, each
    // an 8-byte pointer and a 32-byte heap block (about 7 GB): refused before decoding.
    let bmp = try #require(FileManager.default.contents(
      atPath: Self.tests.appendingPathComponent("Fuzz/Corpus/image/crash-tall-bmp").path))
    #expect(throws: ImageError.tooLarge(path: "tall.bmp", width: 1, height: 170_000_000)) {
      try GDImageDecoder.decode(bmp, path: "tall.bmp")
    }
    // Each row counts 10 pixels more: ⌊178,956,970 / 11⌋ = 16,268,815 rows of one pixel.
    #expect(!ImageHeader.isTooLarge(width: 1, height: 16_268_815))
    #expect(ImageHeader.isTooLarge(width: 1, height: 16_268_816))
    // 13,000 × 13,000 = 169e6 (+ 130,000 for its rows) passes; 13,377² = 178,944,129 is under
    // Pillow's limit but not with its rows (13,377 × 13,387 = 179,077,899).
    #expect(!ImageHeader.isTooLarge(width: 13_000, height: 13_000))
    #expect(ImageHeader.isTooLarge(width: 13_377, height: 13_377))
    #expect(ImageHeader.isTooLarge(width: ImageHeader.maxPixels + 1, height: 1))
    #expect(ImageHeader.isTooLarge(width: 1, height: ImageHeader.maxPixels + 1))
  }

  @Test func unreadableHeadersAreNotDecoded() {
    let truncated: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]
    truncated.withUnsafeBytes { raw in
      #expect(ImageHeader.declaredSize(raw, format: .png) == nil)
    }
    #expect(throws: ImageError.corrupt(path: "t.png", format: .png)) {
      try GDImageDecoder.decode(Data(truncated), path: "t.png")
    }
  }

  @Test func jpegMarkersAreFoundPastStrayBytes() throws {
    // A fuzzed JPEG with three bytes inserted into its APP0 segment: libjpeg skips to the next
    // FF and reads a 8230 × 65326 frame (Pillow's parser reads the same size); refused.
    let fuzzed = try #require(FileManager.default.contents(
      atPath: Self.tests.appendingPathComponent("Fuzz/Corpus/image/crash-jpeg-stray-bytes").path))
    #expect(throws: ImageError.tooLarge(path: "f.jpg", width: 8230, height: 65326)) {
      try GDImageDecoder.decode(fuzzed, path: "f.jpg")
    }
    // Stray bytes and a stuffed FF 00 after APP0 of a 15 × 9 JPEG: the size is still found,
    // and libjpeg decodes the file.
    let original = try #require(FileManager.default.contents(
      atPath: Self.tests.appendingPathComponent("Fuzz/Corpus/image/progressive_15x9.jpg").path))
    var bytes = [UInt8](original)
    #expect(bytes[2] == 0xFF && bytes[3] == 0xE0)
    let afterAPP0 = 4 + (Int(bytes[4]) << 8 | Int(bytes[5]))
    bytes.insert(contentsOf: [0x12, 0x34, 0xFF, 0x00, 0x56], at: afterAPP0)
    bytes.withUnsafeBytes { raw in
      let size = ImageHeader.declaredSize(raw, format: .jpeg)
      #expect(size?.width == 15 && size?.height == 9)
    }
    let image = try GDImageDecoder.decode(Data(bytes), path: "s.jpg")
    #expect(image.width == 15 && image.height == 9)
  }
}
