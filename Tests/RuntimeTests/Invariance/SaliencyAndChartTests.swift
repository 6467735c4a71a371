// Copyright © 2026 the ssl authors.
//
// Occlusion saliency (§7) against a direct computation, attentive diffusion by hand, and the
// heatmap / saliency-grid PNGs (written to $TMPDIR for looking at; decoded back here).

import Foundation
import Runtime
import TestSupport
import Testing

@Suite struct SaliencyAndChartTests {
  @Test func attentiveDiffusionByHand() {
    // mean = 2.5; values above: 3, 4 → 50 %.
    #expect(SaliencyMap(width: 2, height: 2, values: [1, 2, 3, 4]).attentiveDiffusion == 50)
    // mean = 1.75; only 4 is above → 25 %.
    #expect(SaliencyMap(width: 2, height: 2, values: [1, 1, 1, 4]).attentiveDiffusion == 25)
  }

  @Test func occlusionMatchesDirectComputation() throws {
    let settings = OcclusionSettings(window: 4, stride: 3, fill: 0, inputSize: 16, cropSize: 12, batchSize: 5)
    var pixels = [Float](repeating: 0, count: 3 * 16 * 16)
    for i in pixels.indices { pixels[i] = Float((i * 37) % 101) / 50 - 1 }
    let image = Tensor(shape: [1, 3, 16, 16], scalars: pixels)
    let model = QuadrantColourFeature()
    let map = try OcclusionSaliency.map(image: image, model: model, settings: settings)
    #expect(map.width == 12 && map.height == 12)
    // Direct: every window position scored separately, accumulated on the 16×16 grid.
    let clean = try model.features(image).scalars
    let norm = clean.reduce(0.0) { $0 + Double($1 * $1) }.squareRoot()
    var expected = [Double](repeating: 0, count: 256)
    for top in stride(from: 0, through: 12, by: 3) {
      for left in stride(from: 0, through: 12, by: 3) {
        var copy = pixels
        for c in 0..<3 { for y in top..<(top + 4) { for x in left..<(left + 4) { copy[c * 256 + y * 16 + x] = 0 } } }
        let f = try model.features(Tensor(shape: [1, 3, 16, 16], scalars: copy)).scalars
        let score = zip(clean, f).reduce(0.0) { $0 + (Double($1.0) - Double($1.1)) * (Double($1.0) - Double($1.1)) }.squareRoot() / norm
        for y in top..<(top + 4) { for x in left..<(left + 4) { expected[y * 16 + x] += score / 16 } }
      }
    }
    let cropped = (2..<14).flatMap { y in (2..<14).map { x in expected[y * 16 + x] } }
    assertClose(map.values, cropped, rtol: 1e-5, atol: 1e-9)
  }

  @Test func heatmapAndSaliencyGridRender() throws {
    let heatmap = InvarianceHeatmap(
      title: "Synthetic invariance (S)", models: ["colour-stats", "quadrants"],
      transforms: ["h_flip", "v_flip", "translation", "brightness", "hue", "invert"],
      values: [[1, 1, 0.99, 0.2, 0.4, -0.1], [0.5, 0.45, 0.97, 0.3, 0.35, 0.1]], marks: [0, 0, nil, nil, nil, 1])
    let folder = FileManager.default.temporaryDirectory.path
    try heatmap.write(to: folder + "/ssl-invariance-heatmap.png")
    let bytes = try heatmap.renderPNG()
    #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))

    let images = syntheticImages(count: 2, seed: 5).map { $0.cropped(left: 16, top: 16, width: 224, height: 224) }
    let cells = images.map { image -> [SaliencyGrid.Cell] in
      // A synthetic map: distance to the image's bright blob would need a model; use a radial bump.
      var values = [Double](repeating: 0, count: 224 * 224)
      for y in 0..<224 { for x in 0..<224 { values[y * 224 + x] = exp(-Double((x - 80) * (x - 80) + (y - 140) * (y - 140)) / 2000) } }
      let map = SaliencyMap(width: 224, height: 224, values: values)
      return [SaliencyGrid.Cell(image: image, map: map, label: String(format: "diffusion %.1f%%", map.attentiveDiffusion))]
    }
    try SaliencyGrid(title: "Occlusion saliency", cells: cells).write(to: folder + "/ssl-saliency-grid.png")
  }

  /// A real map: the tiny torchvision-parity bottleneck net on a synthetic image (coarse stride
  /// so the debug build stays quick), drawn as an overlay in $TMPDIR/ssl-saliency-resnet.png.
  @Test func tinyResNetOcclusionOverlay() throws {
    let fixture = try ResNetFixture("resnet_tiny_bottleneck")
    let model = try ResNet(
      config: ResNetConfig(name: "tiny-bottleneck", block: .bottleneck, blocksPerStage: [1, 1, 2, 1], baseWidth: 4),
      stateDict: fixture.stateDict)
    let image = syntheticImages(count: 1, seed: 9)[0]
    let settings = OcclusionSettings(window: 30, stride: 16, batchSize: 16)
    let result = try OcclusionSaliency.map(of: image, model: ResNetFeatureFunction(model: model), settings: settings)
    #expect(result.map.width == 224 && result.map.height == 224)
    #expect(result.view.width == 224 && result.view.height == 224)
    #expect(result.map.values.allSatisfy { $0 >= 0 && $0.isFinite })
    let diffusion = result.map.attentiveDiffusion
    #expect(diffusion > 0 && diffusion < 100)
    let cell = SaliencyGrid.Cell(image: result.view, map: result.map, label: String(format: "tiny net %.1f%%", diffusion))
    try SaliencyGrid(title: "Occlusion saliency (tiny net)", cells: [[cell]])
      .write(to: FileManager.default.temporaryDirectory.path + "/ssl-saliency-resnet.png")
  }
}
