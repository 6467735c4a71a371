// Copyright © 2026 the ssl authors.

import Lang

/// The interactive loop: read a cell (several lines while a `{` or `[` is open), run it,
/// repeat. An error in one cell never ends the session; Ctrl-C at the prompt drops the cell
/// typed so far, and Ctrl-C during a cell stops it (see ``InterruptHandler``).
struct REPL<Reader: LineReader> {
  /// What reading a cell produced.
  enum CellInput: Equatable {
    case cell(String)
    case interrupted
    case end
  }

  let session: Session
  var reader: Reader
  var cellNumber = 0
  /// The prompt and continuation prompt (coloured on a terminal).
  var prompts = (first: "ssl> ", more: "...> ")

  init(session: Session, reader: Reader) {
    self.session = session
    self.reader = reader
  }

  /// Runs cells until end of input or `quit`.
  ///
  /// - Parameter banner: The line printed first.
  mutating func loop(
    banner: String = "ssl \(SessionInfo.version) — type 'help' for commands, Ctrl-D to leave"
  ) {
    print(banner)
    while true {
      switch readCell() {
      case .end:
        print("")
        return
      case .interrupted:
        continue
      case .cell(let cell):
        cellNumber += 1
        reader.remember(cell)
        if session.run(cell, name: "<repl:\(cellNumber)>") == .quit { return }
      }
    }
  }

  /// One complete entry, Ctrl-C, or the end of input.
  mutating func readCell() -> CellInput {
    var text: String
    switch reader.readLine(prompt: prompts.first) {
    case .line(let line): text = line
    case .interrupted: return .interrupted
    case .end: return .end
    }
    while Session.isIncomplete(text) {
      switch reader.readLine(prompt: prompts.more) {
      case .line(let more): text += "\n" + more
      case .interrupted: return .interrupted
      case .end: return .cell(text)
      }
    }
    return .cell(text)
  }
}
