// Copyright © 2026 the ssl authors.

/// A strict reader for the results CSV format of `reference-results.csv`.
///
/// The format: a header `model,task,group,protocol,metric,value,ci95,better`, then one row per
/// number, fields separated by commas with no quoting. `value` is a finite decimal, `ci95` is
/// empty or a finite decimal, `better` is `higher` or `lower`, and `group` is one of
/// ``TaskCatalog/groups``. Lines may end in `\n` or `\r\n`; only the final line may be empty.
/// The first problem found is thrown, naming its 1-based line and column.
enum ResultsCSVParser {
  /// Parses CSV text into rows.
  ///
  /// - Parameters:
  ///   - text: The CSV text.
  ///   - provenance: The provenance of every row, or nil for `.reference(table:)` by group.
  /// - Returns: The rows, in file order.
  /// - Throws: ``ResultsCSVError`` for the first malformed line.
  static func parse(
    _ text: String, provenance: Provenance?
  ) throws(ResultsCSVError) -> [ResultRow] {
    // "\r\n" is a single Character in Swift, so both line endings are matched explicitly.
    var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    // A trailing newline leaves one empty final piece; that is allowed.
    if lines.last?.isEmpty == true { lines.removeLast() }
    guard let headerLine = lines.first else { throw .empty }
    let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    guard header == ResultsCSVError.header else { throw .wrongHeader(found: header) }

    var rows: [ResultRow] = []
    var firstLineOfKey: [RowKey: Int] = [:]
    for (index, line) in lines.enumerated().dropFirst() {
      let lineNumber = index + 1
      let row = try parseRow(line, lineNumber: lineNumber, provenance: provenance)
      let key = RowKey(row: row)
      if let first = firstLineOfKey[key] {
        throw .duplicateRow(line: lineNumber, firstLine: first)
      }
      firstLineOfKey[key] = lineNumber
      rows.append(row)
    }
    return rows
  }

  /// Identity of a row for duplicate detection.
  private struct RowKey: Hashable {
    var model: String
    var column: ColumnKey
    init(row: ResultRow) {
      model = row.model
      column = ColumnKey(row)
    }
  }

  private static func parseRow(
    _ line: Substring, lineNumber: Int, provenance: Provenance?
  ) throws(ResultsCSVError) -> ResultRow {
    let header = ResultsCSVError.header
    if line.isEmpty { throw .blankLine(line: lineNumber) }
    let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    guard fields.count == header.count else {
      throw .wrongFieldCount(line: lineNumber, expected: header.count, found: fields.count)
    }
    for (column, field) in zip(header, fields) where field.contains("\"") {
      throw .quotedField(line: lineNumber, column: column)
    }
    // Every field except ci95 is required.
    for (column, field) in zip(header, fields) where column != "ci95" {
      if field.allSatisfy({ $0 == " " }) { throw .emptyField(line: lineNumber, column: column) }
    }
    let group = fields[2]
    guard TaskCatalog.groups.contains(group) else {
      throw .unknownGroup(line: lineNumber, text: group)
    }
    let value = try number(fields[5], line: lineNumber, column: "value")
    let ci95 = fields[6].isEmpty ? nil : try number(fields[6], line: lineNumber, column: "ci95")
    guard let better = MetricDirection(rawValue: fields[7]) else {
      throw .invalidDirection(line: lineNumber, text: fields[7])
    }
    let table = Provenance.referenceTable(forGroup: group) ?? 0
    return ResultRow(
      model: fields[0], task: fields[1], group: group, protocol: fields[3], metric: fields[4],
      value: value, ci95: ci95, better: better,
      provenance: provenance ?? .reference(table: table))
  }

  /// A finite decimal: digits with an optional sign, point and exponent (no `nan`, `inf`,
  /// hex or surrounding spaces, all of which `Double(_:)` would otherwise accept).
  private static func number(
    _ text: String, line: Int, column: String
  ) throws(ResultsCSVError) -> Double {
    let allowed = text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
    guard allowed, text.contains(where: \.isNumber), let value = Double(text), value.isFinite
    else { throw .invalidNumber(line: line, column: column, text: text) }
    return value
  }
}
