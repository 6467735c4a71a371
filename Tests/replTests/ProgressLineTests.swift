// Copyright © 2026 the ssl authors.

import Foundation
import Lang
import Synchronization
import Testing

@testable import repl

/// Progress texts (``ProgressEvent``) and how ``ProgressLine`` draws them on a terminal and in
/// a pipe.
struct ProgressLineTests {
  /// A clock the test moves, and what the renderer wrote.
  final class Harness: @unchecked Sendable {
    private let lock = NSLock()
    private var time = 0.0
    private var written = ""
    var output: String { lock.withLock { written } }
    func advance(_ seconds: Double) { lock.withLock { time += seconds } }

    func line(terminal: Bool) -> ProgressLine {
      ProgressLine(
        isTerminal: terminal, now: { [self] in lock.withLock { time } },
        emit: { [self] text in lock.withLock { written += text } })
    }
  }

  @Test func summaryAndBarTexts() {
    let done = ProgressEvent(label: "extracted", done: 7349, total: 7349, unit: "images")
    #expect(done.summary(elapsed: 192) == "extracted 7,349 images in 3m12s (38.3 img/s)")
    let half = ProgressEvent(label: "extracted", done: 3120, total: 7349, unit: "images")
    #expect(
      half.bar(elapsed: 81.7)
        == "extracted [##########--------------]  42% 3,120/7,349 images  38.2 img/s  1m51s left")
    let episodes = ProgressEvent(label: "ran", done: 600, total: 600, unit: "episodes")
    #expect(episodes.summary(elapsed: 4.25) == "ran 600 episodes in 4.2s (141 episodes/s)")
  }

  @Test func aPipeGetsOnlyTheSummary() {
    let harness = Harness()
    let progress = harness.line(terminal: false)
    for done in stride(from: 0, through: 100, by: 10) {
      progress.show(ProgressEvent(label: "fitted", done: done, total: 100, unit: "points"))
      harness.advance(0.5)
    }
    #expect(harness.output == "fitted 100 points in 5.0s (20.0 points/s)\n")
  }

  @Test func aTerminalRedrawsOneLineAtMostTenTimesASecond() {
    let harness = Harness()
    let progress = harness.line(terminal: true)
    for done in 0..<50 {
      progress.show(ProgressEvent(label: "extracted", done: done, total: 50, unit: "images"))
      harness.advance(0.02)  // 50 Hz of events
    }
    progress.show(ProgressEvent(label: "extracted", done: 50, total: 50, unit: "images"))
    let redraws = harness.output.components(separatedBy: "\r").count - 1
    #expect(redraws >= 9 && redraws <= 12, "redraws: \(redraws)")
    #expect(!harness.output.contains("\n") || harness.output.hasSuffix("(50.0 img/s)\n"))
    #expect(harness.output.hasSuffix("\r\u{1B}[Kextracted 50 images in 1.0s (50.0 img/s)\n"))
  }

  @Test func otherOutputClearsABarFirst() {
    let harness = Harness()
    let progress = harness.line(terminal: true)
    progress.show(ProgressEvent(label: "extracted", done: 1, total: 10, unit: "images"))
    progress.clear()
    progress.clear()
    #expect(harness.output.hasSuffix("\u{1B}[K\r\u{1B}[K"))
    #expect(harness.output.components(separatedBy: "\r\u{1B}[K").count == 2)
  }
}
