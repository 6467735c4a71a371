// Copyright © 2026 the ssl authors.

import Kernels

/// The cancellation flag long work polls (defined in Kernels), under Runtime's name so that
/// hosts importing only Runtime can set it (Ctrl-C in the REPL) and pass it on.
public typealias CancellationFlag = Kernels.CancellationFlag
