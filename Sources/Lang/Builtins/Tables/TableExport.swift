// Copyright © 2026 the ssl authors.

import Foundation

/// Writes a ``DataTable`` as CSV (RFC 4180 quoting), JSON (an array of objects, numbers as
/// numbers) or a Markdown table.
enum TableExport {
  /// The formats `save` understands, by file extension.
  enum Format: String, CaseIterable, Sendable {
    case csv, json, md
  }

  /// The table in a format.
  static func render(_ table: DataTable, as format: Format) -> String {
    switch format {
    case .csv: return csv(table)
    case .json: return json(table)
    case .md: return markdown(table)
    }
  }

  static func csv(_ table: DataTable) -> String {
    func quote(_ s: String) -> String {
      guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
        return s
      }
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    var out = table.columns.map(quote).joined(separator: ",") + "\n"
    for row in table.rows { out += row.map { quote($0.exportText) }.joined(separator: ",") + "\n" }
    return out
  }

  static func json(_ table: DataTable) -> String {
    var objects: [String] = []
    for row in table.rows {
      var fields: [String] = []
      for (i, column) in table.columns.enumerated() {
        let cell = i < row.count ? row[i] : .empty
        let value: String
        switch cell {
        case .text(let s): value = jsonString(s)
        case .number(let x, _), .probability(let x): value = x.isFinite ? "\(x)" : "null"
        case .empty: value = "null"
        }
        fields.append("\(jsonString(column)): \(value)")
      }
      objects.append("  {" + fields.joined(separator: ", ") + "}")
    }
    return "[\n" + objects.joined(separator: ",\n") + (objects.isEmpty ? "]\n" : "\n]\n")
  }

  static func markdown(_ table: DataTable) -> String {
    func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
    var out = table.title.isEmpty ? "" : "**\(escape(table.title))**\n\n"
    out += "| " + table.columns.map(escape).joined(separator: " | ") + " |\n"
    out += "|" + table.columns.indices.map { i in
      table.rows.contains { $0.count > i && $0[i].isNumeric } ? " ---: |" : " --- |"
    }.joined() + "\n"
    for row in table.rows { out += "| " + row.map { escape($0.display) }.joined(separator: " | ") + " |\n" }
    for note in table.footnotes { out += "\n" + escape(note) + "\n" }
    return out
  }

  static func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

