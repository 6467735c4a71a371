// Copyright © 2026 the ssl authors.
//
// The pixel size a file declares, read from its header before any decoder allocates. A
// 60-byte PNG can claim 60000 × 60000 pixels and make libgd ask for 14 GB; Pillow refuses such
// files with `DecompressionBombError` above 2 × `Image.MAX_IMAGE_PIXELS` (178,956,970 pixels),
// and so do we, with the same threshold. A file whose size we cannot read is not handed to
// libgd at all but reported as corrupt: the decoders are more lenient than a header check (libjpeg
// skips stray bytes between markers), and a size nobody checked can be 8,230 × 65,326 pixels in a
// 223-byte file (found by `scripts/fuzz image`). Each reader below follows its decoder's walk
// (JPEG markers past stray bytes as libjpeg finds them, the first of a repeated TIFF tag as
// libtiff keeps it), so a file the decoder accepts has a readable size.
//
// One deliberate difference from Pillow: libgd allocates every row on its own (a row pointer
// and a heap block of at least 32 bytes), so a tall, narrow image costs far more than its
// pixels. A 58-byte BMP declaring 1 × 170,000,000 pixels, under Pillow's limit, made libgd ask
// for about 7 GB before reading a single pixel (written while chasing an out-of-memory of the
// CI fuzz run). We therefore
// count each row as ``rowOverheadPixels`` extra pixels; for images wider than a few hundred
// pixels the limit is Pillow's to within a few per cent.

/// Declared image sizes, read from headers without decoding.
public enum ImageHeader {
  /// Pillow's decompression-bomb threshold: 2 × `MAX_IMAGE_PIXELS` = 2 × ⌊2³⁰ / 4 / 3⌋.
  public static let maxPixels = 2 * (1024 * 1024 * 1024 / 4 / 3)

  /// What one row costs libgd beyond its pixels, in 4-byte pixels: an 8-byte row pointer and
  /// glibc's 32-byte minimum heap block.
  public static let rowOverheadPixels = 10

  /// Whether decoding `width × height` pixels would pass the limit: ``maxPixels``, counting
  /// ``rowOverheadPixels`` more for every row.
  public static func isTooLarge(width: Int, height: Int) -> Bool {
    // Either side over the limit is checked first, so the product cannot overflow.
    width > maxPixels || height > maxPixels || height * (width + rowOverheadPixels) > maxPixels
  }

  /// The width and height the header of `bytes` declares, or nil if it cannot be read.
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - format: Its format (from ``ImageFormat/sniff(_:)``).
  public static func declaredSize(_ bytes: UnsafeRawBufferPointer, format: ImageFormat)
    -> (width: Int, height: Int)?
  {
    let r = ByteView(bytes: bytes)
    switch format {
    case .png:
      // Signature (8), then the IHDR chunk: length (4), "IHDR", width, height (big-endian).
      guard r.u32be(12) == 0x4948_4452, let w = r.u32be(16), let h = r.u32be(20) else {
        return nil
      }
      return (w, h)
    case .gif:
      guard let w = r.u16le(6), let h = r.u16le(8) else { return nil }
      return (w, h)
    case .bmp:
      guard let headerSize = r.u32le(14) else { return nil }
      if headerSize == 12 {
        guard let w = r.u16le(18), let h = r.u16le(20) else { return nil }
        return (w, h)
      }
      guard let w = r.u32le(18), let h = r.u32le(22) else { return nil }
      // Height is negative for top-down bitmaps.
      return (abs(Int(Int32(truncatingIfNeeded: w))), abs(Int(Int32(truncatingIfNeeded: h))))
    case .jpeg: return jpegSize(r)
    case .webp: return webpSize(r)
    case .tiff: return tiffSize(r)
    }
  }

  /// The first start-of-frame marker's size, walking the marker segments up to start-of-scan
  /// as libjpeg's `next_marker` does: bytes before a marker's `FF` are skipped (libjpeg warns of
  /// "extraneous bytes" and goes on; libgd reads with warnings ignored), and so are fill bytes
  /// and stuffed `FF 00` pairs.
  private static func jpegSize(_ r: ByteView) -> (width: Int, height: Int)? {
    var i = 2
    while true {
      while let b = r.u8(i), b != 0xFF { i += 1 }
      while r.u8(i + 1) == 0xFF { i += 1 }
      guard let marker = r.u8(i + 1) else { return nil }
      if marker == 0x00 || marker == 0x01 || (0xD0...0xD8).contains(marker) { i += 2; continue }
      if marker == 0xDA || marker == 0xD9 { return nil }
      guard let length = r.u16be(i + 2), length >= 2 else { return nil }
      let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
      if isFrame {
        guard let h = r.u16be(i + 5), let w = r.u16be(i + 7) else { return nil }
        return (w, h)
      }
      i += 2 + length
    }
  }

  /// `VP8 ` (lossy), `VP8L` (lossless) or `VP8X` (extended canvas) sizes.
  private static func webpSize(_ r: ByteView) -> (width: Int, height: Int)? {
    switch r.u32be(12) {
    case 0x5650_3820:  // "VP8 ": frame tag (3), start code (3), 14-bit width and height
      guard let w = r.u16le(26), let h = r.u16le(28) else { return nil }
      return (w & 0x3FFF, h & 0x3FFF)
    case 0x5650_384C:  // "VP8L": signature byte, then 14-bit width − 1 and height − 1
      guard let bits = r.u32le(21) else { return nil }
      return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    case 0x5650_3858:  // "VP8X": flags (4), then 24-bit canvas width − 1 and height − 1
      guard let w = r.u24le(24), let h = r.u24le(27) else { return nil }
      return (w + 1, h + 1)
    default: return nil
    }
  }

  /// The most bytes of one TIFF strip or tile: 4 × ``maxPixels``, the largest RGBA raster the
  /// pixel limit allows. libtiff's RGBA reader (libgd's TIFF path) allocates a whole strip or
  /// tile, width × rows × samples per pixel × bytes per sample, before reading it, and those
  /// counts are header fields: a 146-byte file declaring 100,000 × 4 pixels (under the pixel
  /// limit) with 65,280 samples per pixel and 3 rows per strip made it ask for 19.6 GB (found
  /// by the CI fuzz smoke run, 2026-12-08). Pillow has no such limit; a 16-bit RGBA image of
  /// more than 89 million pixels stored as one strip is refused here and read there.
  public static let maxStripBytes = 4 * maxPixels

  /// The bytes of the strip or tile buffer a TIFF header implies (`Int.max` when the product
  /// overflows), or nil when the header cannot be read.
  public static func tiffStripBytes(_ bytes: UnsafeRawBufferPointer) -> Int? {
    guard let tags = tiffTags(ByteView(bytes: bytes)), let width = tags[256],
      let height = tags[257]
    else { return nil }
    let samples = tags[277] ?? 1
    let sampleBytes = max(1, ((tags[258] ?? 1) + 7) / 8)
    let area: [Int]
    if let tileWidth = tags[322], let tileLength = tags[323] {
      area = [tileWidth, tileLength]
    } else {
      area = [width, min(tags[278] ?? height, height)]
    }
    var total = 1
    for factor in area + [samples, sampleBytes] {
      let (product, overflow) = total.multipliedReportingOverflow(by: factor)
      if overflow { return Int.max }
      total = product
    }
    return total
  }

  /// ImageWidth (256) and ImageLength (257) from the first IFD; of a repeated tag the first
  /// entry counts, as in libtiff (which ignores the later ones).
  private static func tiffSize(_ r: ByteView) -> (width: Int, height: Int)? {
    guard let tags = tiffTags(r), let width = tags[256], let height = tags[257] else {
      return nil
    }
    return (width, height)
  }

  /// The first value of the size-related tags of the first IFD (width 256, length 257, bits
  /// per sample 258, samples per pixel 277, rows per strip 278, tile width 322, tile length
  /// 323), SHORT or LONG, inline or at the entry's offset; the first of a repeated tag counts.
  private static func tiffTags(_ r: ByteView) -> [Int: Int]? {
    let big = r.u8(0) == 0x4D
    func u16(_ i: Int) -> Int? { big ? r.u16be(i) : r.u16le(i) }
    func u32(_ i: Int) -> Int? { big ? r.u32be(i) : r.u32le(i) }
    guard let ifd = u32(4), let count = u16(ifd) else { return nil }
    var tags: [Int: Int] = [:]
    for k in 0..<min(count, 4096) {
      let entry = ifd + 2 + 12 * k
      guard let tag = u16(entry), let type = u16(entry + 2) else { return nil }
      guard [256, 257, 258, 277, 278, 322, 323].contains(tag), tags[tag] == nil else { continue }
      let size = type == 3 ? 2 : 4
      // Values that do not fit in the entry's 4 bytes are stored at the offset it holds.
      var at = entry + 8
      if let n = u32(entry + 4), n * size > 4 {
        guard let offset = u32(entry + 8) else { continue }
        at = offset
      }
      tags[tag] = size == 2 ? u16(at) : u32(at)
    }
    return tags
  }
}

/// Bounds-checked reads; nil past the end.
private struct ByteView {
  let bytes: UnsafeRawBufferPointer

  func u8(_ i: Int) -> UInt8? { i >= 0 && i < bytes.count ? bytes[i] : nil }

  func u16le(_ i: Int) -> Int? {
    guard let a = u8(i), let b = u8(i + 1) else { return nil }
    return Int(a) | Int(b) << 8
  }

  func u16be(_ i: Int) -> Int? {
    guard let a = u8(i), let b = u8(i + 1) else { return nil }
    return Int(a) << 8 | Int(b)
  }

  func u24le(_ i: Int) -> Int? {
    guard let lo = u16le(i), let hi = u8(i + 2) else { return nil }
    return lo | Int(hi) << 16
  }

  func u32le(_ i: Int) -> Int? {
    guard let lo = u16le(i), let hi = u16le(i + 2) else { return nil }
    return lo | hi << 16
  }

  func u32be(_ i: Int) -> Int? {
    guard let hi = u16be(i), let lo = u16be(i + 2) else { return nil }
    return hi << 16 | lo
  }
}
