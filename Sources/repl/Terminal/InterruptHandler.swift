// Copyright © 2026 the ssl authors.

import Foundation
import Lang

/// Ctrl-C: a SIGINT handler that only asks the running statement to stop
/// (``Session/cancelCurrentStatement()``, one atomic store, which is async-signal-safe).
///
/// * In the REPL the handler stays for the whole session. While a statement runs, system
///   calls restart after the signal (`SA_RESTART`) so that output is not cut short; at the
///   prompt they do not, so libedit's `readline` returns and the line is dropped.
/// * In a script the first Ctrl-C stops the current statement (which rolls back) and the
///   rest of the script, and `ssl` exits with 130; a second Ctrl-C kills at once
///   (`SA_RESETHAND`).
enum InterruptHandler {
  /// How the handler behaves.
  enum Mode {
    /// The REPL, reading a line: Ctrl-C interrupts `readline`.
    case prompt
    /// The REPL, running a statement.
    case statement
    /// A script: one graceful Ctrl-C, then the default action.
    case script
  }

  /// The thread that reads lines and runs statements. SIGINT is process-wide and may land on
  /// any thread; only on this one does it interrupt libedit's `read`.
  nonisolated(unsafe) private static var mainThread = pthread_self()

  /// Installs the handler for a mode (again, to switch modes). Call on the main thread.
  static func install(_ mode: Mode) {
    // Globals initialise lazily; do it here, never inside the handler.
    mainThread = pthread_self()
    if mode != .statement { _ = Session.isCancellationRequested }
    var action = sigaction()
    if mode == .prompt {
      action.__sigaction_handler.sa_handler = { signal in
        guard pthread_equal(pthread_self(), InterruptHandler.mainThread) != 0 else {
          pthread_kill(InterruptHandler.mainThread, signal)
          return
        }
        Session.cancelCurrentStatement()
      }
    } else {
      // The terminal has echoed `^C`; end that line so the error starts on its own.
      action.__sigaction_handler.sa_handler = { _ in
        Session.cancelCurrentStatement()
        var newline: UInt8 = 10
        _ = write(STDERR_FILENO, &newline, 1)
      }
    }
    sigemptyset(&action.sa_mask)
    switch mode {
    case .prompt: action.sa_flags = 0
    case .statement: action.sa_flags = SA_RESTART
    case .script: action.sa_flags = SA_RESTART | Int32(bitPattern: UInt32(SA_RESETHAND))
    }
    sigaction(SIGINT, &action, nil)
    // A parent may have blocked SIGINT, and the mask survives exec.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
  }

  /// The exit status of a process stopped by Ctrl-C, as shells report it (128 + SIGINT).
  static let exitStatus: Int32 = 128 + SIGINT
}
