// Copyright © 2026 the ssl authors.

import Foundation
import Lang

/// Standard output and error as an ``OutputSink``. Both are written unbuffered, so the two
/// interleave in order on a terminal; progress bars go to standard error.
enum StandardStreams {
  /// Whether standard error is a terminal (progress bars, colour).
  static let errorIsTerminal = isatty(STDERR_FILENO) != 0

  static let progress = ProgressLine(isTerminal: errorIsTerminal) { text in
    FileHandle.standardError.write(Data(text.utf8))
  }

  static let sink: OutputSink = {
    var sink = OutputSink(
      isTerminal: isatty(STDOUT_FILENO) != 0,
      write: { text in
        progress.clear()
        FileHandle.standardOutput.write(Data(text.utf8))
      },
      warn: { text in
        progress.clear()
        FileHandle.standardError.write(Data(text.utf8))
      })
    sink.onProgress = { progress.show($0) }
    return sink
  }()
}
