// Copyright © 2026 the ssl authors.

import Runtime

/// Turns the last value into the table that `show` prints and `save` writes.
enum LastValueTable {
  static func table(_ last: LastValue) -> DataTable {
    switch last {
    case .correlation(let analysis, let query): CorrCommand.table(analysis, query)
    case .results(let rows, let title): results(rows, title: title)
    }
  }

  static func results(_ rows: [ResultRow], title: String) -> DataTable {
    let hasCI = rows.contains { $0.ci95 != nil }
    var columns = ["model", "task", "group", "protocol", "metric", "value"]
    if hasCI { columns.append("±95%") }
    columns.append("source")
    let cells: [[Cell]] = rows.map { row in
      var cells: [Cell] = [
        .text(row.model), .text(row.task), .text(row.group), .text(row.protocol), .text(row.metric),
        .number(row.value, decimals: row.metric == "mean-iou" ? 4 : 2),
      ]
      if hasCI { cells.append(row.ci95.map { .number($0, decimals: 2) } ?? .empty) }
      cells.append(.text(row.provenance.description))
      return cells
    }
    var table = DataTable(title: title, columns: columns, rows: cells)
    table.footnotes = ["\(rows.count) row\(plural(rows.count))"]
    return table
  }
}
