// Copyright © 2026 the ssl authors.

/// Stable identifiers of the lexer's and parser's diagnostics (please keep sorted).
///
/// An identifier names a kind of problem; its text lives in ``DiagnosticMessages``. Tests
/// check identifiers, golden files check the rendered text. Never rename a case: scripts and
/// tests may refer to the raw value.
public enum DiagnosticID: String, CaseIterable, Sendable {
  /// A `let` or `for` header is followed by more words (`let x = a b`).
  case expectedEndOfStatement
  /// `for m in xs` is not followed by `{`.
  case expectedForBody
  /// `for m` is not followed by `in`.
  case expectedForIn
  /// `for` is not followed by a variable name.
  case expectedForVariable
  /// `let x` is not followed by `=`.
  case expectedLetEquals
  /// `let` is not followed by a name.
  case expectedLetName
  /// A list is interrupted by `;` or `}` before its `]`.
  case expectedListClose
  /// A statement does not start with a command name (`600`, `"x"`, `x = 1`).
  case expectedStatement
  /// A value is missing after `=`, `let x =` or `for m in`.
  case expectedValue
  /// A string contains an escape other than `\"`, `\\`, `\n`, `\t`.
  case invalidEscape
  /// A signed or dot-led number runs into name characters (`-3d`, `.5x`).
  case invalidNumber
  /// `$` is not followed by a name.
  case invalidVariableName
  /// `=` does not follow an option name (`600=3`, `a=b=c`).
  case misplacedEquals
  /// A `key=value` option appears inside `[ … ]`.
  case optionInList
  /// `{` appears where no block can start.
  case unexpectedBrace
  /// A character that starts no token (`@`, `é`, a stray `-`).
  case unexpectedCharacter
  /// `,` appears outside a list.
  case unexpectedComma
  /// The input ends inside an open `{` or `[`, or before the body of a `for`.
  case unexpectedEndOfInput
  /// `}` closes no block.
  case unmatchedBrace
  /// `]` closes no list.
  case unmatchedBracket
  /// A string reaches the end of its line or of the input before its closing `"`.
  case unterminatedString
}

/// The text of every lexer and parser diagnostic, one factory per message (please keep sorted).
///
/// Each factory returns a complete ``Diagnostic`` (identifier, text, span and notes), so that a
/// message's wording exists in exactly one place. Quoted source text is shortened by
/// ``quoted(_:)`` so a long token cannot flood a message.
package enum DiagnosticMessages {
  // MARK: - Messages (alphabetical by identifier)

  /// `expected end of statement, found 'b'`
  package static func expectedEndOfStatement(found: String, at span: SourceSpan) -> Diagnostic {
    Diagnostic(
      id: .expectedEndOfStatement, message: "expected end of statement, found \(found)",
      span: span)
  }

  /// `expected '{' to start the body of 'for'`
  package static func expectedForBody(found: String, at span: SourceSpan) -> Diagnostic {
    Diagnostic(
      id: .expectedForBody, message: "expected '{' to start the body of 'for', found \(found)",
      span: span)
  }

  /// `expected 'in' after 'for m'`
  package static func expectedForIn(variable: String, at span: SourceSpan) -> Diagnostic {
    Diagnostic(id: .expectedForIn, message: "expected 'in' after 'for \(variable)'", span: span)
  }

  /// `expected a variable name after 'for'`
  package static func expectedForVariable(found: String, at span: SourceSpan) -> Diagnostic {
    Diagnostic(
      id: .expectedForVariable, message: "expected a variable name after 'for', found \(found)",
      span: span)
  }

  /// `expected '=' after 'let x'`
  package static func expectedLetEquals(name: String, at span: SourceSpan) -> Diagnostic {
    Diagnostic(id: .expectedLetEquals, message: "expected '=' after 'let \(name)'", span: span)
  }

  /// `expected a name after 'let'`
  package static func expectedLetName(found: String, at span: SourceSpan) -> Diagnostic {
    Diagnostic(
      id: .expectedLetName, message: "expected a name after 'let', found \(found)", span: span)
  }

  /// `expected ']' to close the list opened on line 2`, with a note at the `[`.
  package static func expectedListClose(
    found: String, at span: SourceSpan, opener: SourceSpan, openerLine: Int
  ) -> Diagnostic {
    Diagnostic(
      id: .expectedListClose,
      message: "expected ']' to close the list opened on line \(openerLine), found \(found)",
      span: span, notes: [DiagnosticNote("'[' opened here", span: opener)])
  }

  /// `expected a command, found '600'`
  package static func expectedStatement(found: String, at span: SourceSpan) -> Diagnostic {
    Diagnostic(id: .expectedStatement, message: "expected a command, found \(found)", span: span)
  }

  /// `x = 1` at the start of a statement: the user probably forgot `let`.
  package static func expectedStatementMissingLet(name: String, at span: SourceSpan) -> Diagnostic {
    Diagnostic(
      id: .expectedStatement, message: "expected a command, found '\(name) ='", span: span,
      notes: [DiagnosticNote("to bind a name, write 'let \(name) = …'")])
  }

  /// `expected a value after 'shot='`
  package static func expectedValue(after context: String, found: String, at span: SourceSpan)
    -> Diagnostic
  {
    Diagnostic(
      id: .expectedValue, message: "expected a value after '\(context)', found \(found)",
      span: span)
  }

  /// `invalid escape '\q' in string`
  package static func invalidEscape(_ sequence: String, at span: SourceSpan) -> Diagnostic {
    Diagnostic(
      id: .invalidEscape, message: "invalid escape '\(sequence)' in string", span: span,
      notes: [DiagnosticNote(#"the escapes are \" \\ \n \t"#)])
  }

  /// `invalid number '-3d'`
  package static func invalidNumber(_ text: String, at span: SourceSpan) -> Diagnostic {
    Diagnostic(id: .invalidNumber, message: "invalid number \(quoted(text))", span: span)
  }

  /// `expected a variable name after '$'`
  package static func invalidVariableName(at span: SourceSpan) -> Diagnostic {
    Diagnostic(id: .invalidVariableName, message: "expected a variable name after '$'", span: span)
  }

  /// `'=' must follow an option name, as in 'shot=20'`
  package static func misplacedEquals(at span: SourceSpan) -> Diagnostic {
    Diagnostic(
      id: .misplacedEquals, message: "'=' must follow an option name, as in 'shot=20'",
      span: span)
  }

  /// `options cannot appear inside a list`
  package static func optionInList(at span: SourceSpan) -> Diagnostic {
    Diagnostic(id: .optionInList, message: "options cannot appear inside a list", span: span)
  }

  /// `unexpected '{': only 'for' takes a block`
  package static func unexpectedBrace(at span: SourceSpan) -> Diagnostic {
    Diagnostic(
      id: .unexpectedBrace, message: "unexpected '{': only 'for' takes a block", span: span)
  }

  /// `unexpected character '@'`
  package static func unexpectedCharacter(_ scalar: Unicode.Scalar, at span: SourceSpan)
    -> Diagnostic
  {
    let shown =
      scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
      ? "U+" + String(scalar.value, radix: 16, uppercase: true) : "'\(scalar)'"
    return Diagnostic(
      id: .unexpectedCharacter, message: "unexpected character \(shown)", span: span)
  }

  /// `unexpected ',' outside a list`
  package static func unexpectedComma(at span: SourceSpan) -> Diagnostic {
    Diagnostic(id: .unexpectedComma, message: "unexpected ',' outside a list", span: span)
  }

  /// `unexpected end of input: '{' opened on line 3 is not closed`, with a note at the opener.
  package static func unexpectedEndOfInput(
    opener: String, openerSpan: SourceSpan, openerLine: Int, at span: SourceSpan
  ) -> Diagnostic {
    Diagnostic(
      id: .unexpectedEndOfInput,
      message: "unexpected end of input: '\(opener)' opened on line \(openerLine) is not closed",
      span: span, notes: [DiagnosticNote("'\(opener)' opened here", span: openerSpan)])
  }

  /// `unexpected end of input: expected '{' to start the body of 'for'`
  package static func unexpectedEndOfInputBeforeForBody(at span: SourceSpan) -> Diagnostic {
    Diagnostic(
      id: .unexpectedEndOfInput,
      message: "unexpected end of input: expected '{' to start the body of 'for'", span: span)
  }

  /// `unmatched '}'`
  package static func unmatchedBrace(at span: SourceSpan) -> Diagnostic {
    Diagnostic(id: .unmatchedBrace, message: "unmatched '}'", span: span)
  }

  /// `unmatched ']'`
  package static func unmatchedBracket(at span: SourceSpan) -> Diagnostic {
    Diagnostic(id: .unmatchedBracket, message: "unmatched ']'", span: span)
  }

  /// `unterminated string`
  package static func unterminatedString(at span: SourceSpan) -> Diagnostic {
    Diagnostic(
      id: .unterminatedString, message: "unterminated string", span: span,
      notes: [DiagnosticNote("strings end on the line they start; add a closing '\"'")])
  }

  // MARK: - Helpers

  /// Source text in single quotes, shortened to 24 characters so messages stay one line.
  ///
  /// - Parameter text: The source text of a token.
  /// - Returns: `'text'`, or `'first 23 characters…'`.
  package static func quoted(_ text: String) -> String {
    text.count <= 24 ? "'\(text)'" : "'\(text.prefix(23))…'"
  }
}
