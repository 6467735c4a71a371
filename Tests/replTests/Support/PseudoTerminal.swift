// Copyright © 2026 the ssl authors.

import Foundation
import Glibc

/// Runs a program on a fresh pseudo-terminal, as a user at a terminal would: the program's
/// standard streams are the terminal, it is the session leader, so Ctrl-C (byte 3) typed into
/// the terminal raises SIGINT in it. Every read has a deadline, so a hung program fails the
/// test instead of hanging it.
final class PseudoTerminal {
  /// Why driving the terminal failed.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let master: Int32
  /// The program's process id.
  let pid: pid_t
  private var output: [UInt8] = []
  private var consumed = 0
  private var exitStatus: Int32?

  /// Everything the program wrote so far, as text.
  var transcript: String { String(decoding: output, as: UTF8.self) }

  /// Starts `executable` with `arguments` and exactly `environment`, on an 80×24 terminal.
  init(executable: String, arguments: [String] = [], environment: [String: String]) throws {
    // Everything the child needs is built before fork: after fork only execve and _exit run.
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    var fd: Int32 = -1
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    let child = forkpty(&fd, nil, nil, &size)
    if child == 0 {
      // The test runner's threads may block or ignore SIGINT, and both survive exec; a
      // shell would give the program a clean slate.
      sigprocmask(SIG_SETMASK, &unblocked, nil)
      signal(SIGINT, SIG_DFL)
      execve(executable, argv, envp)
      _exit(127)
    }
    guard child > 0 else { throw Failure(description: "forkpty failed: errno \(errno)") }
    pid = child
    master = fd
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(master)
  }

  /// Types text (`\r` is Enter, `\t` Tab, `\u{3}` Ctrl-C, `\u{4}` Ctrl-D, `\u{1B}[A` Up).
  func send(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let n = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if n <= 0 { return }
      bytes = bytes.dropFirst(n)
    }
  }

  /// Waits until `text` appears in the output after the previous match, and returns the
  /// output up to and including it.
  ///
  /// - Throws: ``Failure`` with the unmatched output when `timeout` seconds pass first.
  @discardableResult
  func expect(_ text: String, timeout: Double = 10) throws -> String {
    let needle = Array(text.utf8)
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let range = find(needle) {
        let seen = String(decoding: output[consumed..<range.upperBound], as: UTF8.self)
        consumed = range.upperBound
        return seen
      }
      let left = deadline.timeIntervalSinceNow
      guard left > 0, readSome(timeout: left) else {
        let rest = String(decoding: output[consumed...], as: UTF8.self)
        throw Failure(
          description:
            "timed out waiting for \(text.debugDescription); got \(rest.debugDescription)"
            + "\n" + threadStates())
      }
    }
  }

  /// Waits until the program has put the terminal in its line-editing (non-canonical) mode
  /// and is reading.
  ///
  /// libedit prints the prompt a moment before it switches the mode, and switches it a moment
  /// before it blocks in `read`: a Ctrl-D typed before the switch is the kernel's end-of-file
  /// marker, lost when the mode changes, and a Ctrl-C typed before the `read` interrupts
  /// nothing. A person never types within those microseconds; a test does unless it waits.
  /// (On Linux the master side reads the terminal's settings.)
  func waitForLineEditing(timeout: Double = 10) throws {
    let deadline = Date().addingTimeInterval(timeout)
    var settings = termios()
    while Date() < deadline {
      if tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) == 0 {
        _ = readSome(timeout: 0.05)
        return
      }
      _ = readSome(timeout: 0.005)
    }
    throw Failure(description: "the terminal never left canonical mode")
  }

  /// Waits for the program to exit and returns its status (128 + n when killed by signal n).
  func waitForExit(timeout: Double = 10) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        exitStatus = code
        return code
      }
      _ = readSome(timeout: 0.05)
    }
    throw Failure(description: "the program did not exit; output \(transcript.debugDescription)")
  }

  /// Each of the program's threads with its signal masks and what it waits on, to explain a
  /// hang (a signal pending on the wrong thread, say).
  private func threadStates() -> String {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    return tasks.sorted().map { task in
      let folder = "/proc/\(pid)/task/\(task)/"
      let status = (try? String(contentsOfFile: folder + "status", encoding: .utf8)) ?? ""
      let wait = (try? String(contentsOfFile: folder + "wchan", encoding: .utf8)) ?? "?"
      let fields = status.split(separator: "\n").filter {
        $0.hasPrefix("Name") || $0.hasPrefix("SigPnd") || $0.hasPrefix("SigBlk")
      }
      return "thread \(task): " + fields.joined(separator: " ") + " wchan \(wait)"
    }.joined(separator: "\n")
  }

  /// Reads what arrives within `timeout` seconds (at most one); false at end of output.
  private func readSome(timeout: Double) -> Bool {
    var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&poller, 1, Int32(min(timeout, 1) * 1000)) > 0 else { return true }
    var chunk = [UInt8](repeating: 0, count: 4096)
    let n = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
    guard n > 0 else { return false }
    output += chunk[..<n]
    return true
  }

  private func find(_ needle: [UInt8]) -> Range<Int>? {
    guard !needle.isEmpty, output.count - consumed >= needle.count else { return nil }
    for start in consumed...(output.count - needle.count)
    where output[start..<start + needle.count].elementsEqual(needle) {
      return start..<start + needle.count
    }
    return nil
  }
}
