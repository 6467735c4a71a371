// Copyright © 2026 the ssl authors.
//
// Conv2DGeometry.swift — every size of a 2-D convolution, computed once.
//
// Layouts: input [N, C, H, W], weights [O, C, KH, KW] (OIHW, as PyTorch stores them), output
// [N, O, OH, OW], all row-major. Groups are always 1 (ResNets have no grouped convolutions).
// Output size, as PyTorch: OH = ⌊(H + 2·padH − dilH·(KH − 1) − 1) / strideH⌋ + 1.
// `Runtime` checks `validate()` and throws its own typed error; kernels only precondition.

/// The shape and hyper-parameters of a 2-D convolution with derived sizes.
///
/// Both the shape check in `Runtime` and every convolution kernel read the output size from
/// here, so they cannot disagree.
public struct Conv2DGeometry: Hashable, Sendable {
  /// Images in the batch (N).
  public let batch: Int
  /// Input channels (C).
  public let inChannels: Int
  /// Output channels (O).
  public let outChannels: Int
  /// Input height (H).
  public let inHeight: Int
  /// Input width (W).
  public let inWidth: Int
  /// Kernel height (KH).
  public let kernelHeight: Int
  /// Kernel width (KW).
  public let kernelWidth: Int
  /// Vertical stride.
  public let strideHeight: Int
  /// Horizontal stride.
  public let strideWidth: Int
  /// Zero padding added above and below.
  public let padHeight: Int
  /// Zero padding added left and right.
  public let padWidth: Int
  /// Vertical dilation.
  public let dilationHeight: Int
  /// Horizontal dilation.
  public let dilationWidth: Int
  /// Output height (OH), computed once at initialisation; ≤ 0 when the geometry is invalid.
  public let outHeight: Int
  /// Output width (OW), computed once at initialisation; ≤ 0 when the geometry is invalid.
  public let outWidth: Int

  /// Creates a geometry with separate vertical and horizontal parameters.
  ///
  /// The initialiser never traps; call ``validate()`` (Runtime) or rely on the kernels'
  /// preconditions.
  public init(
    batch: Int, inChannels: Int, outChannels: Int, inHeight: Int, inWidth: Int,
    kernelHeight: Int, kernelWidth: Int, strideHeight: Int = 1, strideWidth: Int = 1,
    padHeight: Int = 0, padWidth: Int = 0, dilationHeight: Int = 1, dilationWidth: Int = 1
  ) {
    self.batch = batch
    self.inChannels = inChannels
    self.outChannels = outChannels
    self.inHeight = inHeight
    self.inWidth = inWidth
    self.kernelHeight = kernelHeight
    self.kernelWidth = kernelWidth
    self.strideHeight = strideHeight
    self.strideWidth = strideWidth
    self.padHeight = padHeight
    self.padWidth = padWidth
    self.dilationHeight = dilationHeight
    self.dilationWidth = dilationWidth
    self.outHeight = Self.outputSize(
      input: inHeight, kernel: kernelHeight, stride: strideHeight, pad: padHeight,
      dilation: dilationHeight)
    self.outWidth = Self.outputSize(
      input: inWidth, kernel: kernelWidth, stride: strideWidth, pad: padWidth,
      dilation: dilationWidth)
  }

  /// Creates a geometry with a square kernel and the same stride, padding and dilation on both
  /// axes (every ResNet convolution).
  public init(
    batch: Int, inChannels: Int, outChannels: Int, inHeight: Int, inWidth: Int, kernel: Int,
    stride: Int = 1, padding: Int = 0, dilation: Int = 1
  ) {
    self.init(
      batch: batch, inChannels: inChannels, outChannels: outChannels, inHeight: inHeight,
      inWidth: inWidth, kernelHeight: kernel, kernelWidth: kernel, strideHeight: stride,
      strideWidth: stride, padHeight: padding, padWidth: padding, dilationHeight: dilation,
      dilationWidth: dilation)
  }

  // MARK: - Validity

  /// Why a geometry cannot be computed.
  public enum Problem: Hashable, Sendable {
    /// A size (batch, channels, input or kernel extent) is not positive.
    case nonPositiveSize
    /// Stride or dilation is not positive, or padding is negative.
    case badHyperparameter
    /// The (padded) input is smaller than the (dilated) kernel, so the output is empty.
    case emptyOutput
  }

  /// The first problem with this geometry, or `nil` when kernels can run it.
  public func validate() -> Problem? {
    let sizes = [batch, inChannels, outChannels, inHeight, inWidth, kernelHeight, kernelWidth]
    if sizes.contains(where: { $0 <= 0 }) { return .nonPositiveSize }
    let steps = [strideHeight, strideWidth, dilationHeight, dilationWidth]
    if steps.contains(where: { $0 <= 0 }) || padHeight < 0 || padWidth < 0 {
      return .badHyperparameter
    }
    if outHeight <= 0 || outWidth <= 0 { return .emptyOutput }
    return nil
  }

  /// Whether ``validate()`` finds no problem.
  public var isValid: Bool { validate() == nil }

  // MARK: - Derived sizes

  /// Output pixels per channel, OH·OW.
  public var outPlane: Int { outHeight * outWidth }
  /// Input pixels per channel, H·W.
  public var inPlane: Int { inHeight * inWidth }
  /// Rows of the im2col matrix and the GEMM reduction length, C·KH·KW.
  public var patchSize: Int { inChannels * kernelHeight * kernelWidth }
  /// Elements of the input, N·C·H·W.
  public var inputCount: Int { batch * inChannels * inPlane }
  /// Elements of the weights, O·C·KH·KW.
  public var weightCount: Int { outChannels * patchSize }
  /// Elements of the output, N·O·OH·OW.
  public var outputCount: Int { batch * outChannels * outPlane }
  /// Multiply-adds of the whole convolution, N·O·OH·OW·C·KH·KW.
  public var multiplyAdds: Int { outputCount * patchSize }

  /// A 1×1 kernel without padding or dilation: each output pixel reads one input pixel.
  public var isPointwise: Bool {
    kernelHeight == 1 && kernelWidth == 1 && padHeight == 0 && padWidth == 0
  }

  /// A pointwise convolution with stride 1: the input image *is* its own [C, H·W] column
  /// matrix, so no im2col is needed.
  public var isPointwiseUnitStride: Bool {
    isPointwise && strideHeight == 1 && strideWidth == 1
  }

  /// A 3×3, stride-1, undilated convolution: the shape Winograd handles.
  public var isWinogradCandidate: Bool {
    kernelHeight == 3 && kernelWidth == 3 && strideHeight == 1 && strideWidth == 1
      && dilationHeight == 1 && dilationWidth == 1
  }

  /// PyTorch's output-size formula (floor division, so partial windows are dropped).
  private static func outputSize(
    input: Int, kernel: Int, stride: Int, pad: Int, dilation: Int
  ) -> Int {
    guard stride > 0 else { return 0 }
    let span = input + 2 * pad - dilation * (kernel - 1) - 1
    // Floor division also for negative spans, so an oversize kernel gives a non-positive size.
    let q = span >= 0 ? span / stride : -((-span + stride - 1) / stride)
    return q + 1
  }
}
