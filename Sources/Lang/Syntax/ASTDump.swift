// Copyright © 2026 the ssl authors.

/// A stable, indented text form of a syntax tree, for golden tests and debugging.
///
/// One node per line, children indented by two spaces, each line ending with the node's
/// source range as `line:col-line:col` (1-based, end exclusive). For example,
/// `let xs = [pets, 1e-6]` followed by `eval $xs linear shot=20` dumps as
///
/// ```
/// let xs 1:1-1:22
///   list 1:10-1:22
///     name pets 1:11-1:15
///     number 1e-06 1:17-1:21
/// command eval 2:1-2:24
///   variable xs 2:6-2:9
///   name linear 2:10-2:16
///   option shot 2:17-2:24
///     number 20 2:22-2:24
/// ```
///
/// Numbers print integral values without a fraction and others in Swift's shortest
/// round-trip form; strings print quoted with `\"`, `\\`, `\n` and `\t` escaped.
public enum ASTDump {
  /// Dumps statements.
  ///
  /// - Parameters:
  ///   - statements: The statements, as ``Parser/parse(_:id:)`` returns them.
  ///   - file: The file their spans point into (for line and column).
  /// - Returns: The dump; every line ends in `"\n"`.
  public static func dump(_ statements: [Stmt], file: SourceFile) -> String {
    var out = ""
    for statement in statements { dump(statement, depth: 0, file: file, into: &out) }
    return out
  }

  static func dump(_ statement: Stmt, depth: Int, file: SourceFile, into out: inout String) {
    switch statement.kind {
    case .command(let command):
      line("command \(command.verb)", statement.span, depth, file, &out)
      for argument in command.arguments { dump(argument, depth: depth + 1, file: file, into: &out) }
      for option in command.options {
        line("option \(option.key)", option.span, depth + 1, file, &out)
        dump(option.value, depth: depth + 2, file: file, into: &out)
      }
    case .let(let name, _, let value):
      line("let \(name)", statement.span, depth, file, &out)
      dump(value, depth: depth + 1, file: file, into: &out)
    case .for(let variable, _, let sequence, let body):
      line("for \(variable)", statement.span, depth, file, &out)
      dump(sequence, depth: depth + 1, file: file, into: &out)
      out += String(repeating: "  ", count: depth + 1) + "body\n"
      for inner in body { dump(inner, depth: depth + 2, file: file, into: &out) }
    }
  }

  static func dump(_ expr: Expr, depth: Int, file: SourceFile, into out: inout String) {
    switch expr.kind {
    case .name(let name): line("name \(name)", expr.span, depth, file, &out)
    case .number(let value): line("number \(format(value))", expr.span, depth, file, &out)
    case .string(let value): line("string \(quote(value))", expr.span, depth, file, &out)
    case .variable(let name): line("variable \(name)", expr.span, depth, file, &out)
    case .list(let elements):
      line("list", expr.span, depth, file, &out)
      for element in elements { dump(element, depth: depth + 1, file: file, into: &out) }
    }
  }

  // MARK: - Formatting

  static func line(
    _ text: String, _ span: SourceSpan, _ depth: Int, _ file: SourceFile, _ out: inout String
  ) {
    let start = file.location(of: span.start)
    let end = file.location(of: span.end)
    out += String(repeating: "  ", count: depth)
    out += "\(text) \(start.line):\(start.column)-\(end.line):\(end.column)\n"
  }

  /// `600`, `-0.5`, `1e-06`: integral values below 2^53 without a fraction.
  static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    return "\(value)"
  }

  static func quote(_ value: String) -> String {
    var out = "\""
    for character in value {
      switch character {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.append(character)
      }
    }
    return out + "\""
  }
}
