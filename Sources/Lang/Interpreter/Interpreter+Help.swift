// Copyright © 2026 the ssl authors.

extension Interpreter {
  /// The verbs the core handles itself, with their help entries.
  static var coreVerbs: [String] { coreHelp.map(\.name) }

  static var coreHelp: [(name: String, summary: String, usage: String, example: String)] {
    [
      ("let", "bind a name to a value", "let <name> = <value>", "let tasks = [pets, flowers]"),
      (
        "for", "run statements once per element of a list",
        "for <name> in <list> { <statements> }", "for m in [byol, swav] { load $m }"
      ),
      ("source", "run another script in this session", "source \"file.ssl\"", "source \"setup.ssl\""),
      ("help", "list commands, or explain one", "help [command]", "help corr"),
      ("quit", "end the session", "quit", "quit"),
    ]
  }

  /// `help` and `help <topic>`.
  func help(topic: Word?) throws(Interruption) {
    guard let topic else {
      output.line("commands:")
      let rows =
        registry.commands.map { ($0.name, $0.summary) } + Self.coreHelp.map { ($0.name, $0.summary) }
      let width = rows.map(\.0.count).max() ?? 0
      for (name, summary) in rows {
        output.line("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + summary)
      }
      output.line("type 'help <command>' for its options and an example")
      return
    }
    let name: String
    switch topic.value {
    case .symbol(let s), .string(let s): name = s.lowercased()
    default:
      throw .failed(RuntimeError("'help' takes a command name", at: topic.span))
    }
    if let command = registry.command(named: name) {
      output.line("\(command.usage)")
      output.line("  \(command.summary)")
      if !command.options.isEmpty {
        output.line("options:")
        let width = command.options.map(\.key.count).max() ?? 0
        for option in command.options {
          output.line(
            "  " + option.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
              + option.summary)
        }
      }
      output.line("example:")
      output.line("  \(command.example)")
    } else if let core = Self.coreHelp.first(where: { $0.name == name }) {
      output.line(core.usage)
      output.line("  \(core.summary)")
      output.line("example:")
      output.line("  \(core.example)")
    } else {
      throw .failed(
        RuntimeError(
          "no help for '\(name)'", at: topic.span,
          suggestion: NameSuggestion.nearest(to: name, among: registry.names + Self.coreVerbs)))
    }
  }
}
