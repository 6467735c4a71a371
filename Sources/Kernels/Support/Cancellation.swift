// Copyright © 2026 the ssl authors.

import Synchronization

/// A flag that long computations poll between steps (layers, sweep points, episodes).
///
/// Ctrl-C in the REPL sets it; the work in progress stops at its next check and the statement
/// fails without changing the session. Kernels never check it themselves: a kernel call is
/// short, and checking inside hot loops would cost more than it saves.
public final class CancellationFlag: Sendable {
  private let state = Atomic<Bool>(false)

  /// A fresh, unset flag.
  public init() {}

  /// Asks the computation to stop at its next check.
  public func cancel() { state.store(true, ordering: .relaxed) }

  /// Clears the flag before the next statement runs.
  public func reset() { state.store(false, ordering: .relaxed) }

  /// Whether cancellation was requested.
  public var isCancelled: Bool { state.load(ordering: .relaxed) }

  /// The process-wide flag set by the REPL's interrupt handler.
  public static let shared = CancellationFlag()
}
