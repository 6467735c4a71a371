// Copyright © 2026 the ssl authors.

/// How fused models' features are combined (§8.4, `--fuse-mode`).
public enum FusionMode: String, CaseIterable, Sendable {
  /// Concatenation (the seed code's default).
  case cat
  /// Element-wise sum (equal dimensions).
  case add
  /// Element-wise mean (equal dimensions).
  case mean
}

/// Feature fusion of §8.4: several models' features of the same images, row-aligned.
public enum FeatureFusion {
  /// Combines `parts` (same rows, same image order) by `mode`.
  ///
  /// - Throws: ``InvarianceError/fusionNeedsTwoModels(count:)``,
  ///   ``InvarianceError/rowCountMismatch(expected:found:)``, or
  ///   ``InvarianceError/fusionDimensionMismatch(mode:dimensions:)`` for add/mean.
  public static func fuse(_ parts: [FeatureMatrix], mode: FusionMode) throws(InvarianceError) -> FeatureMatrix {
    guard parts.count >= 2, let first = parts.first else { throw .fusionNeedsTwoModels(count: parts.count) }
    let rows = first.rows
    for part in parts where part.rows != rows { throw .rowCountMismatch(expected: rows, found: part.rows) }
    switch mode {
    case .cat:
      let columns = parts.reduce(0) { $0 + $1.columns }
      var values = [Float]()
      values.reserveCapacity(rows * columns)
      for row in 0..<rows {
        for part in parts {
          values.append(contentsOf: part.values[(row * part.columns)..<((row + 1) * part.columns)])
        }
      }
      return FeatureMatrix(checkedRows: rows, columns: columns, values: values)
    case .add, .mean:
      guard parts.allSatisfy({ $0.columns == first.columns }) else {
        throw .fusionDimensionMismatch(mode: mode.rawValue, dimensions: parts.map(\.columns))
      }
      var values = first.values
      for part in parts.dropFirst() {
        for i in values.indices { values[i] += part.values[i] }
      }
      if mode == .mean {
        let scale = Float(parts.count)
        for i in values.indices { values[i] /= scale }
      }
      return FeatureMatrix(checkedRows: rows, columns: first.columns, values: values)
    }
  }

  /// The §8.4 regularisation grid for a fused entry named like `a+b+c` (shifted by 2c).
  public static func grid(forFusedName name: String, count: Int = 45) -> RegularizationGrid {
    RegularizationGrid(count: count, shift: RegularizationGrid.invarianceShift(modelName: name))
  }
}
