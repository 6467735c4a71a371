// Copyright © 2026 the ssl authors.

import CEditLine
import Foundation

/// Line editing and history through libedit's readline interface. The only file that calls
/// libedit.
///
/// History lives in `$XDG_STATE_HOME/ssl/history` (default `~/.local/state/ssl/history`) and is
/// written after every entry, so a crash loses nothing.
struct EditLineReader: LineReader {
  private let historyPath: String?

  init() {
    let env = ProcessInfo.processInfo.environment
    let state =
      env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (env["HOME"].map { $0 + "/.local/state" })
    if let state {
      let folder = state + "/ssl"
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      historyPath = folder + "/history"
    } else {
      historyPath = nil
    }
    using_history()
    stifle_history(5000)
    if let historyPath { read_history(historyPath) }
  }

  mutating func readLine(prompt: String) -> String? {
    guard let raw = readline(prompt) else { return nil }
    defer { free(raw) }
    return String(cString: raw)
  }

  mutating func remember(_ entry: String) {
    guard !entry.allSatisfy(\.isWhitespace) else { return }
    add_history(entry)
    if let historyPath { write_history(historyPath) }
  }
}
