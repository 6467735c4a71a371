// Copyright © 2026 the ssl authors.

/// Renders a ``DataTable`` as aligned plain text: text left-aligned, numbers right-aligned,
/// two spaces between columns.
enum TextTable {
  /// The table as lines, ending with a newline.
  static func render(_ table: DataTable) -> String {
    let header = table.columns.map { Cell.text($0) }
    let all = [header] + table.rows
    let count = table.columns.count
    var widths = Array(repeating: 0, count: count)
    for row in all {
      for (i, cell) in row.prefix(count).enumerated() {
        widths[i] = max(widths[i], cell.display.count)
      }
    }
    var numeric = Array(repeating: false, count: count)
    for i in 0..<count {
      numeric[i] = table.rows.contains { $0.count > i && $0[i].isNumeric }
    }
    var out = table.title.isEmpty ? "" : table.title + "\n"
    for row in all {
      var cells: [String] = []
      for i in 0..<count {
        let text = i < row.count ? row[i].display : ""
        let pad = String(repeating: " ", count: widths[i] - text.count)
        cells.append(numeric[i] ? pad + text : text + pad)
      }
      out += trimRight(cells.joined(separator: "  ")) + "\n"
    }
    for note in table.footnotes { out += note + "\n" }
    return out
  }

  private static func trimRight(_ s: String) -> String {
    var s = Substring(s)
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
