// Copyright © 2026 the ssl authors.

/// What reading a line produced.
enum LineInput: Equatable {
  /// A line, without its newline.
  case line(String)
  /// Ctrl-C at the prompt: the line typed so far was dropped.
  case interrupted
  /// End of input (Ctrl-D on an empty line, or the end of a script).
  case end
}

/// Where the REPL gets its lines: libedit on a terminal, a script in tests.
protocol LineReader {
  /// Shows the prompt and reads the next line.
  mutating func readLine(prompt: String) -> LineInput
  /// Remembers a complete entry in the history.
  mutating func remember(_ entry: String)
}
