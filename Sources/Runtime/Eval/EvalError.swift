// Copyright © 2026 the ssl authors.

/// Why an evaluation protocol could not run on the inputs it was given.
///
/// Every case is an input problem the caller can fix (shapes, labels, parameters). Numerical
/// non-convergence is not an error: solvers report it in their results (for example
/// ``LogisticFitReport/stop``), as sklearn reports a `ConvergenceWarning` and carries on.
public enum EvalError: Error, Equatable, Sendable, CustomStringConvertible {
  // MARK: Shapes

  /// A feature matrix's value count is not `rows × columns`.
  case badFeatureShape(rows: Int, columns: Int, count: Int)
  /// Two inputs that must agree in length or width do not.
  case sizeMismatch(what: String, expected: Int, actual: Int)
  /// A protocol got no samples (or too few) to work with.
  case tooFewSamples(what: String, count: Int, needed: Int)
  /// Features hold NaN or infinite values (a diverged checkpoint, a broken export): `count`
  /// of them, the first in row `firstRow`. No protocol runs on them.
  case nonFiniteFeatures(count: Int, rows: Int, firstRow: Int)
  /// A classifier needs at least two classes in its training split.
  case singleClass(label: Int)

  // MARK: Labels and parameters

  /// A class label is negative or not below the class count.
  case labelOutOfRange(label: Int, classCount: Int)
  /// A parameter is outside its allowed range.
  case invalidParameter(name: String, value: Double, reason: String)
  /// An episode asks for more classes than the data has.
  case tooFewClasses(way: Int, classCount: Int)
  /// A class has fewer samples than an episode needs.
  case classTooSmall(label: Int, count: Int, needed: Int)

  /// A message naming the input at fault.
  public var description: String {
    switch self {
    case .badFeatureShape(let rows, let columns, let count):
      "feature matrix \(rows)×\(columns) needs \(rows * columns) values, got \(count)"
    case .sizeMismatch(let what, let expected, let actual):
      "\(what): expected \(expected), got \(actual)"
    case .tooFewSamples(let what, let count, let needed):
      "\(what): \(count) samples, at least \(needed) needed"
    case .nonFiniteFeatures(let count, let rows, let firstRow):
      "\(count) feature values in \(rows) rows are NaN or infinite (first in row \(firstRow)); "
        + "check the checkpoint or the feature file"
    case .singleClass(let label):
      "every training sample has label \(label); a classifier needs at least two classes"
    case .labelOutOfRange(let label, let classCount):
      "label \(label) is outside 0..<\(classCount)"
    case .invalidParameter(let name, let value, let reason):
      "\(name) = \(value): \(reason)"
    case .tooFewClasses(let way, let classCount):
      "way=\(way) needs \(way) classes per episode; the data has \(classCount)"
    case .classTooSmall(let label, let count, let needed):
      "class \(label) has \(count) samples, an episode needs \(needed) (shot + query)"
    }
  }
}
