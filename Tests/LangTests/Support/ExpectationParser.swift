// Copyright © 2026 the ssl authors.

import Foundation

/// What a golden script expects, read from its comments:
///
///     load byol              # expect: loaded BYOL — …
///     corr imagenet petz     # expect stderr: <file>:2:15: error: unknown task or group 'petz'
///     # expect exit: 70
///
/// Every `expect:` is one line of standard output and every `expect stderr:` one line of
/// standard error, in order; together they must be the whole output. `exit` defaults to 0.
struct GoldenExpectation {
  var stdout: [String] = []
  var stderr: [String] = []
  var exitCode: Int32 = 0

  init(parsing text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard let hash = line.range(of: "# expect") else { continue }
      let rest = line[hash.upperBound...]
      if let r = rest.range(of: "stderr: ") ?? rest.range(of: "stderr:"), rest.hasPrefix(" stderr") {
        stderr.append(String(rest[r.upperBound...]))
      } else if rest.hasPrefix(" exit:") {
        exitCode = Int32(rest.dropFirst(" exit:".count).trimmingCharacters(in: .whitespaces)) ?? -1
      } else if rest.hasPrefix(": ") {
        stdout.append(String(rest.dropFirst(2)))
      } else if rest.hasPrefix(":") {
        stdout.append(String(rest.dropFirst(1)))
      }
    }
  }
}
