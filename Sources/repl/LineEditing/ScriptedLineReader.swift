// Copyright © 2026 the ssl authors.

/// Lines from a list, for tests: each element is what one `readLine` returns.
struct ScriptedLineReader: LineReader {
  /// The inputs still to come.
  var inputs: [LineInput]
  /// The prompts shown, in order.
  private(set) var prompts: [String] = []
  /// The entries remembered, in order.
  private(set) var history: [String] = []

  init(_ inputs: [LineInput]) { self.inputs = inputs }

  mutating func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    return inputs.isEmpty ? .end : inputs.removeFirst()
  }

  mutating func remember(_ entry: String) { history.append(entry) }
}
