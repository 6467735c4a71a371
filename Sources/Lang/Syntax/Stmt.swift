// Copyright © 2026 the ssl authors.

/// A command as written: a verb, positional words and `key=value` options, in any order.
///
/// `eval pets linear shot=20` is verb `eval`, arguments `[pets, linear]`, options `[shot=20]`.
/// The core gives meaning only to `source`, `help` and `quit`; every other verb is looked up
/// in the builtin registry.
public struct CommandSyntax: Hashable, Sendable {
  /// The command name (the first word of the statement).
  public var verb: String
  /// The span of the verb.
  public var verbSpan: SourceSpan
  /// Positional words, in order.
  public var arguments: [Expr]
  /// Options, in the order written.
  public var options: [CommandOption]

  /// Creates a command.
  public init(verb: String, verbSpan: SourceSpan, arguments: [Expr], options: [CommandOption]) {
    self.verb = verb
    self.verbSpan = verbSpan
    self.arguments = arguments
    self.options = options
  }
}

/// One statement of a program.
public struct Stmt: Hashable, Sendable {
  /// The statement forms.
  public indirect enum Kind: Hashable, Sendable {
    /// `verb words… key=value…`
    case command(CommandSyntax)
    /// `let name = word`
    case `let`(name: String, nameSpan: SourceSpan, value: Expr)
    /// `for name in word { statements }`
    case `for`(variable: String, variableSpan: SourceSpan, sequence: Expr, body: [Stmt])
  }

  /// What the statement is.
  public var kind: Kind
  /// The statement's whole source text (without its terminator).
  public var span: SourceSpan

  /// Creates a statement.
  public init(_ kind: Kind, span: SourceSpan) {
    self.kind = kind
    self.span = span
  }
}
