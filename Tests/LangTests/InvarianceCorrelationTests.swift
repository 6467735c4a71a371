// Copyright © 2026 the ssl authors.

import Foundation
@testable import Lang
import Runtime
import Testing

/// Invariance columns in `corr` like any other column: as y (`corr <task> invariance`) and as
/// x (`corr hue invariance xmetric=cosine`), raw (S) or negated (L), on three bench entries —
/// the two tiny models and their fusion.
struct InvarianceCorrelationTests {
  @Test func invarianceColumnsCorrelate() throws {
    let ws = FileManager.default.temporaryDirectory.appendingPathComponent("ssl-icorr-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: ws) }
    try InvarianceEndToEndTests.writeNoise(to: ws.appendingPathComponent("reference"))
    let capture = OutputCapture()
    let session = Session(output: capture.sink)
    session.define("ws", string: ws.path)
    session.define("data", string: EvalEndToEndTests.data)
    let script = """
      set workspace $ws
      load tiny from="\(InvarianceEndToEndTests.models[0].1)"
      load basic from="\(InvarianceEndToEndTests.models[1].1)"
      fuse tiny basic as=tb
      data tinyset from="$data"
      data noise from="$ws/reference"
      eval tinyset invariance n=2 k=2 transforms=[h_flip, hue, invert] reference=noise ridge=1e-3
      corr hue invariance xmetric=cosine method=pearson
      """
    #expect(session.run(script, name: "<icorr>") == .ok, "\(capture.stderr)")
    #expect(capture.stdout.contains("corr hue invariance: 3 models, x = raw(hue synthetic cosine)"), "\(capture.stdout)")
    #expect(capture.stdout.contains("hue     synthetic  mahalanobis  negated  3"), "\(capture.stdout)")
    let rows = try ResultsStore(path: ws.path + "/results.sqlite").all().map(\.row)
    func column(_ task: String, _ metric: String) -> [Double] {
      ["tiny", "basic", "tb"].map { m in rows.first { $0.model == m && $0.task == task && $0.metric == metric }?.value ?? .nan }
    }
    func line(_ prefix: String) -> String {
      capture.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init) ?? ""
    }
    let r = Correlation.pearson(column("hue", "cosine"), column("h_flip", "cosine")).r
    #expect(line("h_flip  synthetic  cosine       raw      3").contains(String(format: " %.3f ", r)), "\(capture.stdout)")
    let negated = Correlation.pearson(column("hue", "cosine"), column("invert", "mahalanobis").map { -$0 }).r
    #expect(line("invert  synthetic  mahalanobis  negated  3").contains(String(format: " %.3f ", negated)))

    // An ambiguous x names its columns.
    #expect(session.run("corr hue invariance", name: "<icorr2>") != .ok)
    #expect(capture.stderr.contains("x 'hue' has 4 columns"))
    #expect(capture.stderr.contains("note: hue: synthetic cosine, synthetic mahalanobis, synthetic alignment, synthetic uniformity"))
  }
}
