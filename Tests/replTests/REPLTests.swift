// Copyright © 2026 the ssl authors.

import Foundation
import Lang
import Testing

@testable import repl

/// The REPL loop over a ``ScriptedLineReader``: prompts, continuation, Ctrl-C at the prompt,
/// history, and one session across cells.
struct REPLTests {
  final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    var output: String { lock.withLock { text } }
    var sink: OutputSink {
      OutputSink(
        write: { [self] t in lock.withLock { text += t } },
        warn: { [self] t in lock.withLock { text += t } })
    }
  }

  @Test func cellsContinuationAndInterrupts() {
    let capture = Capture()
    let session = Session(output: capture.sink)
    let reader = ScriptedLineReader([
      .line("for m in [byol,"), .line("swav] { load $m }"),
      .line("load [supervised,"), .interrupted,
      .line("models"), .line("load nosuch"), .line("unload swav"), .end,
    ])
    var repl = REPL(session: session, reader: reader)
    repl.loop(banner: "")
    #expect(
      repl.reader.prompts == [
        "ssl> ", "...> ", "ssl> ", "...> ", "ssl> ", "ssl> ", "ssl> ", "ssl> ",
      ])
    #expect(
      repl.reader.history == [
        "for m in [byol,\nswav] { load $m }", "models", "load nosuch", "unload swav",
      ])
    #expect(capture.output.contains("2 models on the bench"))
    #expect(!capture.output.contains("Supervised"))
    #expect(capture.output.contains("<repl:3>:1:6: error: unknown model 'nosuch'"))
    #expect(capture.output.hasSuffix("1 model on the bench\n"))
  }

  @Test func quitEndsTheLoop() {
    let capture = Capture()
    var repl = REPL(
      session: Session(output: capture.sink),
      reader: ScriptedLineReader([.line("quit"), .line("load byol")]))
    repl.loop(banner: "")
    #expect(repl.reader.inputs == [.line("load byol")])
  }
}
