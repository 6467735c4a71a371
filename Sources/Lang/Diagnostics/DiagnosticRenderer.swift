// Copyright © 2026 the ssl authors.

/// Turns diagnostics and runtime errors into clang-style text.
///
/// ```
/// script.ssl:2:6: error: unknown dataset 'petz'
/// eval petz linear
///      ^~~~
/// note: did you mean 'pets'?
/// ```
///
/// The first line is `name:line:column: severity: message` (1-based; the column counts
/// characters, not bytes). Then come the source line and a caret line: `^` under the first
/// character of the span and `~` under the rest of it on that line. Tabs of the source line
/// are repeated in the caret line so the caret stays aligned in a terminal. Each note follows
/// on its own line, prefixed with its own location when it points somewhere else. Every line
/// ends with `"\n"`. Colour (ANSI escapes) is added only when asked for.
public struct DiagnosticRenderer: Sendable {
  /// The files spans refer to.
  public var files: SourceFileTable
  /// Whether to add ANSI colour and bold.
  public var useColor: Bool

  /// Creates a renderer.
  ///
  /// - Parameters:
  ///   - files: The files every rendered span points into.
  ///   - useColor: Whether to add ANSI colour (for a terminal).
  public init(files: SourceFileTable, useColor: Bool = false) {
    self.files = files
    self.useColor = useColor
  }

  /// Renders a lexer or parser diagnostic.
  ///
  /// - Parameter diagnostic: The diagnostic.
  /// - Returns: The text, one or more lines each ending in `"\n"`.
  public func render(_ diagnostic: Diagnostic) -> String {
    render(
      severity: diagnostic.severity, message: diagnostic.message, span: diagnostic.span,
      notes: diagnostic.notes)
  }

  /// Renders any message; runtime errors use this form.
  ///
  /// - Parameters:
  ///   - severity: Error, warning or note.
  ///   - message: The one-line message.
  ///   - span: The code the message is about; nil prints the message alone.
  ///   - notes: Lines printed after the source excerpt.
  /// - Returns: The text, one or more lines each ending in `"\n"`.
  public func render(
    severity: DiagnosticSeverity, message: String, span: SourceSpan?, notes: [DiagnosticNote]
  ) -> String {
    var out = ""
    if let span, let file = file(of: span) {
      out += header(file: file, offset: span.start, severity: severity, message: message)
      let (line, _) = file.location(of: span.start)
      out += file.lineText(line) + "\n"
      out += paint(caretLine(file: file, line: line, span: span), .caret) + "\n"
    } else {
      out += paint("\(severity.rawValue):", .severity(severity)) + " "
      out += paint(message, .bold) + "\n"
    }
    for note in notes {
      if let noteSpan = note.span, noteSpan != span, let file = file(of: noteSpan) {
        out += header(file: file, offset: noteSpan.start, severity: .note, message: note.message)
      } else {
        out += paint("note:", .severity(.note)) + " " + note.message + "\n"
      }
    }
    return out
  }

  // MARK: - Pieces

  /// The file a span points into, or nil when the table does not have it.
  func file(of span: SourceSpan) -> SourceFile? {
    let index = span.file.rawValue
    return files.files.indices.contains(index) ? files.files[index] : nil
  }

  /// `name:line:col: severity: message\n`
  func header(file: SourceFile, offset: Int, severity: DiagnosticSeverity, message: String)
    -> String
  {
    let (line, column) = file.location(of: offset)
    let location = paint("\(file.name):\(line):\(column):", .bold)
    let label = paint("\(severity.rawValue):", .severity(severity))
    let text = severity == .note ? message : paint(message, .bold)
    return "\(location) \(label) \(text)\n"
  }

  /// `^~~~` under the part of `span` that lies on `line`, after a prefix of blanks that copies
  /// the line's tabs.
  func caretLine(file: SourceFile, line: Int, span: SourceSpan) -> String {
    let lineStart = file.lineStarts[line - 1]
    let lineText = file.lineText(line)
    let lineEnd = lineStart + lineText.utf8.count
    let start = min(max(span.start, lineStart), lineEnd)
    let end = min(max(span.end, start), lineEnd)
    let before = String(decoding: file.bytes[lineStart..<start], as: UTF8.self)
    let prefix = String(before.map { $0 == "\t" ? "\t" : " " })
    let covered = String(decoding: file.bytes[start..<end], as: UTF8.self).count
    return prefix + "^" + String(repeating: "~", count: max(covered - 1, 0))
  }

  // MARK: - Colour

  enum Style {
    case bold
    case caret
    case severity(DiagnosticSeverity)
  }

  /// Wraps text in ANSI escapes when colour is on (clang's palette).
  func paint(_ text: String, _ style: Style) -> String {
    guard useColor else { return text }
    let code: String
    switch style {
    case .bold: code = "1"
    case .caret: code = "1;32"
    case .severity(.error): code = "1;31"
    case .severity(.warning): code = "1;35"
    case .severity(.note): code = "1;36"
    }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}
