// Copyright © 2026 the ssl authors.

/// What can go wrong while reading or transforming an image. Every case names the file.
public enum ImageError: Error, Equatable, Sendable {
  // MARK: Reading

  /// The file cannot be opened or read.
  case unreadable(path: String, reason: String)
  /// The bytes are not in a format this build can decode (the magic bytes are named).
  case unsupportedFormat(path: String, format: String)
  /// The decoder rejected the bytes, or the header's image size cannot be read (truncated or
  /// corrupt file).
  case corrupt(path: String, format: ImageFormat)
  /// The header declares more pixels than ``ImageHeader/isTooLarge(width:height:)`` allows (a
  /// decompression bomb).
  case tooLarge(path: String, width: Int, height: Int)
  /// A TIFF header implies a strip or tile buffer over ``ImageHeader/maxStripBytes``.
  case stripTooLarge(path: String, bytes: Int)

  // MARK: Geometry

  /// A resize or crop was asked for with sizes that cannot work, for example a zero target.
  case invalidGeometry(path: String, reason: String)
}

extension ImageError: CustomStringConvertible {
  /// A one-line message that starts with the file, for example
  /// `images/a.jpg: corrupt or truncated JPEG`.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "\(path): cannot read (\(reason))"
    case .unsupportedFormat(let path, let format):
      return "\(path): unsupported image format (\(format))"
    case .corrupt(let path, let format):
      return "\(path): corrupt or truncated \(format.rawValue.uppercased())"
    case .invalidGeometry(let path, let reason):
      return "\(path): \(reason)"
    case .tooLarge(let path, let width, let height):
      return "\(path): declares \(width) × \(height) pixels, more than the limit of "
        + "\(ImageHeader.maxPixels) (Pillow's decompression-bomb limit, counting "
        + "\(ImageHeader.rowOverheadPixels) more per row for libgd's row allocations); not decoded"
    case .stripTooLarge(let path, let bytes):
      let size = bytes == Int.max ? "more than Int.max" : "\(bytes)"
      return "\(path): its header implies a strip or tile of \(size) bytes (width × rows × "
        + "samples per pixel × bytes per sample), more than the limit of "
        + "\(ImageHeader.maxStripBytes); not decoded"
    }
  }

  /// The file the error is about.
  public var path: String {
    switch self {
    case .unreadable(let path, _), .unsupportedFormat(let path, _), .corrupt(let path, _),
      .invalidGeometry(let path, _), .tooLarge(let path, _, _), .stripTooLarge(let path, _):
      return path
    }
  }
}
