// Copyright © 2026 the ssl authors.
//
// Downloader.swift — `fetch <model>`: HTTP(S) download with resume, progress and SHA-256.
//
// The file grows as `<destination>.part`. If a `.part` exists, the request carries
// `Range: bytes=<size>-`: a 206 appends, a 200 (server ignored the range) starts over, a 416
// means the part is already whole. The SHA-256 is computed while bytes arrive (over the kept
// prefix first when resuming); at the end it is checked against the expected digest if one
// was given, written to `<destination>.sha256`, and the part is renamed into place
// atomically, so a half-written file never carries the final name.
//
// Transport is URLSession (libcurl on Linux), which brings TLS and redirects. It is the only
// file that needs FoundationNetworking.

import Foundation
import Kernels

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Downloads files with resume, progress reports and a recorded SHA-256.
public struct Downloader: Sendable {
  /// Seconds without data before a request fails.
  public var timeout: TimeInterval
  /// Seconds between progress reports (the last one always comes).
  public var progressInterval: TimeInterval

  /// Creates a downloader.
  ///
  /// - Parameters:
  ///   - timeout: Idle timeout per request.
  ///   - progressInterval: Minimum seconds between progress reports.
  public init(timeout: TimeInterval = 60, progressInterval: TimeInterval = 0.25) {
    self.timeout = timeout
    self.progressInterval = progressInterval
  }

  /// Downloads `url` to `destination`, resuming a `.part` left by an earlier attempt.
  ///
  /// Blocks until done. Missing folders are created.
  ///
  /// - Parameters:
  ///   - url: The source (http or https).
  ///   - destination: The final path.
  ///   - expectedSHA256: The digest the file must have, when known.
  ///   - cancellation: Polled as data arrives; the `.part` is kept when it fires.
  ///   - progress: Called with the bytes so far, rate and ETA.
  /// - Returns: The file, its size and SHA-256.
  /// - Throws: ``DownloadError``.
  public func download(
    from url: URL, to destination: URL, expectedSHA256: String? = nil,
    cancellation: CancellationFlag? = nil,
    progress: @escaping @Sendable (DownloadProgress) -> Void = { _ in }
  ) throws(DownloadError) -> DownloadResult {
    let part = URL(fileURLWithPath: destination.path + ".part")
    let sink = try DownloadSink(part: part, interval: progressInterval, progress: progress)
    sink.cancellation = cancellation
    var request = URLRequest(url: url, timeoutInterval: timeout)
    if sink.resumedFrom > 0 {
      request.setValue("bytes=\(sink.resumedFrom)-", forHTTPHeaderField: "Range")
    }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    let session = URLSession(configuration: configuration, delegate: sink, delegateQueue: nil)
    session.dataTask(with: request).resume()
    sink.done.wait()
    session.finishTasksAndInvalidate()
    let outcome = sink.finish()
    // On failure the part stays for the next attempt to resume.
    if let error = outcome.error { throw error }
    let digest = outcome.sha256
    if let expectedSHA256, expectedSHA256.lowercased() != digest {
      try? FileManager.default.removeItem(at: part)
      throw .checksumMismatch(path: destination.path, expected: expectedSHA256, found: digest)
    }
    guard rename(part.path, destination.path) == 0 else {
      throw .fileSystem(path: destination.path, reason: String(cString: strerror(errno)))
    }
    let sidecar = "\(digest)  \(destination.lastPathComponent)\n"
    try? sidecar.write(toFile: destination.path + ".sha256", atomically: true, encoding: .utf8)
    return DownloadResult(
      file: destination.path, bytes: outcome.bytes, sha256: digest, resumedFrom: sink.resumedFrom)
  }
}
