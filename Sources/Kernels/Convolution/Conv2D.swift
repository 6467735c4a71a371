// Copyright © 2026 the ssl authors.
//
// Conv2D.swift — 2-D convolution as im2col + GEMM, with the fused epilogue.
//
// Algorithm (per group of images, see "Batching" below):
//   cols = im2col(x)                     // [C*KH*KW, g*OH*OW]
//   y    = W × cols                      // [O, C*KH*KW] × [C*KH*KW, g*OH*OW] = [O, g*OH*OW]
//   out  = epilogue(y)                   // bias, residual, ReLU; [O, g, P] → NCHW [g, O, P]
// 1×1 stride-1 convolutions skip im2col: one image's [C, H, W] already is its [C, H*W] column
// matrix. 1×1 stride-2 (ResNet downsample) uses im2col with a 1×1 kernel, which is a strided
// gather of C·OH·OW values — a quarter of the input.
//
// Batching. NCHW keeps each image's output contiguous as [O, OH*OW], which is exactly the GEMM
// result for ONE image, so with g = 1 the GEMM writes the output in place and the epilogue runs
// in place: no extra buffer, no permute. That is the right choice when OH·OW is large (56², 28²)
// — the GEMM's n is already big. Late layers have tiny planes (7² = 49 columns), which starves
// the GEMM, so there images are grouped until the GEMM has ≥ `columnTarget` columns; the result
// then lands in workspace as [O, g*P] and the epilogue (a pass we make anyway) writes it back
// permuted to NCHW. `imagesPerGEMM` makes that call in one place.
//
// Layouts: input [N, C, H, W]; weights [O, C, KH, KW] (OIHW, viewed as [O, C*KH*KW]);
// output [N, O, OH, OW]; all row-major.
//
// Reference: `ReferenceConv2D` (direct 7-loop convolution with the same epilogue).

import Synchronization

/// The convolution algorithms this module offers.
public enum Conv2DAlgorithm: Hashable, Sendable, CaseIterable {
  /// 1×1 stride-1: one GEMM on the input as it is.
  case pointwiseGEMM
  /// im2col (or a strided gather for 1×1 stride 2) then GEMM.
  case im2colGEMM
  /// Winograd F(m×m, 3×3) for 3×3 stride-1 convolutions; needs ``WinogradWeights``.
  case winograd
}

/// Convolution through im2col and GEMM (see the file header).
public enum Conv2D {
  /// Below this many output pixels per image, several images share one GEMM.
  ///
  /// 512 columns keeps OpenBLAS's n-blocking busy on 2 cores; ResNet's 56² and 28² planes run
  /// one image per GEMM, its 14² and 7² planes are grouped. To be tuned in the benchmark issue.
  public static let columnTarget = 512

  /// Images multiplied in one GEMM: 1 when a plane has ≥ ``columnTarget`` pixels, otherwise
  /// enough images to reach it (at most the batch).
  public static func imagesPerGEMM(_ geometry: Conv2DGeometry) -> Int {
    let plane = max(1, geometry.outPlane)
    if plane >= columnTarget { return 1 }
    return max(1, min(geometry.batch, (columnTarget + plane - 1) / plane))
  }

  /// Column-matrix floats one im2col band may hold (2 MiB).
  ///
  /// One image's column matrix can be large — 7.2 MiB for the stem (147 × 112²) and for
  /// ResNet-50's 64-channel 56² 3×3 layer — and then im2col writes it all out of cache before the
  /// GEMM reads it back. Above twice this size, the output rows are unfolded and multiplied in
  /// bands of ``bandRows(_:)`` rows. Measured per core (batch 8, 1 thread, best of 10,
  /// alternating in one process): stem 31.7 vs 37.7 ms whole, 64-channel 3×3 at 56² 22.9 vs
  /// 25.0 ms; smaller matrices lose when split (128-channel 3×3/2 at 56², 0.9 M floats: 24.1 ms
  /// whole, 25.5 ms in two bands), hence the factor of two.
  ///
  /// A tuning knob: benchmarks set it (before any convolution runs, never during one) to
  /// compare band sizes in one process; `Int.max` unfolds whole images.
  public static var bandBudget: Int {
    get { storedBandBudget.load(ordering: .relaxed) }
    set { storedBandBudget.store(newValue, ordering: .relaxed) }
  }
  private static let storedBandBudget = Atomic<Int>(1 << 19)

  /// Output rows per im2col band when one image runs per GEMM: all rows unless the image's
  /// column matrix exceeds twice ``bandBudget``, then as many rows as fit in the budget.
  public static func bandRows(_ geometry: Conv2DGeometry) -> Int {
    let perRow = max(1, geometry.patchSize * geometry.outWidth)
    let budget = bandBudget
    if perRow * geometry.outHeight / 2 <= budget {  // (not 2·budget: Int.max must not overflow)
      return geometry.outHeight
    }
    return max(1, min(geometry.outHeight, budget / perRow))
  }

  /// The algorithm to use for a geometry.
  ///
  /// Winograd wins when the GEMMs dominate its transforms: 3×3 stride 1 with at least 16 input
  /// and output channels (the stem's 3 input channels would be all transform). Everything else
  /// that is 1×1 stride 1 is a plain GEMM; the rest goes through im2col.
  public static func algorithm(for geometry: Conv2DGeometry) -> Conv2DAlgorithm {
    if geometry.isPointwiseUnitStride { return .pointwiseGEMM }
    if geometry.isWinogradCandidate && geometry.inChannels >= 16 && geometry.outChannels >= 16 {
      return .winograd
    }
    return .im2colGEMM
  }

  /// Scratch floats ``forward(input:weights:geometry:epilogue:output:workspace:)`` needs.
  ///
  /// Callers allocate the largest size over a network's layers once and pass it to every
  /// layer. It is zero for a 1×1 stride-1 convolution that runs one image per GEMM.
  public static func workspaceSize(_ geometry: Conv2DGeometry) -> Int {
    let g = imagesPerGEMM(geometry)
    let needsColumns = !(geometry.isPointwiseUnitStride && g == 1)
    let columns =
      !needsColumns
      ? 0
      : g == 1
        ? Im2Col.columnCount(geometry, rows: bandRows(geometry))
        : Im2Col.columnCount(geometry, images: g)
    let result = g > 1 ? geometry.outChannels * g * geometry.outPlane : 0
    return columns + result
  }

  /// Convolves a batch and applies the epilogue.
  ///
  /// - Parameters:
  ///   - input: [N, C, H, W].
  ///   - weights: [O, C, KH, KW] (OIHW).
  ///   - geometry: a valid geometry.
  ///   - epilogue: bias / residual / ReLU applied after the GEMM; its residual must not overlap
  ///     `output`.
  ///   - output: receives [N, O, OH, OW]; must not overlap `input`.
  ///   - workspace: at least ``workspaceSize(_:)`` floats of scratch.
  public static func forward(
    input: UnsafeBufferPointer<Float>, weights: UnsafeBufferPointer<Float>,
    geometry g: Conv2DGeometry, epilogue: Conv2DEpilogue = .none,
    output: UnsafeMutableBufferPointer<Float>, workspace: UnsafeMutableBufferPointer<Float>
  ) {
    precondition(g.isValid, "Conv2D: invalid geometry \(g)")
    precondition(input.count == g.inputCount, "Conv2D: input has \(input.count) elements")
    precondition(weights.count == g.weightCount, "Conv2D: weights have \(weights.count)")
    precondition(output.count == g.outputCount, "Conv2D: output has \(output.count) elements")
    precondition(workspace.count >= workspaceSize(g), "Conv2D: workspace too small")
    epilogue.check(channels: g.outChannels, outputCount: g.outputCount, output: output)
    guard let out = output.baseAddress else { return }
    let group = imagesPerGEMM(g)
    let plane = g.outPlane
    let k = g.patchSize
    var n0 = 0
    while n0 < g.batch {
      let count = min(group, g.batch - n0)
      let images = n0..<(n0 + count)
      if group == 1 {
        // One image: GEMM straight into its NCHW slot, epilogue in place.
        let slot = out + n0 * g.outChannels * plane  // [O, OH*OW]
        if g.isPointwiseUnitStride {
          let columns = UnsafeBufferPointer(rebasing: input[(n0 * g.inChannels * g.inPlane)...])
          GEMM.sgemm(
            m: g.outChannels, n: plane, k: k, a: weights, lda: k, b: columns, ldb: plane,
            c: UnsafeMutableBufferPointer(start: slot, count: g.outChannels * plane), ldc: plane)
        } else {
          // Bands of output rows: columns [C*KH*KW, rows*OW] → output columns of those rows.
          let band = bandRows(g)
          for r0 in stride(from: 0, to: g.outHeight, by: band) {
            let rows = r0..<min(g.outHeight, r0 + band)
            let width = rows.count * g.outWidth
            let cols = UnsafeMutableBufferPointer(rebasing: workspace[0..<(k * width)])
            Im2Col.fill(input: input, geometry: g, images: images, outputRows: rows, columns: cols)
            let first = slot + r0 * g.outWidth
            GEMM.sgemm(
              m: g.outChannels, n: width, k: k, a: weights, lda: k, b: UnsafeBufferPointer(cols),
              ldb: width,
              c: UnsafeMutableBufferPointer(start: first, count: (g.outChannels - 1) * plane + width),
              ldc: plane)
          }
        }
        epilogue.apply(
          source: UnsafePointer(slot), imageStride: g.outChannels * plane, channelStride: plane,
          output: output, firstImage: n0, images: 1, channels: g.outChannels, plane: plane)
      } else {
        // Several images: columns [C*KH*KW, count*P], result [O, count*P] in workspace.
        let width = count * plane
        let resultStart = Im2Col.columnCount(g, images: group)
        let cols = UnsafeMutableBufferPointer(rebasing: workspace[0..<(k * width)])
        let result = UnsafeMutableBufferPointer(
          rebasing: workspace[resultStart..<(resultStart + g.outChannels * width)])
        Im2Col.fill(input: input, geometry: g, images: images, columns: cols)
        GEMM.sgemm(
          m: g.outChannels, n: width, k: k, a: weights, lda: k, b: UnsafeBufferPointer(cols),
          ldb: width, c: result, ldc: width)
        guard let r = result.baseAddress else { return }
        epilogue.apply(
          source: UnsafePointer(r), imageStride: plane, channelStride: width, output: output,
          firstImage: n0, images: count, channels: g.outChannels, plane: plane)
      }
      n0 += count
    }
  }
}
