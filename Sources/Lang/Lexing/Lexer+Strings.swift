// Copyright © 2026 the ssl authors.

extension Lexer {
  /// Lexes a double-quoted string starting at `position`.
  ///
  /// Strings end on their line: a newline or the end of input before the closing quote is an
  /// `unterminated string` (the token still carries the text read so far, so the parser does
  /// not report a second error for the same mistake). An unknown escape is reported and kept
  /// as written.
  mutating func lexString() -> Token {
    let start = position
    var value: [UInt8] = []
    position += 1
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        return Token(.string(decode(value)), span: span(start, position))
      case UInt8(ascii: "\n"):
        return unterminated(start, value)
      case UInt8(ascii: "\r") where peek(1) == UInt8(ascii: "\n"):
        return unterminated(start, value)
      case UInt8(ascii: "\\"):
        lexEscape(into: &value)
      default:
        value.append(byte)
        position += 1
      }
    }
    return unterminated(start, value)
  }

  /// Reads the escape at `position` (a backslash) and appends what it stands for.
  mutating func lexEscape(into value: inout [UInt8]) {
    let start = position
    guard let next = peek(1), next != UInt8(ascii: "\n"), next != UInt8(ascii: "\r") else {
      position += 1  // a backslash at the end of the line: the string is unterminated
      return
    }
    switch next {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"):
      value.append(next)
      position += 2
    case UInt8(ascii: "n"):
      value.append(UInt8(ascii: "\n"))
      position += 2
    case UInt8(ascii: "t"):
      value.append(UInt8(ascii: "\t"))
      position += 2
    default:
      let end = min(start + 1 + Self.scalarLength(leadByte: next), bytes.count)
      value.append(contentsOf: bytes[start..<end])
      position = end
      report(DiagnosticMessages.invalidEscape(text(start, end), at: span(start, end)))
    }
  }

  mutating func unterminated(_ start: Int, _ value: [UInt8]) -> Token {
    report(DiagnosticMessages.unterminatedString(at: span(start, position)))
    return Token(.string(decode(value)), span: span(start, position))
  }

  func decode(_ value: [UInt8]) -> String {
    String(decoding: value, as: UTF8.self)
  }
}
