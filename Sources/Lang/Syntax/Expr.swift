// Copyright © 2026 the ssl authors.

/// A word of a command: a name, number, string, variable or list, with its source span.
///
/// The language has no arithmetic; expressions are the literal words a command takes.
public struct Expr: Hashable, Sendable {
  /// The shapes a word can take.
  public indirect enum Kind: Hashable, Sendable {
    /// A bare name (`byol`, `pets`, `moco-v2`, `within-11.25`): matched against registries.
    case name(String)
    /// A number literal (`600`, `1e-6`, `-0.5`).
    case number(Double)
    /// A string literal with escapes resolved (`"data/pets"`).
    case string(String)
    /// A variable reference `$name` (the name is stored without the `$`).
    case variable(String)
    /// A list literal `[a, b, c]`.
    case list([Expr])
  }

  /// What the word is.
  public var kind: Kind
  /// The word's source text.
  public var span: SourceSpan

  /// Creates a word.
  public init(_ kind: Kind, span: SourceSpan) {
    self.kind = kind
    self.span = span
  }
}

/// A `key=value` option of a command.
public struct CommandOption: Hashable, Sendable {
  /// The option name, as written.
  public var key: String
  /// The span of the key alone.
  public var keySpan: SourceSpan
  /// The value after `=`.
  public var value: Expr

  /// Creates an option.
  public init(key: String, keySpan: SourceSpan, value: Expr) {
    self.key = key
    self.keySpan = keySpan
    self.value = value
  }

  /// The span from the key to the end of the value.
  public var span: SourceSpan { keySpan.merged(with: value.span) }
}
