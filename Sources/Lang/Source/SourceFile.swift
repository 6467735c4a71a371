// Copyright © 2026 the ssl authors.

/// Identifies a ``SourceFile`` inside a ``SourceFileTable``.
public struct SourceFileID: Hashable, Sendable {
  /// The index of the file in its table.
  public let rawValue: Int

  /// Wraps a table index.
  public init(rawValue: Int) { self.rawValue = rawValue }
}

/// The text of one `.ssl` program (a file, an `-e` argument or a REPL cell).
///
/// Spans are UTF-8 byte offsets into ``bytes``; line and column are computed only when a
/// diagnostic is displayed (``location(of:)``), from a table of line starts built once.
public struct SourceFile: Sendable {
  /// The name shown in diagnostics: a path, `<-e>` or `<repl:3>`.
  public let name: String
  /// The program text.
  public let text: String
  /// The UTF-8 bytes of ``text``; every ``SourceSpan`` indexes into these.
  public let bytes: [UInt8]
  /// Byte offsets at which each line starts; `lineStarts[0] == 0`.
  public let lineStarts: [Int]

  /// Creates a source file and its line table.
  public init(name: String, text: String) {
    self.name = name
    self.text = text
    self.bytes = Array(text.utf8)
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
    self.lineStarts = starts
  }

  /// The 1-based line and column (in characters) of a byte offset.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let offset = min(max(offset, 0), bytes.count)
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {  // last line start <= offset
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    let prefix = bytes[lineStarts[lo]..<offset]
    let column = String(decoding: prefix, as: UTF8.self).count + 1
    return (lo + 1, column)
  }

  /// The text of a 1-based line, without its newline.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
  }

  /// The source text a span covers.
  public func text(of span: SourceSpan) -> String {
    let s = min(max(span.start, 0), bytes.count)
    let e = min(max(span.end, s), bytes.count)
    return String(decoding: bytes[s..<e], as: UTF8.self)
  }
}

/// All source files of a session, so that a span can be turned back into text.
public struct SourceFileTable: Sendable {
  /// The files, indexed by ``SourceFileID/rawValue``.
  public private(set) var files: [SourceFile] = []

  /// An empty table.
  public init() {}

  /// Adds a file and returns its identifier.
  public mutating func add(_ file: SourceFile) -> SourceFileID {
    files.append(file)
    return SourceFileID(rawValue: files.count - 1)
  }

  /// The file with the given identifier.
  public subscript(id: SourceFileID) -> SourceFile { files[id.rawValue] }
}
