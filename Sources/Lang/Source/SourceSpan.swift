// Copyright © 2026 the ssl authors.

/// A half-open range of UTF-8 byte offsets `[start, end)` in one source file.
public struct SourceSpan: Hashable, Sendable {
  /// The file the offsets refer to.
  public var file: SourceFileID
  /// First byte of the span.
  public var start: Int
  /// One past the last byte of the span.
  public var end: Int

  /// Creates a span.
  public init(file: SourceFileID, start: Int, end: Int) {
    self.file = file
    self.start = start
    self.end = end
  }

  /// The smallest span covering both spans (which must be in the same file).
  public func merged(with other: SourceSpan) -> SourceSpan {
    SourceSpan(file: file, start: min(start, other.start), end: max(end, other.end))
  }
}
