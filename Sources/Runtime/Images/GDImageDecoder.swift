// Copyright © 2026 the ssl authors.
//
// The only Swift file that decodes images with libgd (house rule 4; `Charts/GDCanvas.swift`
// is the one that draws). libgd hands back either a true-colour image (`tpixels`, one
// `0xAARRGGBB` int per pixel with 7-bit inverted alpha) or a palette image (`pixels` holds
// indices into `red`/`green`/`blue`). Both become interleaved RGB bytes the way Pillow's
// `convert("RGB")` does it: alpha is dropped, not composited, and a transparent palette entry
// keeps its colour (so not `gdImagePaletteToTrueColor`, which paints it black).
//
// JPEG is read with libgd's default (`ignore_warning` on, like Pillow, which accepts benign
// libjpeg warnings such as extraneous bytes); a JPEG without an end-of-image marker near its
// end is reported as truncated, as Pillow does without `LOAD_TRUNCATED_IMAGES`.

import CGD
import Foundation

/// Decodes JPEG, PNG, GIF, BMP, WebP and TIFF bytes into ``RGBImage`` through libgd.
public enum GDImageDecoder {
  /// The formats this libgd build reads (asked once through `gdSupportsFileType`).
  public static let supportedFormats: Set<ImageFormat> = {
    // libgd prints "GD Warning: …" to stderr for every corrupt file; we report such files
    // ourselves (UnreadableImageReport), so its messages are dropped. Installed once, before
    // the first decode (every decode asks for this set first).
    gdSetErrorMethod { _, _, _ in }
    var formats: Set<ImageFormat> = []
    for format in ImageFormat.allCases where gdSupportsFileType(format.probeName, 0) != 0 {
      formats.insert(format)
    }
    return formats
  }()

  /// Reads and decodes a file.
  ///
  /// - Parameter path: The image file.
  /// - Returns: The image as RGB.
  /// - Throws: ``ImageError`` naming `path`.
  public static func decode(contentsOf path: String) throws(ImageError) -> RGBImage {
    guard let data = FileManager.default.contents(atPath: path) else {
      let exists = FileManager.default.fileExists(atPath: path)
      throw .unreadable(path: path, reason: exists ? "permission denied" : "no such file")
    }
    return try decode(data, path: path)
  }

  /// Decodes bytes already in memory.
  ///
  /// - Parameters:
  ///   - data: The whole file.
  ///   - path: The name used in errors.
  /// - Returns: The image as RGB.
  /// - Throws: ``ImageError`` naming `path`.
  public static func decode(_ data: Data, path: String) throws(ImageError) -> RGBImage {
    let result: Result<RGBImage, ImageError> = data.withUnsafeBytes { raw in
      guard !raw.isEmpty else { return .failure(.unreadable(path: path, reason: "empty file")) }
      guard let format = ImageFormat.sniff(raw) else {
        let head = raw.prefix(4).map { String(format: "%02x", $0) }.joined(separator: " ")
        return .failure(.unsupportedFormat(path: path, format: "first bytes \(head)"))
      }
      guard supportedFormats.contains(format) else {
        return .failure(.unsupportedFormat(path: path, format: format.rawValue))
      }
      // No size, no decoding: libgd allocates whatever size it finds (see ImageHeader).
      guard let (width, height) = ImageHeader.declaredSize(raw, format: format) else {
        return .failure(.corrupt(path: path, format: format))
      }
      if ImageHeader.isTooLarge(width: width, height: height) {
        return .failure(.tooLarge(path: path, width: width, height: height))
      }
      if format == .tiff, let bytes = ImageHeader.tiffStripBytes(raw),
        bytes > ImageHeader.maxStripBytes
      {
        return .failure(.stripTooLarge(path: path, bytes: bytes))
      }
      if format == .jpeg && !hasEndOfImage(raw) {
        return .failure(.corrupt(path: path, format: format))
      }
      guard let base = raw.baseAddress, raw.count <= Int(Int32.max),
        let image = create(
          format, size: Int32(raw.count), bytes: UnsafeMutableRawPointer(mutating: base))
      else {
        return .failure(.corrupt(path: path, format: format))
      }
      defer { gdImageDestroy(image) }
      return .success(rgb(from: image))
    }
    return try result.get()
  }

  /// Calls the libgd reader for one format.
  private static func create(
    _ format: ImageFormat, size: Int32, bytes: UnsafeMutableRawPointer
  ) -> gdImagePtr? {
    switch format {
    case .jpeg: return gdImageCreateFromJpegPtrEx(size, bytes, 1)
    case .png: return gdImageCreateFromPngPtr(size, bytes)
    case .gif: return gdImageCreateFromGifPtr(size, bytes)
    case .bmp: return gdImageCreateFromBmpPtr(size, bytes)
    case .webp: return gdImageCreateFromWebpPtr(size, bytes)
    case .tiff: return gdImageCreateFromTiffPtr(size, bytes)
    }
  }

  /// Whether an `FF D9` marker occurs in the last kilobyte (trailing bytes after it are fine).
  private static func hasEndOfImage(_ raw: UnsafeRawBufferPointer) -> Bool {
    let start = max(2, raw.count - 1024)
    var i = raw.count - 1
    while i > start {
      if raw[i] == 0xD9 && raw[i - 1] == 0xFF { return true }
      i -= 1
    }
    return false
  }

  /// Copies a libgd image into interleaved RGB bytes.
  private static func rgb(from image: gdImagePtr) -> RGBImage {
    let width = Int(image.pointee.sx)
    let height = Int(image.pointee.sy)
    var pixels = [UInt8](repeating: 0, count: width * height * 3)
    pixels.withUnsafeMutableBufferPointer { out in
      if image.pointee.trueColor != 0 {
        for y in 0..<height {
          guard let row = image.pointee.tpixels[y] else { continue }
          var o = y * width * 3
          for x in 0..<width {
            let v = UInt32(bitPattern: row[x])
            out[o] = UInt8(truncatingIfNeeded: v >> 16)
            out[o + 1] = UInt8(truncatingIfNeeded: v >> 8)
            out[o + 2] = UInt8(truncatingIfNeeded: v)
            o += 3
          }
        }
      } else {
        let palette = paletteTable(image)
        for y in 0..<height {
          guard let row = image.pointee.pixels[y] else { continue }
          var o = y * width * 3
          for x in 0..<width {
            let p = Int(row[x]) * 3
            out[o] = palette[p]
            out[o + 1] = palette[p + 1]
            out[o + 2] = palette[p + 2]
            o += 3
          }
        }
      }
    }
    return RGBImage(width: width, height: height, pixels: pixels)
  }

  /// The 256-entry palette as `R G B` bytes.
  private static func paletteTable(_ image: gdImagePtr) -> [UInt8] {
    var table = [UInt8](repeating: 0, count: 256 * 3)
    withUnsafeBytes(of: image.pointee.red) { r in
      withUnsafeBytes(of: image.pointee.green) { g in
        withUnsafeBytes(of: image.pointee.blue) { b in
          let (r, g, b) =
            (
              r.bindMemory(to: Int32.self), g.bindMemory(to: Int32.self),
              b.bindMemory(to: Int32.self)
            )
          for i in 0..<min(256, r.count) {
            table[i * 3] = UInt8(clamping: r[i])
            table[i * 3 + 1] = UInt8(clamping: g[i])
            table[i * 3 + 2] = UInt8(clamping: b[i])
          }
        }
      }
    }
    return table
  }
}
