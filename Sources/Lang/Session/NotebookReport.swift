// Copyright © 2026 the ssl authors.

import Foundation

/// A session's cells written as a document: Markdown, or a self-contained HTML page.
public enum NotebookReport {
  /// The document formats, chosen by the file's extension.
  public enum Format: Sendable {
    /// `.md`: code blocks, text blocks and `![](figure.png)` links relative to the report.
    case markdown
    /// `.html`: one file, inline CSS, figures embedded as `data:` URIs.
    case html

    /// The format for a path's extension (`.md`, `.markdown`, `.html`, `.htm`), or nil.
    public init?(path: String) {
      switch (path as NSString).pathExtension.lowercased() {
      case "md", "markdown": self = .markdown
      case "html", "htm": self = .html
      default: return nil
      }
    }
  }

  /// Why a report could not be written.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    /// The report's path.
    public var path: String
    /// What went wrong, in words.
    public var reason: String
    /// `cannot write the report 'x.html': the folder 'x' does not exist`.
    public var description: String { "cannot write the report '\(path)': \(reason)" }
  }

  /// Renders cells as a document.
  ///
  /// - Parameters:
  ///   - cells: The session's cells.
  ///   - format: Markdown or HTML.
  ///   - path: Where the report will be written (Markdown links figures relative to it).
  ///   - readFigure: Reads a figure's bytes (HTML embeds them); the default reads the file.
  /// - Returns: The document.
  public static func render(
    _ cells: [NotebookCell], as format: Format, at path: String,
    readFigure: (String) -> Data? = { FileManager.default.contents(atPath: $0) }
  ) -> String {
    switch format {
    case .markdown:
      return NotebookMarkdown.render(cells) { relativePath(of: $0, from: folder(of: path)) }
    case .html:
      return NotebookHTML.render(cells, readFigure: readFigure)
    }
  }

  /// Renders cells and writes them atomically to `path`, in the format its extension names.
  ///
  /// - Throws: ``Failure`` for an unknown extension or a path that cannot be written.
  /// - Returns: The number of cells and figures written.
  @discardableResult
  public static func write(_ cells: [NotebookCell], to path: String) throws(Failure) -> (
    cells: Int, figures: Int
  ) {
    guard let format = Format(path: path) else {
      let ext = (path as NSString).pathExtension
      throw Failure(
        path: path,
        reason: ext.isEmpty ? "give it a .md or .html name" : "use .md or .html, not .\(ext)")
    }
    do throws(AtomicFile.Failure) {
      try AtomicFile.write(render(cells, as: format, at: path), to: path)
    } catch {
      throw Failure(path: path, reason: error.reason)
    }
    return (cells.count, cells.reduce(0) { $0 + $1.figures.count })
  }

  /// The absolute folder holding `path`.
  static func folder(of path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
  }

  /// `path` relative to `folder` (`../figures/a.png`), both taken from the working folder.
  static func relativePath(of path: String, from folder: String) -> String {
    let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
    let base = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
    var common = 0
    while common < min(target.count - 1, base.count), target[common] == base[common] {
      common += 1
    }
    let ups = Array(repeating: "..", count: base.count - common)
    return (ups + target[common...]).joined(separator: "/")
  }
}
