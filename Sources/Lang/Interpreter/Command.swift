// Copyright © 2026 the ssl authors.

/// One `key=value` option a command accepts, for validation, `help` and completion.
public struct OptionSpec: Sendable {
  /// The key as written (`to`, `shot`).
  public var key: String
  /// What it does and its default, for `help`.
  public var summary: String

  /// Creates an option description.
  public init(_ key: String, _ summary: String) {
    self.key = key
    self.summary = summary
  }
}

/// A command's arguments after variables are substituted.
public struct Invocation: Sendable {
  /// The command name.
  public var verb: String
  /// The span of the command name.
  public var verbSpan: SourceSpan
  /// The whole statement.
  public var span: SourceSpan
  /// Positional words, in order.
  public var arguments: [Word]
  /// Options by key, in the order written (keys are unique; the core rejects repeats).
  public var options: [(key: String, keySpan: SourceSpan, value: Word)]

  /// The value of an option, if given.
  public func option(_ key: String) -> (keySpan: SourceSpan, value: Word)? {
    options.first { $0.key == key }.map { ($0.keySpan, $0.value) }
  }
}

/// Where commands print. The REPL, scripts and golden tests supply their own.
public struct OutputSink: Sendable {
  /// Writes text to standard output (the caller adds newlines).
  public var write: @Sendable (String) -> Void
  /// Writes a warning or progress line to standard error.
  public var warn: @Sendable (String) -> Void
  /// Whether standard output is a terminal (colour, progress bars).
  public var isTerminal: Bool
  /// Reports how far long work has got; the host draws a bar or, in a pipe, a final summary.
  /// Ignored unless the host sets it.
  public var onProgress: @Sendable (ProgressEvent) -> Void = { _ in }
  /// Told the path of every figure a command writes, so a notebook report can show it.
  public var onFigure: @Sendable (String) -> Void = { _ in }
  /// The cells of the session so far, for `report`; empty unless the session records them.
  public var cells: @Sendable () -> [NotebookCell] = { [] }

  /// Creates a sink.
  public init(
    isTerminal: Bool = false, write: @escaping @Sendable (String) -> Void,
    warn: @escaping @Sendable (String) -> Void
  ) {
    self.write = write
    self.warn = warn
    self.isTerminal = isTerminal
  }

  /// Prints one line.
  public func line(_ text: String = "") { write(text + "\n") }

  /// Reports progress of long work: call with `done == 0` at the start and `done == total` at
  /// the end (which prints the summary, `extracted 7,349 images in 3m12s (38.2 img/s)`).
  ///
  /// - Parameters:
  ///   - label: What the work does, in the past tense (`extracted`, `fitted`).
  ///   - done: Units finished so far.
  ///   - total: Units in all.
  ///   - unit: The plural noun counted (`images`, `episodes`).
  public func progress(_ label: String, done: Int, total: Int, unit: String) {
    onProgress(ProgressEvent(label: label, done: done, total: total, unit: unit))
  }

  /// Records that a command wrote a figure (a PNG) at `path`.
  public func figureWritten(_ path: String) { onFigure(path) }
}

/// A named command of the language, implemented by the builtins over a session state.
///
/// `run` receives a copy of the state; the interpreter keeps it only if `run` returns, so a
/// failing command leaves the session as it was.
public struct Command<State>: Sendable {
  /// The verb (`load`, `corr`).
  public var name: String
  /// One line for `help`.
  public var summary: String
  /// The usage line (`load <model>... [as=name]`).
  public var usage: String
  /// A runnable example for `help <command>`.
  public var example: String
  /// The accepted options; any other key is an error with a suggestion.
  public var options: [OptionSpec]
  /// The implementation.
  public var run: @Sendable (inout State, Invocation, OutputSink) throws(RuntimeError) -> Void

  /// Creates a command.
  public init(
    name: String, summary: String, usage: String, example: String, options: [OptionSpec] = [],
    run: @escaping @Sendable (inout State, Invocation, OutputSink) throws(RuntimeError) -> Void
  ) {
    self.name = name
    self.summary = summary
    self.usage = usage
    self.example = example
    self.options = options
    self.run = run
  }
}

/// The commands known to an interpreter, by name.
public struct CommandRegistry<State>: Sendable {
  /// Commands in registration order (the order `help` lists them).
  public private(set) var commands: [Command<State>] = []

  /// An empty registry.
  public init() {}

  /// Adds a command; a later registration of the same name replaces the earlier one.
  public mutating func register(_ command: Command<State>) {
    commands.removeAll { $0.name == command.name }
    commands.append(command)
  }

  /// The command with the given name (exact, case-insensitive).
  public func command(named name: String) -> Command<State>? {
    let key = name.lowercased()
    return commands.first { $0.name == key }
  }

  /// All command names.
  public var names: [String] { commands.map(\.name) }
}
