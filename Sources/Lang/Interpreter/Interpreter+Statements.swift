// Copyright © 2026 the ssl authors.

import Foundation

extension Interpreter {
  /// Runs one statement atomically.
  func execute(_ statement: Stmt) throws(Interruption) {
    switch statement.kind {
    case .let(let name, _, let value):
      let word = try evaluate(value)
      variables[name] = word
    case .for(let variable, _, let sequence, let body):
      let seq = try evaluate(sequence)
      guard case .list(let items) = seq.value else {
        throw .failed(
          RuntimeError("'for' needs a list to loop over, got a \(seq.value.typeName)", at: seq.span))
      }
      let saved = variables[variable]
      defer { variables[variable] = saved }
      for item in items {
        variables[variable] = item
        for inner in body { try execute(inner) }
      }
    case .command(let syntax):
      try executeCommand(syntax, span: statement.span)
    }
  }

  /// Turns a written word into a value, substituting variables.
  func evaluate(_ expr: Expr) throws(Interruption) -> Word {
    switch expr.kind {
    case .name(let name): return Word(.symbol(name), span: expr.span)
    case .number(let x): return Word(.number(x), span: expr.span)
    case .string(let s): return Word(.string(try interpolate(s, span: expr.span)), span: expr.span)
    case .list(let elements):
      var words: [Word] = []
      for element in elements { words.append(try evaluate(element)) }
      return Word(.list(words), span: expr.span)
    case .variable(let name):
      guard let bound = variables[name] else {
        let suggestion = NameSuggestion.nearest(to: name, among: Array(variables.keys))
        throw .failed(
          RuntimeError(
            "undefined variable '$\(name)'", at: expr.span, suggestion: suggestion.map { "$" + $0 }))
      }
      return Word(bound.value, span: expr.span)
    }
  }

  /// Substitutes `$name` and `${name}` in a string with the variables' text; `$$` is a `$`.
  func interpolate(_ text: String, span: SourceSpan) throws(Interruption) -> String {
    guard text.contains("$") else { return text }
    var out = ""
    var i = text.startIndex
    func isNameCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }
    while i < text.endIndex {
      let c = text[i]
      i = text.index(after: i)
      guard c == "$", i < text.endIndex else {
        out.append(c)
        continue
      }
      if text[i] == "$" {
        out.append("$")
        i = text.index(after: i)
        continue
      }
      var name = ""
      if text[i] == "{", let close = text[i...].firstIndex(of: "}") {
        name = String(text[text.index(after: i)..<close])
        i = text.index(after: close)
      } else {
        while i < text.endIndex, isNameCharacter(text[i]) {
          name.append(text[i])
          i = text.index(after: i)
        }
      }
      guard !name.isEmpty else {
        out.append("$")
        continue
      }
      guard let bound = variables[name] else {
        let suggestion = NameSuggestion.nearest(to: name, among: Array(variables.keys))
        throw .failed(
          RuntimeError(
            "undefined variable '$\(name)' in a string (write $$ for a literal $)", at: span,
            suggestion: suggestion.map { "$" + $0 }))
      }
      out += bound.value.displayText
    }
    return out
  }

  func executeCommand(_ syntax: CommandSyntax, span: SourceSpan) throws(Interruption) {
    let verb = syntax.verb.lowercased()
    switch verb {
    case "quit", "exit":
      throw .quit
    case "help":
      let topic = try syntax.arguments.first.map { e throws(Interruption) in try evaluate(e) }
      try help(topic: topic)
      return
    case "source":
      try source(syntax, span: span)
      return
    default:
      break
    }
    guard let command = registry.command(named: verb) else {
      let names = registry.names + Self.coreVerbs
      throw .failed(
        RuntimeError(
          "unknown command '\(syntax.verb)'", at: syntax.verbSpan,
          suggestion: NameSuggestion.nearest(to: syntax.verb, among: names)))
    }
    let invocation = try makeInvocation(syntax, span: span, accepting: command.options)
    var next = state
    do throws(RuntimeError) {
      try command.run(&next, invocation, output)
    } catch {
      var error = error
      if error.span == nil { error.span = span }
      error.stack = frames.reversed()
      throw .failed(error)
    }
    state = next
  }

  func makeInvocation(
    _ syntax: CommandSyntax, span: SourceSpan, accepting options: [OptionSpec]
  ) throws(Interruption) -> Invocation {
    var arguments: [Word] = []
    for argument in syntax.arguments { arguments.append(try evaluate(argument)) }
    var seen: [(key: String, keySpan: SourceSpan, value: Word)] = []
    let keys = options.map(\.key)
    for option in syntax.options {
      let key = option.key.lowercased()
      guard keys.contains(key) else {
        let message =
          keys.isEmpty
          ? "'\(syntax.verb)' takes no options"
          : "unknown option '\(option.key)' for '\(syntax.verb)'"
        throw .failed(
          RuntimeError(
            message, at: option.keySpan,
            notes: NameSuggestion.nearest(to: option.key, among: keys).map {
              [DiagnosticNote("did you mean '\($0)'?")]
            } ?? [DiagnosticNote("options of '\(syntax.verb)': \(keys.joined(separator: ", "))")]))
      }
      if seen.contains(where: { $0.key == key }) {
        throw .failed(RuntimeError("option '\(key)' given twice", at: option.keySpan))
      }
      seen.append((key, option.keySpan, try evaluate(option.value)))
    }
    return Invocation(
      verb: syntax.verb.lowercased(), verbSpan: syntax.verbSpan, span: span,
      arguments: arguments, options: seen)
  }

  /// `source "file.ssl"`: runs another script in this session, relative to the current
  /// script's folder.
  func source(_ syntax: CommandSyntax, span: SourceSpan) throws(Interruption) {
    guard syntax.arguments.count == 1, syntax.options.isEmpty,
      case .string(let path) = try evaluate(syntax.arguments[0]).value
    else {
      throw .failed(RuntimeError("usage: source \"file.ssl\"", at: span))
    }
    guard frames.count < 32 else {
      throw .failed(RuntimeError("'source' nested more than 32 deep (a script sourcing itself?)", at: span))
    }
    let here = files[span.file].name
    var url = URL(fileURLWithPath: path)
    if !path.hasPrefix("/"), !here.hasPrefix("<") {
      url = URL(fileURLWithPath: here).deletingLastPathComponent().appendingPathComponent(path)
    }
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .failed(RuntimeError("cannot read '\(url.relativePath)': \(Self.reason(error, path: url.path))", at: syntax.arguments[0].span))
    }
    let id = files.add(SourceFile(name: url.relativePath, text: text))
    let parsed = Parser.parse(files[id], id: id)
    if !parsed.diagnostics.isEmpty {
      let renderer = DiagnosticRenderer(files: files, useColor: useColor)
      for diagnostic in parsed.diagnostics { output.warn(renderer.render(diagnostic)) }
      throw .failed(RuntimeError("'\(url.relativePath)' has syntax errors; nothing in it ran", at: span))
    }
    frames.append(RuntimeError.Frame(span: span, file: url.relativePath))
    defer { frames.removeLast() }
    for statement in parsed.statements { try execute(statement) }
  }

  /// Why a file could not be read, in a few words.
  static func reason(_ error: any Error, path: String) -> String {
    let files = FileManager.default
    var isDirectory: ObjCBool = false
    if !files.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
    if isDirectory.boolValue { return "it is a folder" }
    if !files.isReadableFile(atPath: path) { return "permission denied" }
    return "not UTF-8 text"
  }
}
