// Copyright © 2026 the ssl authors.

/// An image container, recognised from the first bytes of a file (never from its extension).
public enum ImageFormat: String, CaseIterable, Sendable {
  case jpeg
  case png
  case gif
  case bmp
  case webp
  case tiff

  /// The format whose signature starts `bytes`, or `nil`.
  ///
  /// - Parameter bytes: At least the first 12 bytes of the file.
  public static func sniff(_ bytes: UnsafeRawBufferPointer) -> ImageFormat? {
    func at(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }
    if at(0) == 0xFF && at(1) == 0xD8 && at(2) == 0xFF { return .jpeg }
    if at(0) == 0x89 && at(1) == 0x50 && at(2) == 0x4E && at(3) == 0x47 { return .png }
    if at(0) == 0x47 && at(1) == 0x49 && at(2) == 0x46 && at(3) == 0x38 { return .gif }
    if at(0) == 0x42 && at(1) == 0x4D { return .bmp }
    if at(0) == 0x52 && at(1) == 0x49 && at(2) == 0x46 && at(3) == 0x46 && at(8) == 0x57
      && at(9) == 0x45 && at(10) == 0x42 && at(11) == 0x50
    {
      return .webp
    }
    if (at(0) == 0x49 && at(1) == 0x49 && at(2) == 0x2A && at(3) == 0)
      || (at(0) == 0x4D && at(1) == 0x4D && at(2) == 0 && at(3) == 0x2A)
    {
      return .tiff
    }
    return nil
  }

  /// A file name with this format's usual extension, for asking libgd what it supports.
  var probeName: String {
    switch self {
    case .jpeg: return "probe.jpg"
    case .png: return "probe.png"
    case .gif: return "probe.gif"
    case .bmp: return "probe.bmp"
    case .webp: return "probe.webp"
    case .tiff: return "probe.tiff"
    }
  }
}
