// Copyright © 2026 the ssl authors.

import Foundation

/// One cell of a printed or exported table.
enum Cell: Sendable, Hashable {
  /// Text, left-aligned.
  case text(String)
  /// A number shown with a fixed number of decimals, right-aligned; exported in full.
  case number(Double, decimals: Int)
  /// A number in scientific notation when small (p-values).
  case probability(Double)
  /// Nothing.
  case empty

  /// The text shown in aligned tables and Markdown.
  var display: String {
    switch self {
    case .text(let s): return s
    case .number(let x, let d):
      if x.isNaN { return "nan" }
      return formatFixed(x, decimals: d)
    case .probability(let p):
      if p.isNaN { return "nan" }
      if p < 1e-3 { return formatScientific(p) }
      return formatFixed(p, decimals: 3)
    case .empty: return ""
    }
  }

  /// The value exported to CSV and JSON: full precision for numbers.
  var exportText: String {
    switch self {
    case .text(let s): return s
    case .number(let x, _), .probability(let x): return x.isNaN ? "" : "\(x)"
    case .empty: return ""
    }
  }

  var isNumeric: Bool {
    switch self {
    case .number, .probability: true
    default: false
    }
  }
}

/// A table: what `show` prints, `save` exports, and `plot` may draw.
struct DataTable: Sendable {
  /// A heading printed above the table.
  var title: String
  /// Column names.
  var columns: [String]
  /// Rows of cells, each as long as ``columns``.
  var rows: [[Cell]]
  /// Lines printed under the table (notes on transforms, counts).
  var footnotes: [String] = []
}

/// Formats with a fixed number of decimals (POSIX formatting: always a `.`).
func formatFixed(_ x: Double, decimals: Int) -> String {
  guard x.isFinite else { return x > 0 ? "inf" : (x < 0 ? "-inf" : "nan") }
  let text = String(format: "%.*f", decimals, x)
  // "-0.000" reads as a sign that is not there.
  if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
    return String(text.dropFirst())
  }
  return text
}

/// Formats a small positive number as `3.1e-06`.
func formatScientific(_ x: Double) -> String { String(format: "%.1e", x) }
