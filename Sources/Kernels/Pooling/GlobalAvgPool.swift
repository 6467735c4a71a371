// Copyright © 2026 the ssl authors.
//
// GlobalAvgPool.swift — mean over each channel's whole plane: [N, C, H, W] → [N, C].
//
// Algorithm: one (image, channel) plane per work item, in parallel; the sum is accumulated in
// Double and divided once, so the result is the correctly rounded mean for any plane size
// (ResNet's 7×7 = 49 values is small, but wider inputs give 1000s). This produces the features
// every protocol consumes, so it is the last place to lose precision cheaply.
// Layouts: input [N, C, H, W], output [N, C] row-major.
// Reference: `ReferencePool.globalAvgPool`.

/// Global average pooling.
public enum GlobalAvgPool {
  /// Averages each channel plane of `input` into `output`.
  ///
  /// - Parameters:
  ///   - input: [N, C, H, W] with N·C = `planes` and H·W = `planeSize`.
  ///   - planes: N·C.
  ///   - planeSize: H·W, at least 1.
  ///   - output: receives [N, C] (`planes` values).
  public static func forward(
    input: UnsafeBufferPointer<Float>, planes: Int, planeSize: Int,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    precondition(planes >= 0 && planeSize >= 1, "GlobalAvgPool: bad sizes")
    precondition(input.count == planes * planeSize, "GlobalAvgPool: input has \(input.count)")
    precondition(output.count == planes, "GlobalAvgPool: output has \(output.count)")
    guard let x = input.baseAddress, let y = output.baseAddress else { return }
    let ctx = UncheckedSendable((x, y))
    Parallel.forEachChunk(count: planes, minChunk: max(1, 16_384 / planeSize)) { range in
      let (x, y) = ctx.value
      for p in range {
        let src = x + p * planeSize
        var sum = 0.0
        for i in 0..<planeSize { sum += Double(src[i]) }
        y[p] = Float(sum / Double(planeSize))
      }
    }
  }
}
