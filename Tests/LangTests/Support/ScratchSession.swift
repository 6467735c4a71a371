// Copyright © 2026 the ssl authors.

import Foundation
import Lang
import Runtime

/// A session on a fresh temporary workspace, removed when the value goes away. Scripts see
/// `$ws` (the workspace), `$data` (the tinyset) and `$model` (the tiny bottleneck ResNet).
final class ScratchSession {
  let workspace: URL
  let capture = OutputCapture()
  let session: Session

  init(_ prefix: String) {
    workspace = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-\(prefix)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    session = Session(output: capture.sink)
    session.define("ws", string: workspace.path)
    session.define("data", string: EvalEndToEndTests.data)
    session.define("model", string: EvalEndToEndTests.model)
  }

  deinit { try? FileManager.default.removeItem(at: workspace) }

  /// Runs a script in the session.
  func run(_ script: String, name: String = "<scratch>") -> RunStatus { session.run(script, name: name) }

  /// The results the workspace's database holds.
  func stored() throws -> [Runtime.MeasuredResult] {
    try Runtime.ResultsStore(path: workspace.path + "/results.sqlite").all()
  }
}
