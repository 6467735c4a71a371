// Copyright © 2026 the ssl authors.

import Foundation

/// `sleep <seconds>`: waits, checking for Ctrl-C every 10 ms (pauses in demos and scripts).
enum SleepCommand {
  static let usage = "sleep <seconds>"

  static var command: Command<BenchState> {
    Command(
      name: "sleep", summary: "wait a number of seconds (Ctrl-C stops it)", usage: usage,
      example: "sleep 0.5",
      run: { _, invocation, _ throws(RuntimeError) in
        guard invocation.arguments.count == 1,
          case .number(let seconds) = invocation.arguments[0].value
        else {
          throw RuntimeError(
            "'sleep' takes a number of seconds",
            at: invocation.arguments.first?.span ?? invocation.span,
            notes: [DiagnosticNote("usage: \(usage)")])
        }
        guard seconds >= 0, seconds <= 86_400 else {
          throw RuntimeError(
            "'sleep' takes 0 to 86400 seconds, got \(invocation.arguments[0].value.displayText)",
            at: invocation.arguments[0].span)
        }
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
          try Interrupts.check(at: invocation.span)
          Thread.sleep(forTimeInterval: min(0.01, max(0, end.timeIntervalSinceNow)))
        }
        try Interrupts.check(at: invocation.span)
      })
  }
}
