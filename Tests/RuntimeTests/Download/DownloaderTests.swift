// Copyright © 2026 the ssl authors.
//
// Against LoopbackHTTPServer on 127.0.0.1; no other network.

import Foundation
import Testing

@testable import Runtime

@Suite(.serialized) struct DownloaderTests {
  let body: [UInt8] = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }

  func tempFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-download-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  var digest: String {
    var hash = SHA256()
    hash.update(body)
    return hash.hexDigest()
  }

  @Test func downloadsWithProgressAndDigest() throws {
    let server = try LoopbackHTTPServer(body: body)
    defer { server.stop() }
    let folder = try tempFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let destination = folder.appendingPathComponent("models/file.pth")
    let seen = ProgressLog()
    let result = try Downloader(progressInterval: 0).download(
      from: server.url, to: destination, expectedSHA256: digest
    ) { seen.append($0) }
    #expect(result.bytes == Int64(body.count) && result.resumedFrom == 0)
    #expect(result.sha256 == digest)
    #expect(try Data(contentsOf: destination) == Data(body))
    #expect(!FileManager.default.fileExists(atPath: destination.path + ".part"))
    let sidecar = try String(contentsOfFile: destination.path + ".sha256", encoding: .utf8)
    #expect(sidecar == "\(digest)  file.pth\n")
    let last = try #require(seen.items.last)
    #expect(last.bytes == Int64(body.count) && last.totalBytes == Int64(body.count))
    #expect(last.secondsRemaining == 0)
  }

  @Test func resumesAfterADroppedConnection() throws {
    let server = try LoopbackHTTPServer(body: body, dropAfter: 100_000)
    defer { server.stop() }
    let folder = try tempFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let destination = folder.appendingPathComponent("file.pth")
    do {
      _ = try Downloader().download(from: server.url, to: destination)
      Issue.record("the first attempt should fail")
    } catch {
      guard case .incomplete(_, let received, let expected) = error else {
        guard case .transport = error else {
          Issue.record("unexpected \(error)")
          return
        }
        return
      }
      #expect(received == 100_000 && expected == Int64(body.count))
    }
    let part = try Data(contentsOf: URL(fileURLWithPath: destination.path + ".part"))
    #expect(part.count == 100_000)
    let result = try Downloader().download(
      from: server.url, to: destination, expectedSHA256: digest)
    #expect(result.resumedFrom == 100_000)
    #expect(result.sha256 == digest)
    #expect(try Data(contentsOf: destination) == Data(body))
    #expect(server.requests.last?.contains("Range: bytes=100000-") == true)
  }

  @Test func serverIgnoringTheRangeStartsOver() throws {
    let server = try LoopbackHTTPServer(body: body, ignoreRange: true)
    defer { server.stop() }
    let folder = try tempFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let destination = folder.appendingPathComponent("file.pth")
    try Data(body.prefix(5000)).write(to: URL(fileURLWithPath: destination.path + ".part"))
    let result = try Downloader().download(from: server.url, to: destination)
    #expect(result.resumedFrom == 0 && result.sha256 == digest)
  }

  @Test func wholePartAnd404AndBadDigest() throws {
    let server = try LoopbackHTTPServer(body: body)
    defer { server.stop() }
    let folder = try tempFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let destination = folder.appendingPathComponent("file.pth")
    try Data(body).write(to: URL(fileURLWithPath: destination.path + ".part"))
    let whole = try Downloader().download(from: server.url, to: destination)
    #expect(whole.resumedFrom == Int64(body.count) && whole.sha256 == digest)

    let missing = URL(string: "http://127.0.0.1:\(server.port)/nothing")!
    #expect(throws: DownloadError.httpStatus(url: missing.absoluteString, status: 404)) {
      try Downloader().download(from: missing, to: folder.appendingPathComponent("x"))
    }
    let bad = folder.appendingPathComponent("bad.pth")
    #expect(
      throws: DownloadError.checksumMismatch(path: bad.path, expected: "00", found: digest)
    ) { try Downloader().download(from: server.url, to: bad, expectedSHA256: "00") }
    #expect(!FileManager.default.fileExists(atPath: bad.path + ".part"))
  }
}

/// Progress reports collected from the delegate queue.
final class ProgressLog: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [DownloadProgress] = []
  func append(_ p: DownloadProgress) {
    lock.lock()
    storage.append(p)
    lock.unlock()
  }
  var items: [DownloadProgress] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
