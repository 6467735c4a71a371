// Copyright © 2026 the ssl authors.

/// How serious a diagnostic is.
public enum DiagnosticSeverity: String, Sendable {
  case error
  case warning
  case note
}

/// A secondary message attached to a diagnostic, optionally pointing elsewhere.
public struct DiagnosticNote: Hashable, Sendable {
  /// The text of the note (`did you mean 'pets'?`).
  public var message: String
  /// Where the note points, if anywhere.
  public var span: SourceSpan?

  /// Creates a note.
  public init(_ message: String, span: SourceSpan? = nil) {
    self.message = message
    self.span = span
  }
}

/// A problem found in a program, as data. ``DiagnosticRenderer`` turns it into text.
///
/// The lexer and parser produce diagnostics; runtime failures are ``RuntimeError``s, which are
/// rendered the same way.
public struct Diagnostic: Hashable, Sendable {
  /// A stable identifier, one per message in ``DiagnosticMessages``.
  public var id: DiagnosticID
  /// Error, warning or note.
  public var severity: DiagnosticSeverity
  /// The one-line message.
  public var message: String
  /// The code the diagnostic is about.
  public var span: SourceSpan
  /// Extra lines shown after the caret (suggestions, hints).
  public var notes: [DiagnosticNote]

  /// Creates a diagnostic.
  public init(
    id: DiagnosticID, severity: DiagnosticSeverity = .error, message: String, span: SourceSpan,
    notes: [DiagnosticNote] = []
  ) {
    self.id = id
    self.severity = severity
    self.message = message
    self.span = span
    self.notes = notes
  }
}
