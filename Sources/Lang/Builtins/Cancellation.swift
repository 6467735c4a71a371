// Copyright © 2026 the ssl authors.

import Runtime

/// Ctrl-C for the language: the process-wide ``CancellationFlag`` that an interrupt sets and
/// long work polls (Runtime's extraction between layers, sweeps between grid points, episodes;
/// `sleep` every 10 ms).
///
/// The REPL's signal handler calls ``cancel()`` (one atomic store, safe in a signal handler
/// once the flag exists); a polling statement fails with `interrupted` and, like any failing
/// statement, leaves the session as it was. ``guarded(_:)`` also makes every command check
/// before it starts, so the rest of a script stops after an interrupt even with
/// `--keep-going`.
enum Interrupts {
  /// Asks the running statement to stop at its next check.
  static func cancel() { CancellationFlag.shared.cancel() }

  /// Clears the request before a new cell runs.
  static func reset() { CancellationFlag.shared.reset() }

  /// Whether an interrupt arrived since the last ``reset()``.
  static var isRequested: Bool { CancellationFlag.shared.isCancelled }

  /// Throws `interrupted` when an interrupt arrived.
  ///
  /// - Parameter span: The statement to blame.
  /// - Throws: ``RuntimeError`` `interrupted`.
  static func check(at span: SourceSpan) throws(RuntimeError) {
    if isRequested { throw RuntimeError("interrupted", at: span) }
  }

  /// The registry with every command checking for an interrupt before it starts.
  static func guarded<State>(_ registry: CommandRegistry<State>) -> CommandRegistry<State> {
    var guarded = CommandRegistry<State>()
    for command in registry.commands {
      var wrapped = command
      let run = command.run
      wrapped.run = { state, invocation, out throws(RuntimeError) in
        try check(at: invocation.span)
        try run(&state, invocation, out)
      }
      guarded.register(wrapped)
    }
    return guarded
  }
}
