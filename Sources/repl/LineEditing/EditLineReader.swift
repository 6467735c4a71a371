// Copyright © 2026 the ssl authors.

import CEditLine
import Foundation
import Lang

/// Line editing, history and Tab completion through libedit's readline interface. The only
/// file that calls libedit.
///
/// History lives in `$XDG_STATE_HOME/ssl/history` (default `~/.local/state/ssl/history`) and is
/// written after every entry, so a crash loses nothing.
///
/// libedit calls completion through a C function pointer, which cannot capture, so the
/// completer is kept in a static; there is one line editor per process anyway.
struct EditLineReader: LineReader {
  /// Completes a line at a cursor (UTF-8 bytes): ``Session/completions(forLine:cursor:)``.
  typealias Completer = (_ line: String, _ cursor: Int) -> [String]

  private let historyPath: String?
  nonisolated(unsafe) private static var completer: Completer?

  /// Starts line editing and loads the history.
  ///
  /// - Parameter completer: What Tab offers; nil turns completion off.
  init(completer: Completer? = nil) {
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
    Self.completer = completer
    // Both strings live as long as the process: readline keeps the pointers.
    ssl_rl_configure(strdup("ssl"), strdup(Session.completionWordBreaks)) { _, _, end in
      EditLineReader.complete(end: Int(end))
    }
  }

  mutating func readLine(prompt: String) -> LineInput {
    // Without SA_RESTART the read inside readline fails with EINTR on Ctrl-C and readline
    // returns nil; errno (or the flag) tells that apart from Ctrl-D. Both are needed: the
    // signal may run our handler on another thread, a moment after readline returned.
    Session.clearCancellation()
    InterruptHandler.install(.prompt)
    defer { InterruptHandler.install(.statement) }
    errno = 0
    guard let raw = readline(prompt) else {
      if errno == EINTR || Session.isCancellationRequested {
        Session.clearCancellation()
        FileHandle.standardOutput.write(Data("^C\n".utf8))
        return .interrupted
      }
      return .end
    }
    defer { free(raw) }
    return .line(String(cString: raw))
  }

  mutating func remember(_ entry: String) {
    guard !entry.allSatisfy(\.isWhitespace) else { return }
    add_history(entry)
    if let historyPath { write_history(historyPath) }
  }

  /// The matches for the word before `end`, in readline's layout: the text to insert first
  /// (the one match, or the longest common prefix), then the matches, then NULL; every
  /// string and the array itself malloc'd, as readline frees them.
  private static func complete(end: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    ssl_rl_completion_settings(32)
    guard let completer, let buffer = ssl_rl_line_buffer() else { return nil }
    let matches = completer(String(cString: buffer), end)
    guard let first = matches.first else { return nil }
    // `key=` and `folder/` continue the word; anything else is followed by a space.
    if matches.count == 1, first.hasSuffix("=") || first.hasSuffix("/") {
      ssl_rl_completion_settings(0)
    }
    let head = matches.count == 1 ? first : commonPrefix(matches)
    let list = [head] + (matches.count == 1 ? [] : matches)
    // Two spare NULLs: libedit looks at the third slot to detect a single match.
    let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (list.count + 2)
    guard let raw = malloc(size) else { return nil }
    let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: list.count + 2)
    for (i, word) in list.enumerated() { array[i] = strdup(word) }
    array[list.count] = nil
    array[list.count + 1] = nil
    return array
  }

  /// The longest prefix all words share (by characters).
  static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first else { return "" }
    for word in words.dropFirst() {
      while !word.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }
}
