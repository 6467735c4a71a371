// Copyright © 2026 the ssl authors.

/// A value of the language.
///
/// Representation: `number`, `string` and `symbol` are plain values; `list` holds ``Word``s,
/// so each element remembers where it was written (errors about one element of
/// `load [byol, swav2]` point at `swav2`). Lists are Swift arrays and therefore values too —
/// `let` binds a copy. `native` wraps an object defined by the builtins (a model, a result
/// table, a correlation); a native object must itself behave as a value (a struct, or an
/// immutable class), because statements roll back by copying session state.
public indirect enum Value: Sendable {
  /// A number literal.
  case number(Double)
  /// A string literal.
  case string(String)
  /// A bare name, resolved against registries by the command that receives it.
  case symbol(String)
  /// A list of words.
  case list([Word])
  /// An object owned by the builtins.
  case native(any NativeObject)
}

/// A value together with the source text it came from.
public struct Word: Sendable {
  /// The value.
  public var value: Value
  /// Where it was written (for a variable, where the variable was used).
  public var span: SourceSpan

  /// Creates a word.
  public init(_ value: Value, span: SourceSpan) {
    self.value = value
    self.span = span
  }
}

/// An object the builtins put into the language (a model, a table, a correlation).
public protocol NativeObject: Sendable {
  /// The type name shown in messages (`model`, `results`).
  var typeName: String { get }
  /// A one-line description.
  var description: String { get }
}

extension Value {
  /// The type name used in messages: `number`, `string`, `name`, `list` or the native type.
  public var typeName: String {
    switch self {
    case .number: "number"
    case .string: "string"
    case .symbol: "name"
    case .list: "list"
    case .native(let object): object.typeName
    }
  }

  /// How the value prints: numbers without a trailing `.0`, lists in brackets.
  public var displayText: String {
    switch self {
    case .number(let x):
      if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
      return "\(x)"
    case .string(let s): return s
    case .symbol(let s): return s
    case .list(let words): return "[" + words.map(\.value.displayText).joined(separator: ", ") + "]"
    case .native(let object): return object.description
    }
  }
}
