// Copyright © 2026 the ssl authors.
//
// Winograd.swift — 3×3 stride-1 convolution by Winograd's minimal filtering, F(m×m, 3×3).
//
// Algorithm (Lavin & Gray 2016), for a block of b tiles at a time:
//   1. input transform, per tile t and channel c:  V[ξ][t][c] = (Bᵀ·d·B)[ξ]    d: α×α patch
//   2. α² GEMMs, one per tile position ξ:          M[ξ] = V[ξ] × U[ξ]
//        // [b, C] × [C, O] = [b, O]
//   3. output transform, per tile and channel o:   Y = Aᵀ·M[·][t][o]·A          Y: m×m
//      then the fused epilogue (bias, residual, ReLU) as each value is written to NCHW.
// U (`WinogradWeights`) is transformed once at load time. Tiles run over the whole batch
// (t = image·tilesPerImage + tileRow·tilesW + tileCol), so late layers with 7×7 planes still
// give the GEMMs many rows; `tilesPerBlock` sizes blocks between cache and weight reuse.
// Output tiles that overhang the right/bottom edge read zeros and drop the extra values, so
// any H, W (not just multiples of m) and any padding work.
//
// Precision: Bᵀ and Aᵀ hold small integers (exact), G holds 1/4, 1/6, 1/12, 1/24 (applied in
// Double at load time). F(4,3)'s larger entries (Aᵀ up to 8, Bᵀ up to 5) amplify rounding;
// see `defaultVariant` and Kernels/README.md for the measured errors.
//
// Layouts: input [N, C, H, W]; output [N, O, OH, OW]; workspace
//   // V: [α*α, b, C]   then   M: [α*α, b, O]
// Reference: `ReferenceConv2D`.

import Synchronization

/// Winograd convolution for 3×3, stride-1, undilated kernels.
public enum Winograd {
  /// The variant ResNets load with by default: F(4×4, 3×3).
  ///
  /// Per layer, max error relative to the largest output, fp32 vs the Double reference at
  /// ResNet-like magnitudes (`WinogradTests.errorBudget`, 14×14, C = 64/256/512): im2col + GEMM
  /// 5.7e-7 / 4.8e-7 / 3.8e-7; F(2,3) 2.6e-7 / 5.4e-7 / 8.0e-7; F(4,3) 2.9e-6 / 6.0e-6 /
  /// 6.6e-6. Through whole networks the F(4,3) error does not build up: the pooled features of
  /// full random-init ResNet-50 / ResNet-18 (randomised batch-norm statistics) differ from
  /// torchvision's float64 outputs by 2.5e-7 / 3.6e-7 (F(2,3): 1.9e-7 / 1.4e-7), the order of
  /// PyTorch's own float32 error (3.7e-7), and ≥ 28× inside the 1e-5 parity budget
  /// (`SSL_HEAVY_FIXTURES=… SSL_HEAVY_WINOGRAD=f4x3 ResNetParityTests`). With its transforms
  /// in C (AVX2) it does 0.63× F(2,3)'s multiplies on ResNet-50's 3×3 layers and runs the
  /// network ≈ 7 % faster (26.1 vs 24.3 images/s, batch 16, 2 threads, same session).
  public static let defaultVariant: WinogradVariant = .f4x3

  /// Target workspace in floats (1 MiB) that sizes a block of tiles; see ``tilesPerBlock``.
  ///
  /// A tuning knob like ``Conv2D/bandBudget``: set it only while no convolution runs.
  public static var workspaceBudget: Int {
    get { storedWorkspaceBudget.load(ordering: .relaxed) }
    set { storedWorkspaceBudget.store(newValue, ordering: .relaxed) }
  }
  private static let storedWorkspaceBudget = Atomic<Int>(1 << 18)
  /// Fewer tiles than this per block would starve the GEMMs.
  static let minimumTilesPerBlock = 64

  /// Whether Winograd can run this geometry (3×3, stride 1, dilation 1, any padding).
  public static func supports(_ geometry: Conv2DGeometry) -> Bool {
    geometry.isValid && geometry.isWinogradCandidate
  }

  /// Output tiles across the whole batch: N·⌈OH/m⌉·⌈OW/m⌉.
  public static func tileCount(_ geometry: Conv2DGeometry, variant: WinogradVariant) -> Int {
    let m = variant.outputTile
    return geometry.batch * ((geometry.outHeight + m - 1) / m) * ((geometry.outWidth + m - 1) / m)
  }

  /// Tiles transformed and multiplied per block.
  ///
  /// Two pulls: V and M for a block (α²·(C + O) floats per tile) should stay in cache between
  /// the transforms and the GEMMs, which favours small blocks (``workspaceBudget``); but every
  /// block streams all of U (α²·C·O floats) through the GEMMs again, which favours blocks of
  /// at least 4·C·O/(C + O) tiles (weights read ≤ ¼ as often as the transform data). The
  /// target is the larger of the two, and the tiles are then split into equal blocks (no short
  /// last block). Measured per core, F(2,3), batch 8 (ms per layer for blocks of 64 / 128 / 256
  /// / 512 / all tiles): 64 channels at 56² 16.6 / 16.6 / 18.7 / 19.3 / 22.2 (all = 2,048 per
  /// block); 128 at 28² 13.8 / 13.7 / 14.2 / 15.2 / 15.6; 256 at 14² 12.9 (64) / 12.3 (128) /
  /// 11.9 (256) / 11.6 (all 392). This rule picks 128, 224 (7 equal blocks), all 392 and, at
  /// 512 channels at 7², all 128.
  public static func tilesPerBlock(_ geometry: Conv2DGeometry, variant: WinogradVariant) -> Int {
    let alpha2 = variant.inputTile * variant.inputTile
    let (c, o) = (geometry.inChannels, geometry.outChannels)
    let fit = workspaceBudget / max(1, alpha2 * (c + o))
    let amortised = 4 * c * o / max(1, c + o)
    let target = max(minimumTilesPerBlock, fit, amortised)
    let total = tileCount(geometry, variant: variant)
    let blocks = max(1, (total + target - 1) / target)
    return max(1, (total + blocks - 1) / blocks)
  }

  /// Scratch floats ``forward(input:weights:geometry:epilogue:output:workspace:)`` needs:
  /// α²·b·(C + O) for b = ``tilesPerBlock(_:variant:)``.
  public static func workspaceSize(_ geometry: Conv2DGeometry, variant: WinogradVariant) -> Int {
    let alpha2 = variant.inputTile * variant.inputTile
    return alpha2 * tilesPerBlock(geometry, variant: variant)
      * (geometry.inChannels + geometry.outChannels)
  }

  /// Convolves a batch with pre-transformed weights and applies the epilogue.
  ///
  /// - Parameters:
  ///   - input: [N, C, H, W].
  ///   - weights: the transformed weights; their channels must match `geometry`.
  ///   - geometry: a geometry for which ``supports(_:)`` holds.
  ///   - epilogue: bias / residual / ReLU; its residual must not overlap `output`.
  ///   - output: receives [N, O, OH, OW]; must not overlap `input`.
  ///   - workspace: at least ``workspaceSize(_:variant:)`` floats.
  public static func forward(
    input: UnsafeBufferPointer<Float>, weights: WinogradWeights, geometry g: Conv2DGeometry,
    epilogue: Conv2DEpilogue = .none, output: UnsafeMutableBufferPointer<Float>,
    workspace: UnsafeMutableBufferPointer<Float>
  ) {
    let variant = weights.variant
    precondition(supports(g), "Winograd: unsupported geometry \(g)")
    precondition(weights.inChannels == g.inChannels && weights.outChannels == g.outChannels,
      "Winograd: weights are \(weights.outChannels)×\(weights.inChannels), geometry differs")
    precondition(input.count == g.inputCount, "Winograd: input has \(input.count) elements")
    precondition(output.count == g.outputCount, "Winograd: output has \(output.count) elements")
    precondition(workspace.count >= workspaceSize(g, variant: variant), "Winograd: workspace")
    epilogue.check(channels: g.outChannels, outputCount: g.outputCount, output: output)
    let alpha2 = variant.inputTile * variant.inputTile
    let total = tileCount(g, variant: variant)
    let block = tilesPerBlock(g, variant: variant)
    let vCount = alpha2 * block * g.inChannels
    let v = UnsafeMutableBufferPointer(rebasing: workspace[0..<vCount])
    let mm = UnsafeMutableBufferPointer(
      rebasing: workspace[vCount..<(vCount + alpha2 * block * g.outChannels)])
    let tiling = WinogradTiling(geometry: g, variant: variant, block: block)
    weights.storage.withUnsafeBufferPointer { u in
      var t0 = 0
      while t0 < total {
        let tiles = t0..<min(total, t0 + block)
        tiling.transformInput(input, tiles: tiles, into: v)
        for xi in 0..<alpha2 {
          // [b, C] × [C, O] = [b, O]
          let a = UnsafeBufferPointer(
            rebasing: v[(xi * block * g.inChannels)...].prefix(tiles.count * g.inChannels))
          let b = UnsafeBufferPointer(
            rebasing: u[(xi * g.inChannels * g.outChannels)...].prefix(
              g.inChannels * g.outChannels))
          let c = UnsafeMutableBufferPointer(
            rebasing: mm[(xi * block * g.outChannels)...].prefix(tiles.count * g.outChannels))
          GEMM.sgemm(
            m: tiles.count, n: g.outChannels, k: g.inChannels, a: a, lda: g.inChannels, b: b,
            ldb: g.outChannels, c: c, ldc: g.outChannels)
        }
        tiling.transformOutput(
          UnsafeBufferPointer(mm), tiles: tiles, epilogue: epilogue, output: output)
        t0 = tiles.upperBound
      }
    }
  }
}
