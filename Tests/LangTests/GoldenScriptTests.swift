// Copyright © 2026 the ssl authors.

import Foundation
import Lang
import Testing

/// Runs every script under `Golden/` and compares its output and exit status with the
/// expectations written in its comments (see `Support/ExpectationParser.swift` and
/// `Golden/README.md`). Scripts may use `$tmp`, a fresh folder per script; its path is shown
/// as `$tmp` in the output.
struct GoldenScriptTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static var scripts: [String] {
    let enumerator = FileManager.default.enumerator(atPath: root.path)
    var found: [String] = []
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".ssl") { found.append(path) }
    }
    return found.sorted()
  }

  @Test func goldenFolderHasScripts() {
    #expect(Self.scripts.count >= 20)
  }

  /// Every parser diagnostic has its golden script, named after its ID in snake case.
  @Test(arguments: DiagnosticID.allCases)
  func everyDiagnosticHasAGoldenScript(_ id: DiagnosticID) {
    var snake = ""
    for c in id.rawValue {
      if c.isUppercase { snake += "_" + c.lowercased() } else { snake.append(c) }
    }
    let path = Self.root.appendingPathComponent("errors/syntax/\(snake).ssl").path
    #expect(FileManager.default.fileExists(atPath: path), "no golden script \(path)")
  }

  @Test(arguments: scripts)
  func script(_ relativePath: String) throws {
    let url = Self.root.appendingPathComponent(relativePath)
    let text = try String(contentsOf: url, encoding: .utf8)
    let expected = GoldenExpectation(parsing: text)
    let tmp = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-golden-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: tmp) }

    let capture = OutputCapture()
    let session = Session(output: capture.sink)
    session.define("tmp", string: tmp.path)
    // Run under the full path so `source` finds files next to the script; print it relative.
    let status = session.run(text, name: url.path)
    func clean(_ text: String) -> String {
      text.replacingOccurrences(of: Self.root.path + "/", with: "")
        .replacingOccurrences(of: tmp.path, with: "$tmp")
    }
    let stdout = clean(capture.stdout)
    let stderr = clean(capture.stderr)

    #expect(lines(stdout) == expected.stdout, "stdout of \(relativePath)")
    #expect(lines(stderr) == expected.stderr, "stderr of \(relativePath)")
    #expect(Session.exitCode(for: status) == expected.exitCode, "exit status of \(relativePath)")
  }

  private func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}

/// Collects what a session prints.
final class OutputCapture: @unchecked Sendable {
  private let lock = NSLock()
  private var out = ""
  private var err = ""

  var stdout: String { lock.withLock { out } }
  var stderr: String { lock.withLock { err } }

  private var events: [String] = []

  /// Progress reports as `label done/total unit`, in order.
  var progress: [String] { lock.withLock { events } }

  var sink: OutputSink {
    var sink = OutputSink(
      write: { [self] text in lock.withLock { out += text } },
      warn: { [self] text in lock.withLock { err += text } })
    sink.onProgress = { [self] event in
      lock.withLock { events.append("\(event.label) \(event.done)/\(event.total) \(event.unit)") }
    }
    return sink
  }
}
