// Copyright © 2026 the ssl authors.

import TestSupport
import Testing

@testable import Lang

@Suite struct ASTDumpTests {
  @Test func cardExample() {
    let parsed = Parsed("load byol; eval pets linear; corr imagenet manyshot; plot")
    assertSnapshot(parsed.dump, named: "ast-card-example")
  }

  @Test func everyNodeKind() {
    let parsed = Parsed(
      """
      # every word and statement form
      let tasks = [pets, flowers,
                   dtd, [], [1e-6 "a\\tb"]]
      for m in [byol, moco-v2] {
        load $m from="ckpt/\\"x\\".pth"
        eval $tasks linear shot=20 episodes = 600 lr=-0.5
      }
      corr imagenet manyshot method=spearman exclude=[random]
      plot to="fig1.png"
      """)
    #expect(parsed.diagnostics.isEmpty)
    assertSnapshot(parsed.dump, named: "ast-every-node-kind")
  }

  @Test func nestedLoopsAndMultibyteColumns() {
    let parsed = Parsed("for a in [x] {\n  for b in $a { show \"é\" $b }\n}\nshow \"ü\" end")
    #expect(parsed.diagnostics.isEmpty)
    assertSnapshot(parsed.dump, named: "ast-nested-loops")
  }

  @Test func statementsThatFailAreLeftOut() {
    let parsed = Parsed("load a\n600\nload b")
    #expect(
      parsed.dump
        == "command load 1:1-1:7\n  name a 1:6-1:7\ncommand load 3:1-3:7\n  name b 3:6-3:7\n")
  }

  @Test func numberFormatting() {
    #expect(ASTDump.format(600) == "600")
    #expect(ASTDump.format(-0.5) == "-0.5")
    #expect(ASTDump.format(1e-6) == "1e-06")
    #expect(ASTDump.format(1e300) == "1e+300")
  }
}
