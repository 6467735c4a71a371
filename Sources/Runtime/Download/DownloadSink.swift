// Copyright © 2026 the ssl authors.

import Foundation
import Kernels

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The URLSession delegate behind ``Downloader``: writes the `.part` file, hashes, reports.
///
/// Callbacks arrive on URLSession's serial delegate queue; `lock` guards the state that
/// ``finish()`` reads from the calling thread after `done` is signalled.
final class DownloadSink: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  let done = DispatchSemaphore(value: 0)
  private(set) var resumedFrom: Int64
  var cancellation: CancellationFlag?
  private let part: URL
  private let interval: TimeInterval
  private let progress: @Sendable (DownloadProgress) -> Void
  private let lock = NSLock()
  private var handle: FileHandle
  private var digest = SHA256()
  private var bytes: Int64
  private var total: Int64?
  private var started = Date()
  private var lastReport = Date.distantPast
  private var error: DownloadError?
  private var alreadyComplete = false

  init(part: URL, interval: TimeInterval, progress: @escaping @Sendable (DownloadProgress) -> Void)
    throws(DownloadError)
  {
    self.part = part
    self.interval = interval
    self.progress = progress
    let manager = FileManager.default
    do {
      try manager.createDirectory(
        at: part.deletingLastPathComponent(), withIntermediateDirectories: true)
      if !manager.fileExists(atPath: part.path) {
        _ = manager.createFile(atPath: part.path, contents: nil)
      }
      handle = try FileHandle(forUpdating: part)
      // Hash what an earlier attempt kept, in 4 MiB reads.
      var kept: Int64 = 0
      while let chunk = try handle.read(upToCount: 4 << 20), !chunk.isEmpty {
        digest.update(chunk)
        kept += Int64(chunk.count)
      }
      resumedFrom = kept
      bytes = kept
    } catch {
      throw .fileSystem(path: part.path, reason: "\(error)")
    }
  }

  /// The outcome once `done` has been signalled.
  func finish() -> (error: DownloadError?, bytes: Int64, sha256: String) {
    lock.lock()
    defer { lock.unlock() }
    try? handle.close()
    return (error, bytes, digest.hexDigest())
  }

  private func fail(_ e: DownloadError) {
    if error == nil { error = e }
  }

  // MARK: - URLSessionDataDelegate

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    lock.lock()
    defer { lock.unlock() }
    let url = response.url?.absoluteString ?? ""
    let status = (response as? HTTPURLResponse)?.statusCode ?? 200
    let length = response.expectedContentLength
    switch status {
    case 206:
      total = length >= 0 ? bytes + length : nil
    case 200:
      if bytes > 0 {  // the server ignored the range: start over
        do {
          try handle.truncate(atOffset: 0)
        } catch {
          fail(.fileSystem(path: part.path, reason: "\(error)"))
          completionHandler(.cancel)
          return
        }
        digest = SHA256()
        bytes = 0
        resumedFrom = 0
      }
      total = length >= 0 ? length : nil
    case 416 where bytes > 0:
      alreadyComplete = true  // the part already holds the whole file
      total = bytes
      completionHandler(.cancel)
      return
    default:
      fail(.httpStatus(url: url, status: status))
      completionHandler(.cancel)
      return
    }
    started = Date()
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    lock.lock()
    if cancellation?.isCancelled == true {
      fail(.cancelled(partialBytes: bytes))
      lock.unlock()
      dataTask.cancel()
      return
    }
    do {
      try handle.write(contentsOf: data)
    } catch {
      fail(.fileSystem(path: part.path, reason: "\(error)"))
      lock.unlock()
      dataTask.cancel()
      return
    }
    digest.update(data)
    bytes += Int64(data.count)
    let now = Date()
    let report: DownloadProgress? =
      now.timeIntervalSince(lastReport) >= interval || bytes == total ? snapshot(now) : nil
    if report != nil { lastReport = now }
    lock.unlock()
    if let report { progress(report) }
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError e: Error?) {
    lock.lock()
    let url = task.originalRequest?.url?.absoluteString ?? ""
    if alreadyComplete {
      // 416 on a whole part: nothing to add.
    } else if let e, error == nil {
      fail(.transport(url: url, reason: e.localizedDescription, partialBytes: bytes))
    } else if error == nil, let total, bytes < total {
      fail(.incomplete(url: url, received: bytes, expected: total))
    }
    let final = error == nil ? snapshot(Date()) : nil
    lock.unlock()
    if let final { progress(final) }
    done.signal()
  }

  private func snapshot(_ now: Date) -> DownloadProgress {
    let elapsed = now.timeIntervalSince(started)
    let rate = elapsed > 0 ? Double(bytes - resumedFrom) / elapsed : 0
    return DownloadProgress(bytes: bytes, totalBytes: total, bytesPerSecond: rate)
  }
}
