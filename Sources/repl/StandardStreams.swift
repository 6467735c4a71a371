// Copyright © 2026 the ssl authors.

import Foundation
import Lang

/// Standard output and error as an ``OutputSink``. Both are written unbuffered, so the two
/// interleave in order on a terminal.
enum StandardStreams {
  static let sink = OutputSink(
    isTerminal: isatty(STDOUT_FILENO) != 0,
    write: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
    warn: { text in FileHandle.standardError.write(Data(text.utf8)) })
}
