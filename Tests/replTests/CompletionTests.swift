// Copyright © 2026 the ssl authors.

import Foundation
import Lang
import Testing

/// ``Session/completions(forLine:cursor:)``: what Tab offers where.
struct CompletionTests {
  let session = Session(output: OutputSink(write: { _ in }, warn: { _ in }))

  func complete(_ line: String) -> [String] {
    session.completions(forLine: line, cursor: line.utf8.count)
  }

  @Test func commandNamesAtTheStartOfAStatement() {
    #expect(complete("loa") == ["load"])
    #expect(complete("s").contains("show"))
    #expect(complete("s").contains("sleep"))
    #expect(complete("load byol; co") == ["corr"])
    #expect(complete("for m in [a] { lo") == ["load"])
  }

  @Test func modelNamesAfterLoad() {
    #expect(complete("load by") == ["byol"])
    #expect(complete("load byol sw") == ["swav"])
    #expect(complete("load [byol, mo") == ["moco-v1", "moco-v2"])
    #expect(complete("unload a") == ["all", "appearance"])
  }

  @Test func groupsAndTasksAfterCorr() {
    #expect(complete("corr im") == ["imagenet"])
    #expect(complete("corr imagenet many") == ["manyshot"])
    #expect(complete("corr imagenet pe") == ["pets"])
    #expect(
      complete("corr imagenet c") == [
        "calibration", "caltech101", "cars", "cdfsl", "chestx", "cifar10", "cifar100",
        "cropdiseases",
      ])
  }

  @Test func optionKeysOfTheCommandBeingTyped() {
    #expect(complete("corr imagenet pets meth") == ["method="])
    #expect(complete("corr imagenet pets me") == ["method=", "metric="])
    #expect(complete("plot bars t") == ["title=", "to="])
    #expect(complete("corr imagenet pets method=both me") == ["metric="])
  }

  @Test func optionValues() {
    #expect(complete("corr imagenet pets method=sp") == ["spearman"])
    #expect(complete("corr imagenet manyshot protocol=lin") == ["linear"])
    #expect(complete("corr imagenet manyshot exclude=[sup") == ["supervised"])
    #expect(complete("fuse byol swav mode=m") == ["mean"])
    #expect(complete("data coil from=\"c\" views=co") == ["coil100"])
    #expect(complete("eval pets invariance transforms=[rot") == ["rotation"])
    #expect(complete("eval pets inv") == ["invariance"])
  }

  @Test func helpTopicsVariablesAndNothingInComments() {
    #expect(complete("help co") == ["corr"])
    session.define("tasks", string: "pets")
    #expect(complete("show results task=$ta") == ["$tasks"])
    #expect(complete("load byol # lo") == [])
  }

  @Test func filePathsInsideStrings() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-complete-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("figures"), withIntermediateDirectories: true)
    try Data().write(to: folder.appendingPathComponent("fig1.png"))
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = folder.path + "/"
    #expect(complete("save \"\(base)fi") == [base + "fig1.png", base + "figures/"])
    #expect(complete("plot to=\"\(base)figu") == [base + "figures/"])
    #expect(complete("source \"\(base)nothing") == [])
  }

  @Test func cursorInTheMiddleCompletesTheWordBeforeIt() {
    let line = "load by; models"
    #expect(session.completions(forLine: line, cursor: 7) == ["byol"])
  }
}
