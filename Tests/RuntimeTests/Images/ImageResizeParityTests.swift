// Copyright © 2026 the ssl authors.

import Foundation
import Testing

@testable import Runtime

@Suite("Pillow resize parity")
struct ImageResizeParityTests {
  @Test("Bicubic and bilinear, up and down, odd sizes: within 1/255 (max) and 0.1/255 (mean)")
  func resizeMatchesPillow() throws {
    let (fixture, blob) = try ImageParityFixture.load()
    var worst = 0
    for entry in fixture.resized {
      // Pillow's own decoded pixels, so only the resize is compared.
      let source = try #require(fixture.pillowDecoded(entry.source, blob: blob))
      let filter = try #require(ResampleFilter(rawValue: entry.filter))
      let out = ImageResampler.resize(
        source, width: entry.width, height: entry.height, filter: filter)
      let expected = [UInt8](blob[entry.offset..<(entry.offset + entry.length)])
      let diff = ByteDifference(out.pixels, expected)
      worst = max(worst, diff.max)
      let resize = "\(entry.source) → \(entry.width)×\(entry.height) \(entry.filter)"
      #expect(diff.max <= 1 && diff.mean <= 0.1, "\(resize): max \(diff.max) mean \(diff.mean)")
    }
    #expect(worst == 0, "Pillow's fixed-point arithmetic is reproduced bit for bit")
  }

  @Test("Resizing only a crop window gives the bytes of resize-then-crop")
  func cropWindowEqualsFullResize() throws {
    let (fixture, blob) = try ImageParityFixture.load()
    let source = try #require(fixture.pillowDecoded("rgb_61x45.png", blob: blob))
    for filter in ResampleFilter.allCases {
      for (w, h) in [(97, 71), (40, 29), (61, 30), (30, 45), (59, 20), (100, 9)] {
        let full = ImageResampler.resize(source, width: w, height: h, filter: filter)
        let rect = PixelRect(x: w / 5, y: h / 4, width: w / 2, height: h / 2)
        let window = ImageResampler.resize(source, width: w, height: h, filter: filter, crop: rect)
        #expect(
          window == full.cropped(left: rect.x, top: rect.y, width: rect.width, height: rect.height))
      }
    }
  }

  @Test("A table for some outputs holds exactly those outputs' entries of the full table")
  func partialCoefficientTables() {
    for filter in ResampleFilter.allCases {
      for (inSize, outSize) in [(61, 97), (97, 61), (1, 224), (5000, 224), (45, 45)] {
        let full = ResampleCoefficients(inSize: inSize, outSize: outSize, filter: filter)
        let outputs = (outSize / 3)..<(outSize / 3 + outSize / 2)
        let part = ResampleCoefficients(
          inSize: inSize, outSize: outSize, filter: filter, outputs: outputs)
        let k = full.kernelSize
        #expect(part.kernelSize == k && part.firstOutput == outputs.lowerBound)
        #expect(part.first == Array(full.first[outputs]))
        #expect(part.count == Array(full.count[outputs]))
        let slice = (outputs.lowerBound * k)..<(outputs.upperBound * k)
        #expect(part.weights == Array(full.weights[slice]))
        #expect(part.sourceSpan(of: outputs) == full.sourceSpan(of: outputs))
      }
    }
  }

  @Test("A one-pixel-high image costs its crop window, not its 22-million-column resize")
  func extremeAspectRatio() throws {
    // Shorter side 1 → 224 makes the long side 100,000 × 224 = 22.4 million columns; a table
    // for all of them took 0.8 GB, the window's takes 224 entries.
    let width = 100_000
    var pixels = [UInt8](repeating: 0, count: width * 3)
    for x in 0..<width {
      pixels[x * 3] = UInt8(x % 256)
      pixels[x * 3 + 1] = 77
      pixels[x * 3 + 2] = 200
    }
    let image = RGBImage(width: width, height: 1, pixels: pixels)
    let p = ImagePreprocessing(
      resizes: [ResizeStep(.shorterSide(224), filter: .bicubic)], crop: 224, normalization: .none)
    let window = try p.cropBytes(image)
    #expect(window.width == 224 && window.height == 224)
    // One source row: every output row is the same row, and constant channels stay constant.
    let row = Array(window.pixels[0..<(224 * 3)])
    for y in 1..<224 { #expect(Array(window.pixels[(y * 224 * 3)..<((y + 1) * 224 * 3)]) == row) }
    #expect((0..<224).allSatisfy { row[$0 * 3 + 1] == 77 && row[$0 * 3 + 2] == 200 })
  }

  @Test("Torchvision geometry: int() long side, round-half-even crop offset")
  func geometry() {
    #expect(ResizeRule.shorterSide(256).size(width: 500, height: 375) == (341, 256))
    #expect(ResizeRule.shorterSide(224).size(width: 375, height: 500) == (224, 298))
    let p = ImagePreprocessing.linear()
    #expect(
      p.cropWindow(width: 341, height: 256) == PixelRect(x: 58, y: 16, width: 224, height: 224))
    #expect(
      p.cropWindow(width: 257, height: 257) == PixelRect(x: 16, y: 16, width: 224, height: 224))
    #expect(p.identifier == "short224.bicubic+crop224+imagenet")
    #expect(ImagePreprocessing.fewShot(.none).identifier == "257x257.bilinear+crop224+none")
  }

  @Test("The whole transform (resize, crop, [0, 1], normalise) matches Pillow + numpy")
  func pipelineMatchesPillow() throws {
    let (fixture, blob) = try ImageParityFixture.load()
    for entry in fixture.pipeline {
      let steps = try entry.steps.map { s -> ResizeStep in
        let filter = try #require(ResampleFilter(rawValue: s.filter))
        let rule: ResizeRule =
          s.rule == "short" ? .shorterSide(s.a) : .fixed(width: s.a, height: s.b)
        return ResizeStep(rule, filter: filter)
      }
      let transform = ImagePreprocessing(
        resizes: steps, crop: entry.crop, normalization: entry.normalize ? .imageNet : .none)
      let source = try #require(fixture.pillowDecoded(entry.source, blob: blob))
      let out = try transform.apply(source)
      let expected = blob[entry.offset..<(entry.offset + entry.length)].withUnsafeBytes {
        Array($0.bindMemory(to: Float.self))
      }
      #expect(out.count == expected.count)
      let worst = zip(out, expected).map { abs($0 - $1) }.max() ?? 0
      #expect(worst <= 1e-6, "\(entry.source): max |Δ| \(worst)")
    }
  }
}
