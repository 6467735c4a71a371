// Copyright © 2026 the ssl authors.

import Lang

/// The interactive loop: read a cell (several lines while a `{` or `[` is open), run it,
/// repeat. An error in one cell never ends the session.
struct REPL<Reader: LineReader> {
  let session: Session
  var reader: Reader
  var cellNumber = 0

  init(session: Session, reader: Reader) {
    self.session = session
    self.reader = reader
  }

  mutating func loop() {
    print("ssl \(SessionInfo.version) — type 'help' for commands, Ctrl-D to leave")
    while let cell = readCell() {
      cellNumber += 1
      reader.remember(cell)
      if session.run(cell, name: "<repl:\(cellNumber)>") == .quit { return }
    }
    print("")
  }

  /// One complete entry, or nil at end of input.
  mutating func readCell() -> String? {
    guard var text = reader.readLine(prompt: "ssl> ") else { return nil }
    while Session.isIncomplete(text) {
      guard let more = reader.readLine(prompt: "...> ") else { return text }
      text += "\n" + more
    }
    return text
  }
}
