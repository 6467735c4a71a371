// Copyright © 2026 the ssl authors.

/// Where the REPL gets its lines: libedit on a terminal, a script in tests.
protocol LineReader {
  /// Shows the prompt and returns the next line without its newline; nil at end of input.
  mutating func readLine(prompt: String) -> String?
  /// Remembers a complete entry in the history.
  mutating func remember(_ entry: String)
}
