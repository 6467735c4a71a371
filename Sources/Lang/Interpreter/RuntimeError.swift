// Copyright © 2026 the ssl authors.

/// A statement that could not run: the message, the code it is about, and how we got there.
///
/// Library errors (typed enums in `Runtime`) are turned into runtime errors by the builtins,
/// which know which argument was at fault and so which span to point at.
public struct RuntimeError: Error, Sendable {
  /// One line saying what went wrong.
  public var message: String
  /// The code at fault (the argument, option or statement).
  public var span: SourceSpan?
  /// Suggestions and hints, shown after the source line.
  public var notes: [DiagnosticNote]
  /// The chain of `source` statements that led here, innermost first.
  public var stack: [Frame]

  /// One level of `source` nesting.
  public struct Frame: Sendable {
    /// The `source` statement.
    public var span: SourceSpan
    /// The file it ran.
    public var file: String
  }

  /// Creates an error.
  public init(_ message: String, at span: SourceSpan?, notes: [DiagnosticNote] = []) {
    self.message = message
    self.span = span
    self.notes = notes
    self.stack = []
  }

  /// Creates an error with a `did you mean` note when a suggestion exists.
  public init(_ message: String, at span: SourceSpan?, suggestion: String?) {
    self.init(message, at: span, notes: suggestion.map { [DiagnosticNote("did you mean '\($0)'?")] } ?? [])
  }
}
