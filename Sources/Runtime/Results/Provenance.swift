// Copyright © 2026 the ssl authors.

/// Where a result came from: a table of the published paper, or a measurement made here.
public enum Provenance: Hashable, Sendable, CustomStringConvertible {
  /// A number published in Ericsson, Gouk & Hospedales (CVPR 2021), Table `table`.
  case reference(table: Int)
  /// A number measured by this tool; `description` says how (model, protocol, date…).
  case measured(description: String)

  /// The paper table that holds a result group.
  ///
  /// `imagenet` and `manyshot` → 1, `fewshot` → 2, `cdfsl` → 3, `detection` → 4, `dense` → 5.
  ///
  /// - Parameter group: A group name as spelled in the CSV.
  /// - Returns: The table number, or nil for an unknown group.
  public static func referenceTable(forGroup group: String) -> Int? {
    switch group {
    case "imagenet", "manyshot": 1
    case "fewshot": 2
    case "cdfsl": 3
    case "detection": 4
    case "dense": 5
    default: nil
    }
  }

  /// `reference (Ericsson et al. 2021, Table N)` or `measured (…)`.
  public var description: String {
    switch self {
    case .reference(let table): "reference (Ericsson et al. 2021, Table \(table))"
    case .measured(let description): "measured (\(description))"
    }
  }
}
