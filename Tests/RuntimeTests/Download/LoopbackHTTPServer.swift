// Copyright © 2026 the ssl authors.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A tiny HTTP/1.1 file server on 127.0.0.1 for the downloader tests.
///
/// Serves one body at `/file`, honours `Range: bytes=N-` with 206, answers 404 elsewhere, and
/// can drop the connection after a number of body bytes on the first request, to test resume.
/// One connection at a time, on its own thread; loopback only.
final class LoopbackHTTPServer: @unchecked Sendable {
  let body: [UInt8]
  let port: UInt16
  private let listener: Int32
  private let lock = NSLock()
  private var dropAfter: Int?
  private var ignoreRange: Bool
  private(set) var requests: [String] = []
  private var stopped = false

  /// Starts listening on an ephemeral port.
  ///
  /// - Parameters:
  ///   - body: The file served at `/file`.
  ///   - dropAfter: Body bytes to send on the first request before closing the connection.
  ///   - ignoreRange: Answer 200 with the whole body even when a range is asked for.
  init(body: [UInt8], dropAfter: Int? = nil, ignoreRange: Bool = false) throws {
    self.body = body
    self.dropAfter = dropAfter
    self.ignoreRange = ignoreRange
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 8) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    port = UInt16(bigEndian: address.sin_port)
    listener = fd
    let thread = Thread { [self] in serve() }
    thread.start()
  }

  var url: URL { URL(string: "http://127.0.0.1:\(port)/file")! }

  func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  private func serve() {
    while true {
      let connection = accept(listener, nil, nil)
      if connection < 0 { return }
      handle(connection)
      close(connection)
      lock.lock()
      let done = stopped
      lock.unlock()
      if done { return }
    }
  }

  private func handle(_ connection: Int32) {
    var request: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !request.ends(with: Array("\r\n\r\n".utf8)) {
      let n = recv(connection, &buffer, buffer.count, 0)
      if n <= 0 { return }
      request += buffer[0..<n]
    }
    let text = String(decoding: request, as: UTF8.self)
    lock.lock()
    requests.append(text)
    let drop = dropAfter
    dropAfter = nil
    let ignore = ignoreRange
    lock.unlock()
    guard text.hasPrefix("GET /file ") else {
      send(connection, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
      return
    }
    var start = 0
    if !ignore,
      let line = text.split(separator: "\r\n").first(where: {
        $0.lowercased().hasPrefix("range: bytes=")
      })
    {
      start = Int(line.split(separator: "=")[1].split(separator: "-")[0]) ?? 0
    }
    if start >= body.count && start > 0 {
      send(
        connection,
        "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
      return
    }
    let slice = Array(body[start...])
    var head = start > 0 ? "HTTP/1.1 206 Partial Content\r\n" : "HTTP/1.1 200 OK\r\n"
    if start > 0 { head += "Content-Range: bytes \(start)-\(body.count - 1)/\(body.count)\r\n" }
    head += "Content-Length: \(slice.count)\r\nConnection: close\r\n\r\n"
    send(connection, head)
    let count = min(drop ?? slice.count, slice.count)
    slice.withUnsafeBytes { raw in
      var sent = 0
      while sent < count {
        let n = Glibc.send(connection, raw.baseAddress! + sent, count - sent, Int32(MSG_NOSIGNAL))
        if n <= 0 { return }
        sent += n
      }
    }
  }

  private func send(_ connection: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    _ = Glibc.send(connection, bytes, bytes.count, Int32(MSG_NOSIGNAL))
  }
}

extension Array where Element == UInt8 {
  fileprivate func ends(with suffix: [UInt8]) -> Bool {
    count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
  }
}
