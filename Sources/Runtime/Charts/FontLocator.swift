// Copyright © 2026 the ssl authors.

import Foundation

/// Finds the TrueType fonts charts are drawn with.
///
/// Order: the file named by `$SSL_FONT` (its `-Bold` sibling, when present, becomes the bold
/// face), then `DejaVuSans.ttf` and `DejaVuSans-Bold.ttf` in the usual Linux, Homebrew and
/// macOS font folders. The bold face falls back to the regular one.
public struct FontLocator: Sendable {
  /// The regular and bold font files.
  public struct Fonts: Hashable, Sendable {
    /// The regular face.
    public var regular: String
    /// The bold face (the regular file when no bold one exists).
    public var bold: String

    /// Creates a font pair.
    ///
    /// - Parameters:
    ///   - regular: The regular face.
    ///   - bold: The bold face.
    public init(regular: String, bold: String) {
      self.regular = regular
      self.bold = bold
    }
  }

  /// The folders searched for DejaVu Sans, in order.
  public static let searchFolders = [
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/truetype",
    "/usr/local/share/fonts",
    "/usr/local/share/fonts/dejavu",
    "/opt/homebrew/share/fonts",
    "/Library/Fonts",
    "/System/Library/Fonts/Supplemental",
  ]

  /// The environment to read `SSL_FONT` from.
  public var environment: [String: String]
  /// Whether a path names a readable file; replaceable in tests.
  public var fileExists: @Sendable (String) -> Bool

  /// Creates a locator over the process environment and file system.
  ///
  /// - Parameters:
  ///   - environment: The variables to consult; the process environment by default.
  ///   - fileExists: The existence check; `FileManager.isReadableFile` by default.
  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    fileExists: @escaping @Sendable (String) -> Bool = {
      FileManager.default.isReadableFile(atPath: $0)
    }
  ) {
    self.environment = environment
    self.fileExists = fileExists
  }

  /// The fonts to use.
  ///
  /// - Returns: The regular and bold font paths.
  /// - Throws: ``ChartError/fontNotFound(searched:)`` listing every path tried.
  public func locate() throws(ChartError) -> Fonts {
    var searched: [String] = []
    if let custom = environment["SSL_FONT"], !custom.isEmpty {
      searched.append(custom)
      if fileExists(custom) {
        let bold = Self.boldSibling(of: custom)
        return Fonts(regular: custom, bold: bold.flatMap { fileExists($0) ? $0 : nil } ?? custom)
      }
    }
    for folder in Self.searchFolders {
      let regular = folder + "/DejaVuSans.ttf"
      searched.append(regular)
      guard fileExists(regular) else { continue }
      let bold = folder + "/DejaVuSans-Bold.ttf"
      return Fonts(regular: regular, bold: fileExists(bold) ? bold : regular)
    }
    throw .fontNotFound(searched: searched)
  }

  /// `Foo.ttf` → `Foo-Bold.ttf`; `nil` when the name has no extension.
  static func boldSibling(of path: String) -> String? {
    guard let dot = path.lastIndex(of: "."), !path[..<dot].hasSuffix("/") else { return nil }
    return path[..<dot] + "-Bold" + path[dot...]
  }
}
