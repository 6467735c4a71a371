// Copyright © 2026 the ssl authors.

import Foundation

/// Read-only bytes of a checkpoint: a memory-mapped file or an owned copy.
///
/// A final class so that readers can keep an `UnsafeRawBufferPointer` into it for as long as
/// they hold the object; the mapping is released in `deinit`. Mapping (rather than reading)
/// keeps a 100 MB checkpoint from being copied before its tensors are decoded, and the pages
/// of dropped tensors (projection heads, momentum encoders) are never touched.
public final class CheckpointBytes: @unchecked Sendable {
  /// The bytes. Valid while `self` is alive; never written.
  public let bytes: UnsafeRawBufferPointer
  private let release: Release

  private enum Release {
    case unmap(UnsafeMutableRawPointer, Int)
    case deallocate(UnsafeMutableRawPointer)
    case none
  }

  /// Maps a file read-only.
  ///
  /// - Parameter url: A local file.
  /// - Throws: ``CheckpointError/unreadable(path:reason:)`` when it cannot be opened or mapped.
  public init(contentsOf url: URL) throws(CheckpointError) {
    let path = url.path
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw .unreadable(path: path, reason: "not a regular file")
    }
    let size = Int(info.st_size)
    if size == 0 {
      bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      release = .none
      return
    }
    guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    bytes = UnsafeRawBufferPointer(start: base, count: size)
    release = .unmap(base, size)
  }

  /// Copies bytes into a new buffer (tests, inflated zip entries).
  ///
  /// - Parameter array: The bytes.
  public init(_ array: [UInt8]) {
    if array.isEmpty {
      bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      release = .none
      return
    }
    let base = UnsafeMutableRawPointer.allocate(byteCount: array.count, alignment: 16)
    array.withUnsafeBytes {
      UnsafeMutableRawBufferPointer(start: base, count: array.count).copyMemory(from: $0)
    }
    bytes = UnsafeRawBufferPointer(start: base, count: array.count)
    release = .deallocate(base)
  }

  deinit {
    switch release {
    case .unmap(let base, let size): munmap(base, size)
    case .deallocate(let base): base.deallocate()
    case .none: break
    }
  }

  /// The number of bytes.
  public var count: Int { bytes.count }

  /// The first `n` bytes (fewer when the source is shorter), for format detection.
  public func prefix(_ n: Int) -> [UInt8] { Array(bytes.prefix(n)) }
}
