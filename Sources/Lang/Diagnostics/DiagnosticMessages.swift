// Copyright © 2026 the ssl authors.

/// Stable identifiers of the lexer's and parser's diagnostics (please keep sorted).
public enum DiagnosticID: String, CaseIterable, Sendable {
  case unexpectedCharacter
  case unexpectedEndOfInput
}
