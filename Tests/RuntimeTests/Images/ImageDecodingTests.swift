// Copyright © 2026 the ssl authors.

import Foundation
import Runtime
import Testing

@Suite("Image decoding through libgd")
struct ImageDecodingTests {
  @Test("PNG, GIF and BMP decode to Pillow's convert(\"RGB\") bytes exactly")
  func losslessFormatsMatchPillow() throws {
    let (fixture, blob) = try ImageParityFixture.load()
    for entry in fixture.decoded where !entry.source.hasSuffix(".jpg") {
      let image = try GDImageDecoder.decode(contentsOf: ImageParityFixture.source(entry.source))
      let expected = try #require(fixture.pillowDecoded(entry.source, blob: blob))
      #expect(image.width == expected.width && image.height == expected.height, "\(entry.source)")
      let diff = ByteDifference(image.pixels, expected.pixels)
      #expect(diff.max == 0, "\(entry.source) (\(entry.mode)): max diff \(diff.max)")
    }
  }

  @Test("JPEG decodes within 1/255 of Pillow's libjpeg-turbo")
  func jpegMatchesPillow() throws {
    let (fixture, blob) = try ImageParityFixture.load()
    for entry in fixture.decoded where entry.source.hasSuffix(".jpg") {
      let image = try GDImageDecoder.decode(contentsOf: ImageParityFixture.source(entry.source))
      let expected = try #require(fixture.pillowDecoded(entry.source, blob: blob))
      let diff = ByteDifference(image.pixels, expected.pixels)
      #expect(
        diff.max <= 1 && diff.mean <= 0.1, "\(entry.source): max \(diff.max) mean \(diff.mean)")
    }
  }

  @Test("A truncated JPEG is a corrupt-file error naming the file")
  func truncatedJPEG() {
    let path = ImageParityFixture.source("truncated.jpg")
    #expect(throws: ImageError.corrupt(path: path, format: .jpeg)) {
      try GDImageDecoder.decode(contentsOf: path)
    }
  }

  @Test("Text with an image extension is an unsupported format; a missing file is unreadable")
  func notAnImage() {
    let path = ImageParityFixture.source("not_an_image.png")
    do {
      _ = try GDImageDecoder.decode(contentsOf: path)
      Issue.record("decoded text as an image")
    } catch {
      guard case .unsupportedFormat(let p, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(p == path)
      #expect(error.description.hasPrefix(path))
    }
    let missing = ImageParityFixture.source("missing.png")
    #expect(throws: ImageError.unreadable(path: missing, reason: "no such file")) {
      try GDImageDecoder.decode(contentsOf: missing)
    }
  }

  @Test("This libgd build reads JPEG and PNG")
  func supportedFormats() {
    #expect(GDImageDecoder.supportedFormats.isSuperset(of: [.jpeg, .png]))
  }
}
