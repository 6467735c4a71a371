// Copyright © 2026 the ssl authors.

/// `set <key> <value>`: session settings; `set` alone lists them.
enum SetCommand {
  static let keys = ["seed", "threads", "batch", "out", "workspace", "data"]
  static let usage = "set [seed|threads|batch|out|workspace|data] <value>"

  static var command: Command<BenchState> {
    Command(
      name: "set", summary: "change a setting (seed, threads, batch, out, workspace, data)",
      usage: usage, example: "set out \"figures/paper\"",
      run: { state, invocation, out throws(RuntimeError) in
        let args = invocation.arguments
        if args.isEmpty {
          let s = state.settings
          let rows: [(String, String)] = [
            ("seed", "\(s.seed)"), ("threads", "\(s.threads)"), ("batch", "\(s.batch)"),
            ("out", s.out), ("workspace", s.workspace), ("data", s.data.isEmpty ? "(unset)" : s.data),
          ]
          for (k, v) in rows { out.line(k.padding(toLength: 10, withPad: " ", startingAt: 0) + v) }
          return
        }
        guard case .symbol(let rawKey) = args[0].value else {
          throw RuntimeError("'set' needs a setting name first", at: args[0].span, notes: [DiagnosticNote("usage: \(usage)")])
        }
        let key = rawKey.lowercased()
        guard keys.contains(key) else {
          throw RuntimeError(
            "unknown setting '\(rawKey)'", at: args[0].span,
            suggestion: NameSuggestion.nearest(to: rawKey, among: keys))
        }
        guard args.count == 2 else {
          throw RuntimeError(
            "'set \(key)' takes one value", at: args.count > 2 ? args[2].span : args[0].span,
            notes: [DiagnosticNote("usage: \(usage)")])
        }
        let value = args[1]
        switch key {
        case "seed": state.settings.seed = try ArgumentReader.integer(value, option: "seed", in: 0...Int(Int32.max))
        case "threads": state.settings.threads = try ArgumentReader.integer(value, option: "threads", in: 1...256)
        case "batch": state.settings.batch = try ArgumentReader.integer(value, option: "batch", in: 1...4096)
        case "out": state.settings.out = try ArgumentReader.text(value, option: "out")
        case "workspace":
          state.settings.workspace = try ArgumentReader.text(value, option: "workspace")
          state.loadWorkspaceResults(warn: { out.warn($0) })
        default: state.settings.data = try ArgumentReader.text(value, option: "data")
        }
        out.line("\(key) = \(value.value.displayText)")
      })
  }
}
