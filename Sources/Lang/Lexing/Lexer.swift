// Copyright © 2026 the ssl authors.

/// Turns the bytes of a ``SourceFile`` into ``Token``s, collecting diagnostics on the way.
///
/// The lexer works on UTF-8 bytes, so every span is a byte range. It never stops early: a
/// character that starts no token is reported (`unexpected character '@'`) and skipped, and a
/// broken string still yields a string token, so the parser sees a plausible stream and can
/// report further errors in the same run.
///
/// Rules, in brief (the statement grammar is in ``Parser``):
/// * newlines and `;` are tokens (statement terminators); `#` starts a comment to end of line;
/// * names start with an ASCII letter or `_` and continue with letters, digits, `_`, and with
///   `-` or `.` when a letter or digit follows (`moco-v2`, `within-11.25`);
/// * a run starting with a digit is a number when a number covers it entirely, else a name
///   (`600` and `1e-6` are numbers, `300w` and `3d` are names);
/// * strings are double-quoted and end on their line.
public struct Lexer: Sendable {
  /// The file being read.
  public let file: SourceFile
  /// The identifier spans are tagged with.
  public let id: SourceFileID
  /// The problems found so far, in source order.
  public private(set) var diagnostics: [Diagnostic] = []

  let bytes: [UInt8]
  var position = 0

  /// Creates a lexer at the start of a file.
  ///
  /// - Parameters:
  ///   - file: The program text.
  ///   - id: The file's identifier in its ``SourceFileTable``.
  public init(file: SourceFile, id: SourceFileID) {
    self.file = file
    self.id = id
    self.bytes = file.bytes
  }

  /// Reads the whole file.
  ///
  /// - Returns: Every token, ending with exactly one ``TokenKind/endOfFile``.
  public mutating func tokenize() -> [Token] {
    var tokens: [Token] = []
    while true {
      let token = next()
      tokens.append(token)
      if token.kind == .endOfFile { return tokens }
    }
  }

  /// Reads the next token; at the end of the input, returns ``TokenKind/endOfFile`` again and
  /// again.
  ///
  /// - Returns: The next token.
  public mutating func next() -> Token {
    while true {
      skipBlanksAndComments()
      guard position < bytes.count else {
        return Token(.endOfFile, span: span(bytes.count, bytes.count))
      }
      if let token = lexToken() { return token }
    }
  }

  // MARK: - Dispatch

  /// Lexes one token at `position`, or reports and skips a bad character and returns nil.
  mutating func lexToken() -> Token? {
    let start = position
    let byte = bytes[position]
    if let kind = Self.punctuation(byte) {
      position += 1
      return Token(kind, span: span(start, position))
    }
    switch byte {
    case UInt8(ascii: "\r") where peek(1) == UInt8(ascii: "\n"):
      position += 2
      return Token(.newline, span: span(start, position))
    case UInt8(ascii: "\""):
      return lexString()
    case UInt8(ascii: "$"):
      return lexVariable()
    case UInt8(ascii: "-"), UInt8(ascii: "+"):
      if Self.isDigit(peek(1)) || (peek(1) == UInt8(ascii: ".") && Self.isDigit(peek(2))) {
        return lexLeadingNumber()
      }
    case UInt8(ascii: "."):
      if Self.isDigit(peek(1)) { return lexLeadingNumber() }
    default:
      if Self.isDigit(byte) { return lexDigitRun() }
      if Self.isNameStart(byte) {
        let end = scanName(from: position)
        return makeName(start, end)
      }
    }
    reportUnexpectedCharacter()
    return nil
  }

  /// The token kind of a one-byte punctuation mark or newline.
  static func punctuation(_ byte: UInt8) -> TokenKind? {
    switch byte {
    case UInt8(ascii: "\n"): .newline
    case UInt8(ascii: ";"): .semicolon
    case UInt8(ascii: "["): .leftBracket
    case UInt8(ascii: "]"): .rightBracket
    case UInt8(ascii: "{"): .leftBrace
    case UInt8(ascii: "}"): .rightBrace
    case UInt8(ascii: ","): .comma
    case UInt8(ascii: "="): .equals
    default: nil
    }
  }

  // MARK: - Blanks, comments, bad characters

  mutating func skipBlanksAndComments() {
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C:
        position += 1
      case UInt8(ascii: "\r") where peek(1) != UInt8(ascii: "\n"):
        position += 1  // a lone carriage return is blank; `\r\n` is a newline token
      case UInt8(ascii: "#"):
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
          if bytes[position] == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") { return }
          position += 1
        }
      default:
        return
      }
    }
  }

  /// Reports the Unicode scalar at `position` and steps over all of its bytes.
  mutating func reportUnexpectedCharacter() {
    let start = position
    let length = Self.scalarLength(leadByte: bytes[start])
    let end = min(start + length, bytes.count)
    position = end
    let scalar =
      String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
    report(DiagnosticMessages.unexpectedCharacter(scalar, at: span(start, end)))
  }

  // MARK: - Names and variables

  /// The end of a name that starts at `start` (whose first byte the caller has checked).
  func scanName(from start: Int) -> Int {
    var end = start + 1
    while end < bytes.count {
      if Self.isNameByte(bytes[end]) {
        end += 1
      } else if Self.isJoiner(bytes[end]), end + 1 < bytes.count,
        Self.isAlphanumeric(bytes[end + 1])
      {
        end += 2
      } else {
        break
      }
    }
    return end
  }

  /// Whether a name would continue at `offset` (used to tell `300` from `300w`).
  func continuesName(at offset: Int) -> Bool {
    guard offset < bytes.count else { return false }
    if Self.isNameByte(bytes[offset]) { return true }
    return Self.isJoiner(bytes[offset]) && offset + 1 < bytes.count
      && Self.isAlphanumeric(bytes[offset + 1])
  }

  mutating func makeName(_ start: Int, _ end: Int) -> Token {
    position = end
    return Token(.name(text(start, end)), span: span(start, end))
  }

  mutating func lexVariable() -> Token? {
    let start = position
    guard let next = peek(1), Self.isNameStart(next) else {
      position += 1
      report(DiagnosticMessages.invalidVariableName(at: span(start, start + 1)))
      return nil
    }
    let end = scanName(from: start + 1)
    position = end
    return Token(.variable(text(start + 1, end)), span: span(start, end))
  }

  // MARK: - Helpers

  func peek(_ ahead: Int) -> UInt8? {
    position + ahead < bytes.count ? bytes[position + ahead] : nil
  }

  func span(_ start: Int, _ end: Int) -> SourceSpan {
    SourceSpan(file: id, start: start, end: end)
  }

  func text(_ start: Int, _ end: Int) -> String {
    String(decoding: bytes[start..<end], as: UTF8.self)
  }

  mutating func report(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  static func isDigit(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

  static func isNameStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == UInt8(ascii: "_") }

  static func isNameByte(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == UInt8(ascii: "_")
  }

  /// `-` and `.` join the parts of a name (`moco-v2`, `within-11.25`).
  static func isJoiner(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
  }

  /// The number of bytes of the UTF-8 sequence a lead byte starts (1 for a stray byte).
  static func scalarLength(leadByte byte: UInt8) -> Int {
    switch byte {
    case 0xF0...0xF7: 4
    case 0xE0...0xEF: 3
    case 0xC0...0xDF: 2
    default: 1
    }
  }
}
