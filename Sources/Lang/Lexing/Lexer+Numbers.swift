// Copyright © 2026 the ssl authors.

extension Lexer {
  /// The end of the number (`digits [. digits] [e|E [+|-] digits]`) that starts at `start`
  /// after an optional sign, or nil when no digit is found.
  ///
  /// A `.` or an exponent only belongs to the number when digits follow, so `1.` is the
  /// number `1` then `.`, and `1e` is not a number at all (the caller makes it a name).
  func scanNumber(from start: Int) -> Int? {
    var end = start
    if end < bytes.count, bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "+") {
      end += 1
    }
    let integerStart = end
    while end < bytes.count, Self.isDigit(bytes[end]) { end += 1 }
    var sawDigits = end > integerStart
    if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."), Self.isDigit(bytes[end + 1]) {
      end += 1
      while end < bytes.count, Self.isDigit(bytes[end]) { end += 1 }
      sawDigits = true
    }
    guard sawDigits else { return nil }
    if end < bytes.count, bytes[end] | 0x20 == UInt8(ascii: "e") {
      var exponent = end + 1
      if exponent < bytes.count,
        bytes[exponent] == UInt8(ascii: "-") || bytes[exponent] == UInt8(ascii: "+")
      {
        exponent += 1
      }
      if exponent < bytes.count, Self.isDigit(bytes[exponent]) {
        while exponent < bytes.count, Self.isDigit(bytes[exponent]) { exponent += 1 }
        end = exponent
      }
    }
    return end
  }

  /// A run starting with a digit: a number if a number covers it entirely, otherwise a name
  /// (`300w`, `3d`, `1.2.3`).
  mutating func lexDigitRun() -> Token {
    let start = position
    if let end = scanNumber(from: start), !continuesName(at: end) {
      return makeNumber(start, end)
    }
    return makeName(start, scanName(from: start))
  }

  /// A number that starts with a sign or a dot (`-0.5`, `+2`, `.5`). Such a run cannot be a
  /// name, so one that runs into name characters (`-3d`) is reported as an invalid number.
  mutating func lexLeadingNumber() -> Token {
    let start = position
    let end = scanNumber(from: start) ?? start + 1
    guard continuesName(at: end) else { return makeNumber(start, end) }
    var nameEnd = end
    while continuesName(at: nameEnd) {
      nameEnd += Self.isNameByte(bytes[nameEnd]) ? 1 : 2
    }
    position = nameEnd
    report(DiagnosticMessages.invalidNumber(text(start, nameEnd), at: span(start, nameEnd)))
    return Token(.number(Double(text(start, end)) ?? 0), span: span(start, nameEnd))
  }

  mutating func makeNumber(_ start: Int, _ end: Int) -> Token {
    position = end
    // The scanned text is always a valid Swift floating-point literal (`.5` and a leading
    // `+` included), so the fallback is unreachable; it keeps the lexer free of `!`.
    let value = Double(text(start, end)) ?? 0
    return Token(.number(value), span: span(start, end))
  }
}
