// Copyright © 2026 the ssl authors.
//
// ResNet.swift — torchvision's ResNet in eval mode, built from a StateDict by parameter name.
//
//   x [N, 3, H, W] → conv1 7×7/2 + bn1 + relu → maxpool 3×3/2 pad 1      // [N, 64k, H/4, W/4]
//     → layer1 … layer4 (blocks of ResNetBlock)                          // [N, 2048k, H/32, W/32]
//     → global average pool                                              // features [N, 2048k]
//     → fc (when the checkpoint has one)                                 // logits [N, classes]
// Every batch norm is folded into its convolution at load time and every 3×3 stride-1
// convolution gets its Winograd weights then too, so a forward pass is only kernel calls.
// A cancellation flag is polled before the stem and before every block.

import Kernels

/// A ResNet backbone (ResNet-18 … 152, ResNet-50 ×2/×3/×4) ready for eval-mode inference.
///
/// Build it from a ``StateDict`` with torchvision's names (`conv1.weight`, `bn1.*`,
/// `layerL.B.convK.weight`, `layerL.B.bnK.*`, `layerL.B.downsample.{0,1}.*`, optional `fc.*`).
/// Loading is strict: a missing tensor or a wrong shape throws a ``ParameterError`` naming
/// the path; entries nothing uses are returned in ``unexpectedKeys``.
public struct ResNet: Sendable {
  /// Load-time choices that trade speed for nothing else observable but rounding.
  public struct Options: Hashable, Sendable {
    /// The Winograd tile for 3×3 stride-1 convolutions, or `nil` for im2col everywhere.
    ///
    /// Default ``Winograd/defaultVariant``, F(4×4, 3×3): the fastest, with pooled features
    /// within 2.5e-7–3.6e-7 of torchvision's (max error relative to max, full ResNet-50/18). F(2×2,
    /// 3×3) is as accurate as im2col (1e-7–2e-7) and about 7 % slower end to end
    /// (Kernels/README.md).
    public var winograd: WinogradVariant?
    /// 3×3 stride-1 layers narrower than this use im2col even when ``winograd`` is set.
    ///
    /// Measured per core (ResNet-50, batch 8, 1 thread, F(2,3) with 4-channel SIMD transforms
    /// and cache-sized tile blocks): F(2,3) vs im2col is 16.6 vs 23.2 ms on the 64-channel 56²
    /// layer, 13.7 vs 21.3 ms at 128 / 28², 11.6 vs 23.7 ms at 256 / 14² and 13.9 vs 21.4 ms
    /// at 512 / 7², so every ResNet 3×3 stride-1 layer (≥ 64 channels) uses Winograd.
    public var winogradMinimumChannels: Int
    /// Batch-norm ε (PyTorch's default 1e-5).
    public var batchNormEpsilon: Double

    /// Creates options; the defaults match PyTorch and the measured fastest kernels.
    public init(
      winograd: WinogradVariant? = Winograd.defaultVariant, winogradMinimumChannels: Int = 64,
      batchNormEpsilon: Double = 1e-5
    ) {
      self.winograd = winograd
      self.winogradMinimumChannels = winogradMinimumChannels
      self.batchNormEpsilon = batchNormEpsilon
    }
  }

  /// The architecture.
  public let config: ResNetConfig
  /// State-dict entries that no layer used, in the dict's order (for a load report).
  public let unexpectedKeys: [String]
  /// The classifier, when the checkpoint has `fc.weight`.
  public let classifier: Linear?

  private let stem: ConvBatchNorm2d
  private let stages: [[ResNetBlock]]

  /// Builds the network from checkpoint tensors.
  ///
  /// - Parameters:
  ///   - config: The architecture, for example ``ResNetConfig/resnet50``.
  ///   - stateDict: Tensors with torchvision's names.
  ///   - options: Load-time choices (Winograd tile).
  /// - Throws: ``ParameterError`` naming the first missing, misshapen or invalid tensor.
  public init(
    config: ResNetConfig, stateDict: StateDict, options: Options = Options()
  ) throws(ParameterError) {
    let root = ParameterScope(stateDict)
    self.config = config
    stem = try ConvBatchNorm2d(
      conv: root.child("conv1"), bn: root.child("bn1"), inChannels: 3,
      outChannels: config.stemWidth, kernel: 7, stride: 2, padding: 3, winogradVariant: nil,
      epsilon: options.batchNormEpsilon)
    var stages: [[ResNetBlock]] = []
    var channels = config.stemWidth
    for stage in ResNetStage.allCases {
      let scope = root.child(stage.description)
      var blocks: [ResNetBlock] = []
      for b in 0..<config.blocksPerStage[stage.index] {
        let width = config.innerWidth(stage: stage.index)
        blocks.append(
          try ResNetBlock(
            scope: scope.child(String(b)), kind: config.block, inChannels: channels,
            width: width, stride: b == 0 && stage != .layer1 ? 2 : 1,
            winograd: width >= options.winogradMinimumChannels ? options.winograd : nil,
            epsilon: options.batchNormEpsilon))
        channels = width * config.block.expansion
      }
      stages.append(blocks)
    }
    self.stages = stages
    if root.contains("fc.weight"), let fc = stateDict["fc.weight"], fc.rank == 2 {
      classifier = try Linear(
        scope: root.child("fc"), inFeatures: config.featureDimension, outFeatures: fc.shape[0])
    } else {
      classifier = nil
    }
    unexpectedKeys = root.unusedNames
  }

  // MARK: - Forward passes

  /// The penultimate features: layer4's output averaged over space.
  ///
  /// - Parameters:
  ///   - batch: Preprocessed images [N, 3, H, W] (224² in the protocols; any size ≥ 32 works).
  ///   - arena: Recycled activation memory; pass the same arena to every batch of a long run.
  ///   - cancellation: Polled before the stem and before each block.
  /// - Returns: [N, 2048·k] (512 for ResNet-18/34).
  /// - Throws: ``TensorError/cancelled`` when cancelled, or a shape error for a bad batch.
  public func features(
    _ batch: Tensor, arena: TensorArena? = nil, cancellation: CancellationFlag? = nil
  ) throws(TensorError) -> Tensor {
    let pooled = try features(batch, stages: [.layer4], arena: arena, cancellation: cancellation)
    guard let result = pooled[.layer4] else { throw .cancelled }
    return result
  }

  /// The pooled outputs of the requested stages; stops after the deepest one.
  ///
  /// - Parameters:
  ///   - batch: [N, 3, H, W].
  ///   - stages: Which stages to pool, for example `[.layer3, .layer4]`.
  ///   - arena: Recycled activation memory.
  ///   - cancellation: Polled between layers.
  /// - Returns: Each requested stage's [N, channels] pooled output.
  /// - Throws: ``TensorError``.
  public func features(
    _ batch: Tensor, stages wanted: Set<ResNetStage>, arena: TensorArena? = nil,
    cancellation: CancellationFlag? = nil
  ) throws(TensorError) -> [ResNetStage: Tensor] {
    guard batch.rank == 4, batch.shape[1] == 3 else {
      throw .shapeMismatch(op: "ResNet input", lhs: [-1, 3, -1, -1], rhs: batch.shape)
    }
    guard let deepest = wanted.max() else { return [:] }
    try Self.check(cancellation)
    var x = try stem(batch, relu: true, arena: arena)
    x = try x.maxPool2d(kernel: 3, stride: 2, padding: 1, arena: arena)
    var result: [ResNetStage: Tensor] = [:]
    for stage in ResNetStage.allCases where stage <= deepest {
      for block in stages[stage.index] {
        try Self.check(cancellation)
        x = try block(x, arena: arena)
      }
      if wanted.contains(stage) { result[stage] = try x.globalAvgPool() }
    }
    return result
  }

  /// The classifier's outputs, `fc(features(batch))`.
  ///
  /// - Returns: [N, classes].
  /// - Throws: ``TensorError/invalidArgument(op:reason:)`` when the checkpoint had no `fc`.
  public func logits(
    _ batch: Tensor, arena: TensorArena? = nil, cancellation: CancellationFlag? = nil
  ) throws(TensorError) -> Tensor {
    guard let classifier else {
      throw .invalidArgument(op: "logits", reason: "this \(config) has no fc layer")
    }
    return try classifier(features(batch, arena: arena, cancellation: cancellation))
  }

  private static func check(_ flag: CancellationFlag?) throws(TensorError) {
    if flag?.isCancelled == true { throw .cancelled }
  }
}
