// Copyright © 2026 the ssl authors.
//
// PoolGeometry.swift — the shape of a 2-D pooling window, output size computed once.
//
// Output size as PyTorch: OH = ⌊(H + 2·padH − KH) / strideH⌋ + 1, or with ⌈·⌉ in ceil mode,
// where a last window that would start inside the right/bottom padding is dropped
// (`pooling_output_shape` in ATen). torchvision's ResNet stem is 3×3, stride 2, padding 1,
// floor mode: 112 → 56. Layouts: input [N, C, H, W], output [N, C, OH, OW].

/// The shape and hyper-parameters of a 2-D pooling, with derived output size.
public struct PoolGeometry: Hashable, Sendable {
  /// Images (N).
  public let batch: Int
  /// Channels (C), unchanged by pooling.
  public let channels: Int
  /// Input height (H).
  public let inHeight: Int
  /// Input width (W).
  public let inWidth: Int
  /// Window height.
  public let kernelHeight: Int
  /// Window width.
  public let kernelWidth: Int
  /// Vertical stride.
  public let strideHeight: Int
  /// Horizontal stride.
  public let strideWidth: Int
  /// Padding above and below (acts as −∞ for max-pooling).
  public let padHeight: Int
  /// Padding left and right.
  public let padWidth: Int
  /// Whether the output size rounds up (PyTorch `ceil_mode`).
  public let ceilMode: Bool
  /// Output height (OH), computed once.
  public let outHeight: Int
  /// Output width (OW), computed once.
  public let outWidth: Int

  /// Creates a geometry with separate vertical and horizontal parameters.
  public init(
    batch: Int, channels: Int, inHeight: Int, inWidth: Int, kernelHeight: Int,
    kernelWidth: Int, strideHeight: Int, strideWidth: Int, padHeight: Int = 0,
    padWidth: Int = 0, ceilMode: Bool = false
  ) {
    self.batch = batch
    self.channels = channels
    self.inHeight = inHeight
    self.inWidth = inWidth
    self.kernelHeight = kernelHeight
    self.kernelWidth = kernelWidth
    self.strideHeight = strideHeight
    self.strideWidth = strideWidth
    self.padHeight = padHeight
    self.padWidth = padWidth
    self.ceilMode = ceilMode
    outHeight = Self.outputSize(inHeight, kernelHeight, strideHeight, padHeight, ceilMode)
    outWidth = Self.outputSize(inWidth, kernelWidth, strideWidth, padWidth, ceilMode)
  }

  /// Creates a square-window geometry; the stride defaults to the window size, as in PyTorch.
  public init(
    batch: Int, channels: Int, inHeight: Int, inWidth: Int, kernel: Int, stride: Int? = nil,
    padding: Int = 0, ceilMode: Bool = false
  ) {
    self.init(
      batch: batch, channels: channels, inHeight: inHeight, inWidth: inWidth,
      kernelHeight: kernel, kernelWidth: kernel, strideHeight: stride ?? kernel,
      strideWidth: stride ?? kernel, padHeight: padding, padWidth: padding, ceilMode: ceilMode)
  }

  /// Why a pooling geometry cannot run.
  public enum Problem: Hashable, Sendable {
    /// A size or stride is not positive.
    case nonPositiveSize
    /// Padding is negative or more than half the window (PyTorch's rule), so a window could
    /// hold only padding.
    case badPadding
    /// The output would be empty.
    case emptyOutput
  }

  /// The first problem with this geometry, or `nil` when kernels can run it.
  public func validate() -> Problem? {
    let sizes = [batch, channels, inHeight, inWidth, kernelHeight, kernelWidth]
    if (sizes + [strideHeight, strideWidth]).contains(where: { $0 <= 0 }) {
      return .nonPositiveSize
    }
    if padHeight < 0 || padWidth < 0 || 2 * padHeight > kernelHeight
      || 2 * padWidth > kernelWidth
    {
      return .badPadding
    }
    if outHeight <= 0 || outWidth <= 0 { return .emptyOutput }
    return nil
  }

  /// Whether ``validate()`` finds no problem.
  public var isValid: Bool { validate() == nil }

  /// Elements of the input, N·C·H·W.
  public var inputCount: Int { batch * channels * inHeight * inWidth }
  /// Elements of the output, N·C·OH·OW.
  public var outputCount: Int { batch * channels * outHeight * outWidth }

  private static func outputSize(
    _ input: Int, _ kernel: Int, _ stride: Int, _ pad: Int, _ ceil: Bool
  ) -> Int {
    guard stride > 0 else { return 0 }
    let span = input + 2 * pad - kernel
    if span < 0 { return 0 }
    var size = (ceil ? (span + stride - 1) / stride : span / stride) + 1
    // Ceil mode: the last window must start inside the input or the left padding.
    if ceil && (size - 1) * stride >= input + pad { size -= 1 }
    return size
  }
}
