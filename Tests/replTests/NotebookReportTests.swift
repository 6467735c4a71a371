// Copyright © 2026 the ssl authors.

import Foundation
import Lang
import TestSupport
import Testing

/// Notebook reports of a small session: Markdown and HTML snapshots (the temporary folder
/// shown as `$tmp`, the embedded PNG as `…` since its bytes depend on libgd and fonts), the
/// `report` command, and `ssl --report`.
struct NotebookReportTests {
  final class Fixture {
    let folder: URL
    let session: Session
    var tmp: String { folder.path }

    init() throws {
      folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("ssl-report-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      session = Session(output: OutputSink(write: { _ in }, warn: { _ in }))
      session.define("tmp", string: folder.path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// A session with a table, an error, a comment, a loop and a figure.
    func runSmallSession() {
      session.run(
        """
        # Three models, then the Pets correlation.
        load byol swav supervised
        load petz
        """, name: "<repl:1>")
      session.run(
        """
        corr imagenet pets protocol=linear method=spearman; plot to="$tmp/pets <&>.png"
        for m in [swav] { unload $m }
        """, name: "<repl:2>")
    }

    func normalised(_ text: String) -> String {
      var text = text.replacingOccurrences(of: tmp, with: "$tmp")
      let base64 = #/base64,[A-Za-z0-9+/=]+/#
      text = text.replacing(base64, with: "base64,…")
      return text
    }
  }

  @Test func cellsRecordStatementsOutputAndFigures() throws {
    let fixture = try Fixture()
    fixture.runSmallSession()
    let cells = fixture.session.cells
    #expect(
      cells.map(\.source) == [
        "# Three models, then the Pets correlation.\nload byol swav supervised", "load petz",
        "corr imagenet pets protocol=linear method=spearman", "plot to=\"$tmp/pets <&>.png\"",
        "for m in [swav] { unload $m }",
      ])
    #expect(cells[1].stderr.hasPrefix("<repl:1>:3:6: error: unknown model 'petz'"))
    #expect(cells[3].figures == [fixture.tmp + "/pets <&>.png"])
  }

  @Test func markdownSnapshot() throws {
    let fixture = try Fixture()
    fixture.runSmallSession()
    let path = fixture.folder.appendingPathComponent("session.md").path
    let text = NotebookReport.render(fixture.session.cells, as: .markdown, at: path)
    #expect(text.contains("![pets <&>.png](pets%20%3C%26%3E.png)"))
    assertSnapshot(fixture.normalised(text), named: "report-markdown")
  }

  @Test func htmlSnapshotEmbedsTheFigure() throws {
    let fixture = try Fixture()
    fixture.runSmallSession()
    let path = fixture.folder.appendingPathComponent("session.html").path
    let text = NotebookReport.render(fixture.session.cells, as: .html, at: path)
    let match = try #require(text.firstMatch(of: #/data:image/png;base64,([A-Za-z0-9+/=]+)/#))
    let png = try #require(Data(base64Encoded: String(match.1)))
    #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    #expect(text.contains("<code>plot to=&quot;$tmp/pets &lt;&amp;&gt;.png&quot;</code>"))
    #expect(text.contains("<figcaption>\(fixture.tmp)/pets &lt;&amp;&gt;.png</figcaption>"))
    #expect(!text.contains("<script"))
    assertSnapshot(fixture.normalised(text), named: "report-html")
  }

  @Test func reportCommandWritesTheSessionSoFar() throws {
    let fixture = try Fixture()
    fixture.runSmallSession()
    let path = fixture.folder.appendingPathComponent("session.html").path
    #expect(fixture.session.run("report \"$tmp/session.html\"", name: "<repl:3>") == .ok)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      written == NotebookReport.render(Array(fixture.session.cells.prefix(5)), as: .html, at: path))
    #expect(fixture.session.cells.last?.stdout == "wrote \(path) (5 cells, 1 figure)\n")
  }

  @Test func unwritablePathsAreErrorsNamingThem() throws {
    let fixture = try Fixture()
    fixture.session.run("load byol", name: "<repl:1>")
    let status = fixture.session.run("report \"$tmp/no/such/r.md\"", name: "<repl:2>")
    #expect(status == .runtimeError)
    let stderr = fixture.session.cells.last?.stderr ?? ""
    #expect(stderr.contains("cannot write the report '\(fixture.tmp)/no/such/r.md': the folder"))
    #expect(fixture.session.run("report \"$tmp/r.pdf\"", name: "<repl:3>") == .runtimeError)
    #expect(fixture.session.cells.last?.stderr.contains("use .md or .html, not .pdf") == true)
    #expect(throws: NotebookReport.Failure.self) {
      try fixture.session.writeReport(to: fixture.tmp + "/no/such/r.html")
    }
  }

  @Test func sslReportRendersAScriptInOneStep() throws {
    let fixture = try Fixture()
    let script = fixture.folder.appendingPathComponent("demo.ssl")
    try "# demo\nload byol\nshow byol\n".write(to: script, atomically: true, encoding: .utf8)
    let html = fixture.folder.appendingPathComponent("demo.html").path
    let run = try CommandLineTests().ssl(["--report", html, script.path])
    #expect(run.status == 0)
    let text = try String(contentsOfFile: html, encoding: .utf8)
    #expect(text.contains("<pre class=\"source\"><code># demo\nload byol</code></pre>"))
    #expect(text.contains("<pre class=\"source\"><code>show byol</code></pre>"))

    let bad = try CommandLineTests().ssl(["--report", fixture.tmp + "/none/x.md", script.path])
    #expect(bad.status == 73)
    #expect(bad.stderr.contains("cannot write the report '\(fixture.tmp)/none/x.md'"))
  }
}
