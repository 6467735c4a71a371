// Copyright © 2026 the ssl authors.

import Foundation

/// Records a session as notebook cells by standing between the interpreter and the host's
/// output: everything written while a cell is open is copied into it.
///
/// Output may arrive from worker threads (progress), so the cells are behind a lock.
final class NotebookRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var finished: [NotebookCell] = []
  private var open: NotebookCell?
  private var progressStart: [String: Date] = [:]

  /// The cells finished so far (the open one is left out: `report` runs inside it).
  var cells: [NotebookCell] { lock.withLock { finished } }

  /// Starts a cell; output until ``end()`` belongs to it.
  func begin(_ source: String) {
    lock.withLock {
      if let open { finished.append(open) }
      open = NotebookCell(source: source)
    }
  }

  /// Closes the open cell.
  func end() {
    lock.withLock {
      if let open { finished.append(open) }
      open = nil
    }
  }

  /// The host's sink with every stream copied into the open cell.
  func wrap(_ host: OutputSink) -> OutputSink {
    var sink = OutputSink(
      isTerminal: host.isTerminal,
      write: { [self] text in
        append(text, error: false)
        host.write(text)
      },
      warn: { [self] text in
        append(text, error: true)
        host.warn(text)
      })
    sink.onProgress = { [self] event in
      record(event)
      host.onProgress(event)
    }
    sink.onFigure = { [self] path in
      lock.withLock { open?.figures.append(path) }
      host.onFigure(path)
    }
    sink.cells = { [self] in cells }
    return sink
  }

  private func append(_ text: String, error: Bool) {
    lock.withLock {
      if error {
        open?.stderr += Self.withoutEscapes(text)
      } else {
        open?.stdout += Self.withoutEscapes(text)
      }
    }
  }

  /// Keeps a progress summary in the cell (the bar itself is only for the terminal).
  private func record(_ event: ProgressEvent) {
    lock.withLock {
      let key = event.label + "\u{0}" + event.unit
      let now = Date()
      if event.done == 0 || progressStart[key] == nil { progressStart[key] = now }
      guard event.isFinished, let start = progressStart.removeValue(forKey: key) else { return }
      open?.stderr += event.summary(elapsed: now.timeIntervalSince(start)) + "\n"
    }
  }

  /// Text with ANSI escape sequences (colour) removed.
  static func withoutEscapes(_ text: String) -> String {
    guard text.contains("\u{1B}") else { return text }
    var out = ""
    var escaping = false
    for scalar in text.unicodeScalars {
      if escaping {
        // A CSI sequence ends at its final byte, a letter.
        if scalar.properties.isAlphabetic || scalar == "~" { escaping = false }
      } else if scalar == "\u{1B}" {
        escaping = true
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
