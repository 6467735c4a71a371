// Copyright © 2026 the ssl authors.

import Foundation

/// The images a run skipped because they could not be decoded; a run never stops for them.
public struct UnreadableImageReport: Sendable, Equatable {
  /// How many images the run tried.
  public var attempted: Int = 0
  /// The failures, in the order met.
  public var failures: [ImageError] = []

  /// An empty report.
  public init() {}

  /// Whether nothing failed.
  public var isEmpty: Bool { failures.isEmpty }

  /// One line, for example `3 of 7,349 images unreadable`.
  public var summary: String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.locale = Locale(identifier: "en_US")
    let total = formatter.string(from: NSNumber(value: attempted)) ?? String(attempted)
    let count = formatter.string(from: NSNumber(value: failures.count)) ?? String(failures.count)
    return "\(count) of \(total) images unreadable"
  }

  /// Writes one `path<TAB>reason` line per failure; returns the summary with the list's path
  /// (`3 of 7,349 images unreadable — list in <path>`).
  public func writeList(to path: String) throws(ImageError) -> String {
    let text = failures.map { "\($0.path)\t\($0.description)" }.joined(separator: "\n") + "\n"
    do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
      throw .unreadable(path: path, reason: "cannot write the list of unreadable images")
    }
    return "\(summary) — list in \(path)"
  }
}
