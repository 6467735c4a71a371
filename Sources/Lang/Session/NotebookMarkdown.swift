// Copyright © 2026 the ssl authors.

import Foundation

/// A session as Markdown: each cell's statement in an `ssl` code block, its output in a
/// `text` block (standard error in a second one), and its figures as image links.
enum NotebookMarkdown {
  /// Renders cells; `link` turns a figure's path into the link written in the document.
  static func render(_ cells: [NotebookCell], link: (String) -> String) -> String {
    var out = "# ssl session\n"
    for cell in cells {
      out += "\n" + block(cell.source, language: "ssl")
      if !cell.stdout.isEmpty { out += "\n" + block(cell.stdout, language: "text") }
      if !cell.stderr.isEmpty { out += "\n" + block(cell.stderr, language: "text") }
      for figure in cell.figures {
        let name = (figure as NSString).lastPathComponent
        out += "\n![\(name)](\(escapedLink(link(figure))))\n"
      }
    }
    return out
  }

  /// A fenced block whose fence is longer than any run of backticks in the text.
  static func block(_ text: String, language: String) -> String {
    var longest = 0
    var run = 0
    for c in text {
      run = c == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    let body = text.hasSuffix("\n") ? text : text + "\n"
    return fence + language + "\n" + body + fence + "\n"
  }

  /// A link target with everything but letters, digits and `/._-~` percent-encoded, so
  /// spaces, parentheses and angle brackets cannot end it early.
  static func escapedLink(_ path: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "/._-~")
    return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
  }
}
