// Copyright © 2026 the ssl authors.

/// Source text with inline position markers (`1️⃣` … `9️⃣`), for parser and lexer tests.
///
/// `MarkedSource("eval 1️⃣petz linear")` has text `"eval petz linear"` and marker 1 at byte 5,
/// so a test can say where a diagnostic should point without counting bytes.
struct MarkedSource {
  /// The source with the markers removed.
  let text: String
  /// Byte offset (UTF-8, in ``text``) of each marker, by its digit.
  let markers: [Int: Int]

  init(_ marked: String) {
    var bytes: [UInt8] = []
    var markers: [Int: Int] = [:]
    var scalars = Array(marked.unicodeScalars)[...]
    while let scalar = scalars.first {
      // A keycap marker is a digit, U+FE0F (emoji presentation), U+20E3 (combining keycap).
      if scalars.count >= 3, let digit = Int(String(scalar)),
        scalars[scalars.startIndex + 1] == "\u{FE0F}", scalars[scalars.startIndex + 2] == "\u{20E3}"
      {
        precondition(markers[digit] == nil, "marker \(digit) used twice")
        markers[digit] = bytes.count
        scalars = scalars.dropFirst(3)
        continue
      }
      bytes.append(contentsOf: String(scalar).utf8)
      scalars = scalars.dropFirst()
    }
    self.text = String(decoding: bytes, as: UTF8.self)
    self.markers = markers
  }

  /// The offset of marker `digit`; fails the precondition if the test forgot to place it.
  subscript(_ digit: Int) -> Int {
    guard let offset = markers[digit] else { preconditionFailure("no marker \(digit)") }
    return offset
  }
}
