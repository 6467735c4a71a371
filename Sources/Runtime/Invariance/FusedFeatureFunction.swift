// Copyright © 2026 the ssl authors.

/// Several feature functions combined as §8.4 fuses models (`--model a+b`, `--fuse-mode`).
///
/// The input batch is un-normalised ([0, 1], ``ChannelNormalization/none``): each member
/// normalises it with its own statistics first, `(x − mean) / std` in float32 — the same
/// arithmetic as the image pipeline's lookup table — so a member that expects ImageNet
/// normalisation and one that expects none (SimCLR) can be fused, and the fused feature of an
/// image equals ``FeatureFusion/fuse(_:mode:)`` of the members' features of that image.
public struct FusedFeatureFunction: ImageFeatureFunction {
  /// One member: its feature function and the normalisation it expects.
  public struct Member: Sendable {
    public var function: any ImageFeatureFunction
    public var normalization: ChannelNormalization

    public init(function: any ImageFeatureFunction, normalization: ChannelNormalization) {
      self.function = function
      self.normalization = normalization
    }
  }

  /// The members, in fusion order.
  public let members: [Member]
  /// How their features combine.
  public let mode: FusionMode

  public init(members: [Member], mode: FusionMode) {
    self.members = members
    self.mode = mode
  }

  public func features(_ batch: Tensor) throws(TensorError) -> Tensor {
    guard batch.rank == 4, batch.shape[1] == 3 else {
      throw .shapeMismatch(op: "FusedFeatureFunction input", lhs: [-1, 3, -1, -1], rhs: batch.shape)
    }
    var parts: [FeatureMatrix] = []
    for member in members {
      let out = try member.function.features(Self.normalize(batch, member.normalization))
      parts.append(FeatureMatrix(checkedRows: out.shape[0], columns: out.shape[1], values: out.scalars))
    }
    do {
      let fused = try FeatureFusion.fuse(parts, mode: mode)
      return Tensor(shape: [fused.rows, fused.columns], scalars: fused.values)
    } catch {
      let dimensions = parts.map { [$0.rows, $0.columns] }
      throw .shapeMismatch(op: "fusion (\(mode.rawValue))", lhs: dimensions.first ?? [], rhs: dimensions.last ?? [])
    }
  }

  /// `(x − mean[c]) / std[c]` per channel of an NCHW batch in [0, 1].
  static func normalize(_ batch: Tensor, _ normalization: ChannelNormalization) -> Tensor {
    if normalization == .none { return batch }
    let plane = batch.shape[2] * batch.shape[3]
    var values = batch.scalars  // [N, 3, H, W]
    for start in stride(from: 0, to: values.count, by: plane) {
      let c = (start / plane) % 3
      let mean = normalization.mean[c]
      let std = normalization.std[c]
      for i in start..<(start + plane) { values[i] = (values[i] - mean) / std }
    }
    return Tensor(shape: batch.shape, scalars: values)
  }
}
