// Copyright © 2026 the ssl authors.

import Foundation
import Lang

/// Draws ``ProgressEvent``s on standard error: on a terminal, one line redrawn in place
/// (`\r`, at most ten times a second) and replaced by a summary at the end; in a pipe, only
/// the summary.
///
/// Other output clears the bar first (``clear()``), so a table or an error never lands
/// after a half-drawn bar. Events may come from worker threads, hence the lock.
final class ProgressLine: @unchecked Sendable {
  private let isTerminal: Bool
  private let emit: @Sendable (String) -> Void
  private let now: @Sendable () -> Double
  private let lock = NSLock()
  private var started: [String: Double] = [:]
  private var lastDraw = -Double.infinity
  private var drawn = false

  /// Creates a renderer.
  ///
  /// - Parameters:
  ///   - isTerminal: Whether standard error is a terminal.
  ///   - now: Seconds on a monotonic clock (tests pass a fake).
  ///   - emit: Writes to standard error.
  init(
    isTerminal: Bool,
    now: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime },
    emit: @escaping @Sendable (String) -> Void
  ) {
    self.isTerminal = isTerminal
    self.now = now
    self.emit = emit
  }

  /// Shows an event: redraws the bar (throttled) or prints the summary when finished.
  func show(_ event: ProgressEvent) {
    lock.withLock {
      let key = event.label + "\u{0}" + event.unit
      let time = now()
      if event.done == 0 || started[key] == nil { started[key] = time }
      let elapsed = time - (started[key] ?? time)
      if event.isFinished {
        started[key] = nil
        emit(eraser + event.summary(elapsed: elapsed) + "\n")
        drawn = false
        lastDraw = -Double.infinity
        return
      }
      guard isTerminal, time - lastDraw >= 0.1 else { return }
      emit("\r" + event.bar(elapsed: elapsed) + "\u{1B}[K")
      drawn = true
      lastDraw = time
    }
  }

  /// Removes a drawn bar before other output.
  func clear() {
    lock.withLock {
      if drawn { emit("\r\u{1B}[K") }
      drawn = false
    }
  }

  /// What wipes a drawn bar before the summary.
  private var eraser: String { drawn ? "\r\u{1B}[K" : "" }
}
