// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `saliency <image> [window=10] [stride=1] [to="file.png"]`: occlusion saliency (§7) of one
/// image for every model on the bench, a grid of overlays written as PNG and the attentive
/// diffusion per model printed. Defaults are the documented ones of `OcclusionSettings`
/// (10×10 window of 0, stride 1, 242 → 224); stride 1 costs (242 − 10 + 1)² forward passes.
enum SaliencyCommand {
  static let usage = "saliency <image> [window=10] [stride=1] [to=\"file.png\"]"

  static var command: Command<BenchState> {
    Command(
      name: "saliency", summary: "occlusion saliency of an image for each model: overlays and attentive diffusion",
      usage: usage, example: "load byol; saliency \"dog.jpg\" stride=8",
      options: [
        OptionSpec("window", "side of the occluding square (default 10)"),
        OptionSpec("stride", "step between window positions (default 1)"),
        OptionSpec("to", "PNG to write (default <out>/saliency-<image>.png)"),
      ],
      run: { state, invocation, out throws(RuntimeError) in
        guard invocation.arguments.count == 1 else {
          throw RuntimeError(
            "'saliency' takes one image path", at: invocation.arguments.dropFirst().first?.span ?? invocation.span,
            notes: [DiagnosticNote("usage: \(usage)")])
        }
        let path = try ArgumentReader.text(invocation.arguments[0], option: "image")
        var settings = OcclusionSettings()
        if let window = invocation.option("window") {
          settings.window = try ArgumentReader.integer(window.value, option: "window", in: 1...settings.inputSize)
        }
        if let stride = invocation.option("stride") {
          settings.stride = try ArgumentReader.integer(stride.value, option: "stride", in: 1...settings.inputSize)
        }
        settings.batchSize = max(1, state.settings.batch)
        let models = try EvalCommand.modelsWithWeights(state, at: invocation.verbSpan)
        let image: RGBImage
        do throws(ImageError) {
          image = try GDImageDecoder.decode(contentsOf: path)
        } catch {
          throw RuntimeError(error.description, at: invocation.arguments[0].span)
        }
        var cells: [SaliencyGrid.Cell] = []
        for model in models {
          guard let network = model.featureFunction() else { continue }
          try Interrupts.check(at: invocation.span)
          let result: (map: SaliencyMap, view: RGBImage)
          var modelSettings = settings
          if model.zoo.normalization == .none { modelSettings.normalization = ChannelNormalization.none }
          do throws(InvarianceError) {
            result = try OcclusionSaliency.map(
              of: image, model: network, settings: modelSettings)
          } catch {
            throw RuntimeError("\(model.name): \(error)", at: invocation.span)
          }
          let diffusion = result.map.attentiveDiffusion
          out.write("\(model.name): attentive diffusion \(String(format: "%.1f", diffusion))%\n")
          cells.append(SaliencyGrid.Cell(
            image: result.view, map: result.map, label: "\(model.name) \(String(format: "%.1f", diffusion))%"))
        }
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let target = try invocation.option("to").map { word throws(RuntimeError) in
          try ArgumentReader.text(word.value, option: "to")
        } ?? state.settings.out + "/saliency-\(stem).png"
        do throws(ChartError) {
          try SaliencyGrid(title: "Occlusion saliency: \(stem)", cells: [cells]).write(to: target)
        } catch {
          throw RuntimeError(error.description, at: invocation.span)
        }
        out.write("wrote \(target)\n")
        out.onFigure(target)
      })
  }
}
