// Copyright © 2026 the ssl authors.

/// Why a results CSV could not be read; every case names the 1-based line (and column).
public enum ResultsCSVError: Error, Equatable, Sendable, CustomStringConvertible {
  // MARK: Structure

  /// The text has no header line.
  case empty
  /// The first line is not `model,task,group,protocol,metric,value,ci95,better`.
  case wrongHeader(found: [String])
  /// A line has the wrong number of comma-separated fields.
  case wrongFieldCount(line: Int, expected: Int, found: Int)
  /// A blank line appears before the end of the text.
  case blankLine(line: Int)
  /// A field contains a double quote; the format has no quoting.
  case quotedField(line: Int, column: String)

  // MARK: Field values

  /// A required field is empty (or only spaces).
  case emptyField(line: Int, column: String)
  /// `value` or `ci95` is not a finite decimal number.
  case invalidNumber(line: Int, column: String, text: String)
  /// `better` is neither `higher` nor `lower`.
  case invalidDirection(line: Int, text: String)
  /// `group` is not one of the six known groups.
  case unknownGroup(line: Int, text: String)
  /// The same (model, task, group, protocol, metric) appeared before, on `firstLine`.
  case duplicateRow(line: Int, firstLine: Int)

  /// The expected header fields, in order.
  public static let header = [
    "model", "task", "group", "protocol", "metric", "value", "ci95", "better",
  ]

  /// A one-line message naming the line and column at fault.
  public var description: String {
    switch self {
    case .empty:
      "results CSV is empty"
    case .wrongHeader(let found):
      "line 1: expected header '\(Self.header.joined(separator: ","))', "
        + "found '\(found.joined(separator: ","))'"
    case .wrongFieldCount(let line, let expected, let found):
      "line \(line): expected \(expected) fields, found \(found)"
    case .blankLine(let line):
      "line \(line): blank line inside the table"
    case .quotedField(let line, let column):
      "line \(line), column '\(column)': quotes are not supported"
    case .emptyField(let line, let column):
      "line \(line), column '\(column)': empty field"
    case .invalidNumber(let line, let column, let text):
      "line \(line), column '\(column)': '\(text)' is not a finite number"
    case .invalidDirection(let line, let text):
      "line \(line), column 'better': '\(text)' is not 'higher' or 'lower'"
    case .unknownGroup(let line, let text):
      "line \(line), column 'group': unknown group '\(text)'"
    case .duplicateRow(let line, let firstLine):
      "line \(line): duplicates the row on line \(firstLine)"
    }
  }
}
