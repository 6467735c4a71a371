// Copyright © 2026 the ssl authors.

/// Why a download did not finish. A partial `.part` file is kept unless it is known bad, so
/// the next `fetch` resumes.
public enum DownloadError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The server answered with a status other than 200, 206 or 416.
  case httpStatus(url: String, status: Int)
  /// The connection failed or was dropped; the `.part` file holds what arrived.
  case transport(url: String, reason: String, partialBytes: Int64)
  /// Fewer bytes arrived than the server announced.
  case incomplete(url: String, received: Int64, expected: Int64)
  /// The finished file's SHA-256 is not the recorded one; the `.part` file was deleted.
  case checksumMismatch(path: String, expected: String, found: String)
  /// The cancellation flag was set; the `.part` file is kept.
  case cancelled(partialBytes: Int64)
  /// The destination could not be written.
  case fileSystem(path: String, reason: String)
  /// The model has no file to download (converted by hand, or no published weights).
  case noDownload(model: String, reason: String)

  /// One line for the user.
  public var description: String {
    switch self {
    case .httpStatus(let url, let status): return "\(url): HTTP status \(status)"
    case .transport(let url, let reason, let partial):
      return "\(url): \(reason) (\(partial) bytes kept; run fetch again to resume)"
    case .incomplete(let url, let received, let expected):
      return "\(url): received \(received) of \(expected) bytes (run fetch again to resume)"
    case .checksumMismatch(let path, let expected, let found):
      return "\(path): SHA-256 \(found), expected \(expected); the download was discarded"
    case .cancelled(let partial): return "download cancelled (\(partial) bytes kept)"
    case .fileSystem(let path, let reason): return "cannot write \(path): \(reason)"
    case .noDownload(let model, let reason): return "\(model) cannot be fetched: \(reason)"
    }
  }
}

/// Where a download stands, reported while it runs.
public struct DownloadProgress: Sendable, Equatable {
  /// Bytes in the file so far, counting a resumed prefix.
  public var bytes: Int64
  /// The full size, when the server announced it.
  public var totalBytes: Int64?
  /// Bytes per second over this transfer (the resumed prefix not counted).
  public var bytesPerSecond: Double
  /// Estimated seconds left, when the size and a rate are known.
  public var secondsRemaining: Double? {
    guard let totalBytes, bytesPerSecond > 0 else { return nil }
    return Double(max(totalBytes - bytes, 0)) / bytesPerSecond
  }
}

/// A finished download.
public struct DownloadResult: Sendable, Equatable {
  /// The final file.
  public var file: String
  /// Its size.
  public var bytes: Int64
  /// Its SHA-256, lower-case hex; also written to `<file>.sha256`.
  public var sha256: String
  /// Bytes that were already in the `.part` file when this transfer started.
  public var resumedFrom: Int64
}
