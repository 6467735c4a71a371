// Copyright © 2026 the ssl authors.

import Foundation
import Lang
import Testing

/// `save` writes what `show` prints, in three formats; the values are the paper's (Table 1).
struct SaveCommandTests {
  func run(_ text: String) throws -> (dir: URL, output: OutputCapture) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ssl-save-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let capture = OutputCapture()
    let session = Session(output: capture.sink)
    session.define("tmp", string: dir.path)
    #expect(session.run(text, name: "<test>") == .ok, "\(capture.stderr)")
    return (dir, capture)
  }

  @Test func csvQuotesAndKeepsFullPrecision() throws {
    let (dir, _) = try run(
      "show results where model=[byol, swav] task=pets protocol=linear; save \"$tmp/r.csv\"")
    let text = try String(contentsOf: dir.appendingPathComponent("r.csv"), encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "model,task,group,protocol,metric,value,source")
    #expect(lines.contains("BYOL,Pets,manyshot,linear,mean-per-class,89.1,\"reference (Ericsson et al. 2021, Table 1)\""))
    #expect(lines.count == 3)
  }

  @Test func jsonIsValidWithNumbersAsNumbers() throws {
    let (dir, _) = try run(
      "show results where model=[byol, swav] task=pets protocol=linear; save \"$tmp/r.json\"")
    let data = try Data(contentsOf: dir.appendingPathComponent("r.json"))
    let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(rows.count == 2)
    #expect(rows[1]["model"] as? String == "SwAV")
    #expect(rows[1]["value"] as? Double == 87.6)
  }

  @Test func markdownTableWithAlignedNumbers() throws {
    let (dir, _) = try run("load all; corr imagenet pets protocol=linear; save \"$tmp/c.md\"")
    let text = try String(contentsOf: dir.appendingPathComponent("c.md"), encoding: .utf8)
    #expect(text.contains("| task | protocol | metric | y | n | r | 95% CI | p | ρ | p(ρ) |"))
    #expect(text.contains("| --- | --- | --- | --- | ---: | ---: | --- | ---: | ---: | ---: |"))
    #expect(text.contains("| Pets | linear | mean-per-class | logit | 14 | 0.978 |"))
  }

  @Test func failedSaveLeavesNoFile() throws {
    let capture = OutputCapture()
    let session = Session(output: capture.sink)
    #expect(session.run("save \"/proc/ssl-nope/x.csv\"", name: "<test>") == .runtimeError)
    #expect(capture.stderr.contains("cannot write '/proc/ssl-nope/x.csv'"))
  }
}
