// Copyright © 2026 the ssl authors.

import Foundation

/// A session as one self-contained HTML page: inline CSS, every statement and its output as
/// escaped preformatted text, figures embedded as base64 `data:` URIs (so the file can be
/// mailed or attached alone).
enum NotebookHTML {
  /// Renders cells; `readFigure` returns a figure's PNG bytes, or nil when it is gone.
  static func render(_ cells: [NotebookCell], readFigure: (String) -> Data?) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>ssl session</title>
      <style>
      \(style)
      </style>
      </head>
      <body>
      <main>
      <h1>ssl session</h1>

      """
    for (index, cell) in cells.enumerated() {
      out += "<section class=\"cell\">\n"
      out += "<div class=\"prompt\">[\(index + 1)]</div>\n"
      out += "<pre class=\"source\"><code>\(escaped(cell.source))</code></pre>\n"
      if !cell.stdout.isEmpty { out += "<pre class=\"stdout\">\(escaped(cell.stdout))</pre>\n" }
      if !cell.stderr.isEmpty { out += "<pre class=\"stderr\">\(escaped(cell.stderr))</pre>\n" }
      for figure in cell.figures {
        out += "<figure>\n"
        if let data = readFigure(figure) {
          out +=
            "<img alt=\"\(escaped(figure))\" src=\"data:\(mediaType(figure));base64,"
            + "\(data.base64EncodedString())\">\n"
        } else {
          out += "<p class=\"missing\">figure no longer on disk</p>\n"
        }
        out += "<figcaption>\(escaped(figure))</figcaption>\n</figure>\n"
      }
      out += "</section>\n"
    }
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  /// Text safe inside elements and attribute values.
  static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  /// The media type for a figure's extension (the plots are PNG).
  static func mediaType(_ path: String) -> String {
    switch (path as NSString).pathExtension.lowercased() {
    case "svg": "image/svg+xml"
    case "jpg", "jpeg": "image/jpeg"
    default: "image/png"
    }
  }

  static let style = """
    body { margin: 0; background: #f6f7f9; color: #1d232b;
      font: 15px/1.45 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
    main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
    h1 { font-size: 22px; font-weight: 600; margin: 8px 0 20px; }
    .cell { background: #fff; border: 1px solid #dde1e6; border-radius: 6px;
      margin: 0 0 16px; padding: 10px 14px 12px; position: relative; }
    .prompt { position: absolute; right: 12px; top: 8px; color: #8a94a0; font-size: 12px; }
    pre { margin: 6px 0; padding: 8px 10px; overflow-x: auto; border-radius: 4px;
      font: 13px/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; white-space: pre; }
    pre.source { background: #eef3fb; border-left: 3px solid #3b73c4; }
    pre.stdout { background: #fafafa; }
    pre.stderr { background: #fdf1f0; color: #9c2a1e; }
    figure { margin: 10px 0 4px; }
    figure img { max-width: 100%; height: auto; border: 1px solid #e3e6ea; }
    figcaption { color: #5b6570; font-size: 12px; margin-top: 2px; }
    .missing { color: #9c2a1e; font-style: italic; }
    """
}
