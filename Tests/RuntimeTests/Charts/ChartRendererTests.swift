// Copyright © 2026 the ssl authors.

import Foundation
@_spi(Testing) import Runtime
import Testing

/// Renders real PNGs with libgd and FreeType, then decodes them to check they are not blank.
@Suite("Chart renderer")
struct ChartRendererTests {
  /// A fresh temporary folder per test.
  static func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "ssl-chart-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test(arguments: [(1600, 1200), (800, 600)])
  func chartScatterPNGIsDrawn(width: Int, height: Int) throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/figure1.png"
    let spec = ChartFixtures.figure1(width: width, height: height)
    try ChartRenderer.writePNG(spec, to: path)
    let image = try DecodedPNG(contentsOf: path)
    #expect(image.width == width && image.height == height)
    #expect(image.distinctColorCount > 200)  // antialiased text, band, markers
    let plot = ChartLayout.make(spec, measurer: ApproximateTextMeasurer()).plotRect
    #expect(image.nonWhiteCount(in: plot.insetBy(10)) > width * height / 100)
    #expect(image.pixel(x: 2, y: 2) == 0xFF_FFFF)
    // No temporary file is left beside the figure.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["figure1.png"])
  }

  @Test func chartBarsPNGIsDrawnWithSeriesColours() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/figure2.png"
    try ChartRenderer.writePNG(ChartFixtures.figure2(), to: path)
    let image = try DecodedPNG(contentsOf: path)
    #expect(image.width == 1600 && image.height == 1200)
    let colours = Set(image.pixels)
    #expect(colours.contains(0x0072B2) && colours.contains(0xE69F00))  // Okabe–Ito blue, orange
  }

  @Test func chartUnwritablePathNamesThePath() {
    let path = "/nonexistent-ssl-folder/sub/figure.png"
    #expect(
      throws: ChartError.cannotWrite(
        path: path, reason: "the folder '/nonexistent-ssl-folder/sub' does not exist")
    ) {
      try ChartRenderer.writePNG(ChartFixtures.figure1(width: 400, height: 300), to: path)
    }
    let message = ChartError.cannotWrite(path: path, reason: "x").description
    #expect(message.contains(path))
  }

  @Test func chartReadOnlyFolderIsReported() throws {
    let folder = try Self.temporaryFolder()
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
      try? FileManager.default.removeItem(atPath: folder)
    }
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
    // root may write anyway; the check only makes sense for ordinary users.
    guard !FileManager.default.isWritableFile(atPath: folder) else { return }
    let path = folder + "/figure.png"
    #expect(
      throws: ChartError.cannotWrite(
        path: path, reason: "the folder '\(folder)' is not writable")
    ) {
      try ChartRenderer.writePNG(ChartFixtures.figure1(width: 400, height: 300), to: path)
    }
  }

  @Test func chartEmptyAndInvalidSpecsAreRejected() {
    let empty = ChartSpec(xLabel: "x", yLabel: "y", content: .scatter(ScatterSpec(points: [])))
    #expect(throws: ChartError.emptyChart("the scatter has no point with a finite x and y")) {
      try ChartRenderer.validate(empty)
    }
    let noBars = ChartSpec(
      xLabel: "", yLabel: "",
      content: .bars(
        BarChartSpec(categories: ["a"], series: [BarSeries(name: "s", values: [.nan])])))
    #expect(throws: ChartError.emptyChart("the bar chart has no finite values")) {
      try ChartRenderer.validate(noBars)
    }
    var tiny = ChartFixtures.figure1()
    tiny.width = 10
    #expect(throws: ChartError.invalidSize(width: 10, height: 1200)) {
      try ChartRenderer.validate(tiny)
    }
  }

  @Test func chartFontLocatorPrefersSSLFontAndListsSearchedPaths() throws {
    let custom = FontLocator(
      environment: ["SSL_FONT": "/fonts/Custom.ttf"],
      fileExists: { $0 == "/fonts/Custom.ttf" || $0 == "/fonts/Custom-Bold.ttf" })
    #expect(
      try custom.locate() == .init(regular: "/fonts/Custom.ttf", bold: "/fonts/Custom-Bold.ttf"))
    let none = FontLocator(environment: ["SSL_FONT": "/missing.ttf"], fileExists: { _ in false })
    #expect {
      try none.locate()
    } throws: { error in
      guard case .fontNotFound(let searched) = error as? ChartError else { return false }
      return searched.first == "/missing.ttf"
        && searched.contains("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    }
  }
}
