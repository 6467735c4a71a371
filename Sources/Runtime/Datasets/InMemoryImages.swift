// Copyright © 2026 the ssl authors.

/// Images held in memory rather than one file each (CIFAR's pickled batches): `count` planar
/// images of `3 × height × width` bytes (R plane, G plane, B plane), addressed by samples whose
/// path is `<file>#<index>`.
public struct InMemoryImages: Sendable {
  /// The width of every image.
  public let width: Int
  /// The height of every image.
  public let height: Int
  /// `count * 3 * height * width` bytes, planar per image.
  public let planes: [UInt8]
  /// The first image index of each source file, for `<file>#<index>` paths.
  let offsets: [String: Int]

  /// The image a `<file>#<index>` path names, or `nil`.
  public func image(_ path: String) -> RGBImage? {
    guard let hash = path.lastIndex(of: "#"), let i = Int(path[path.index(after: hash)...]),
      let base = offsets[String(path[..<hash])]
    else { return nil }
    let plane = width * height
    let start = (base + i) * 3 * plane
    guard i >= 0, start + 3 * plane <= planes.count else { return nil }
    var pixels = [UInt8](repeating: 0, count: 3 * plane)
    for p in 0..<plane {
      pixels[p * 3] = planes[start + p]
      pixels[p * 3 + 1] = planes[start + plane + p]
      pixels[p * 3 + 2] = planes[start + 2 * plane + p]
    }
    return RGBImage(width: width, height: height, pixels: pixels)
  }
}
