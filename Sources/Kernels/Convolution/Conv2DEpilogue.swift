// Copyright © 2026 the ssl authors.
//
// Conv2DEpilogue.swift — what happens to a convolution's output right after its GEMM:
// y = relu(conv + bias[o] + residual), each part optional, in ONE pass while the data is hot.
//
// Algorithm: `bias` is per output channel (the folded batch-norm shift, see
// `BatchNormFolding`); `residual` is a buffer shaped like the output ([N, O, OH, OW]) added
// element by element (a ResNet block's identity or downsample branch); ReLU comes last. This is
// the order of torchvision's Bottleneck: `out = bn3(conv3(x)); out += identity; relu(out)`.
// ReLU keeps NaN (as PyTorch does): `v < 0 ? 0 : v`.
//
// The pass can also permute: when `Conv2D` multiplies several images' columns at once, the GEMM
// result is [O, g, P] and the epilogue writes it to the NCHW output [g, O, P] as it goes.
//
// Reference: `ReferenceConv2D`, which applies the same steps after a direct convolution.

/// The per-output-channel bias, optional residual add and optional ReLU fused after a
/// convolution.
///
/// The buffers are borrowed: they must stay valid for the duration of the kernel call, and the
/// residual must not overlap the convolution's output (the GEMM overwrites the output before
/// the epilogue reads the residual).
public struct Conv2DEpilogue {
  /// Per-output-channel bias, [O], or `nil` for none.
  public var bias: UnsafeBufferPointer<Float>?
  /// A buffer shaped like the output, [N, O, OH, OW], added before the ReLU, or `nil`.
  public var residual: UnsafeBufferPointer<Float>?
  /// Whether to clamp negatives to zero last.
  public var relu: Bool

  /// Creates an epilogue; by default it does nothing.
  ///
  /// - Parameters:
  ///   - bias: per-output-channel bias [O].
  ///   - residual: buffer shaped like the output, added after the bias.
  ///   - relu: apply `max(·, 0)` last.
  public init(
    bias: UnsafeBufferPointer<Float>? = nil, residual: UnsafeBufferPointer<Float>? = nil,
    relu: Bool = false
  ) {
    self.bias = bias
    self.residual = residual
    self.relu = relu
  }

  /// The epilogue that leaves the GEMM result untouched.
  public static var none: Conv2DEpilogue { Conv2DEpilogue() }

  /// Whether the epilogue changes nothing (so an in-place pass can be skipped).
  public var isIdentity: Bool { bias == nil && residual == nil && !relu }

  /// Checks the buffers against an output of `channels` channels and `outputCount` elements.
  func check(channels: Int, outputCount: Int, output: UnsafeMutableBufferPointer<Float>) {
    if let bias {
      precondition(bias.count == channels, "epilogue: bias has \(bias.count), need \(channels)")
    }
    if let residual {
      precondition(residual.count == outputCount,
        "epilogue: residual has \(residual.count) elements, need \(outputCount)")
      let r = UnsafeRawBufferPointer(residual)
      let o = UnsafeRawBufferPointer(output)
      if let rb = r.baseAddress, let ob = o.baseAddress {
        precondition(rb + r.count <= ob || ob + o.count <= rb,
          "epilogue: residual overlaps the output")
      }
    }
  }

  // MARK: - Application

  /// Finishes `images` images whose GEMM result is in `source`.
  ///
  /// Row (image j, channel o) of `source` starts at `j·imageStride + o·channelStride` and has
  /// `plane` elements; it goes to `output[(firstImage + j), o, :]` of the NCHW output
  /// [N, channels, plane]. `source` may be the output itself (in place, same offsets).
  func apply(
    source: UnsafePointer<Float>, imageStride: Int, channelStride: Int,
    output: UnsafeMutableBufferPointer<Float>, firstImage: Int, images: Int, channels: Int,
    plane: Int
  ) {
    guard let out = output.baseAddress else { return }
    let inPlace = UnsafePointer(out + firstImage * channels * plane) == source
      && imageStride == channels * plane && channelStride == plane
    if inPlace && isIdentity { return }
    let rows = images * channels
    let ctx = UncheckedSendable((source, out, self))
    Parallel.forEachChunk(count: rows, minChunk: max(1, 16_384 / max(1, plane))) { range in
      let (source, out, epilogue) = ctx.value
      for row in range {
        let j = row / channels
        let o = row % channels
        let src = source + j * imageStride + o * channelStride
        let offset = ((firstImage + j) * channels + o) * plane
        let residualRow = epilogue.residual.flatMap { $0.baseAddress }.map { $0 + offset }
        Self.finishRow(
          src: src, dst: out + offset, count: plane, bias: epilogue.bias?[o] ?? 0,
          residual: residualRow, relu: epilogue.relu)
      }
    }
  }

  /// One output row: `dst[p] = relu?(src[p] + bias + residual?[p])`. The four variants are
  /// separate loops so each vectorises without branches.
  @inline(__always)
  private static func finishRow(
    src: UnsafePointer<Float>, dst: UnsafeMutablePointer<Float>, count: Int, bias: Float,
    residual: UnsafePointer<Float>?, relu: Bool
  ) {
    switch (residual, relu) {
    case (let r?, true):
      for p in 0..<count {
        let v = src[p] + bias + r[p]
        dst[p] = v < 0 ? 0 : v
      }
    case (let r?, false):
      for p in 0..<count { dst[p] = src[p] + bias + r[p] }
    case (nil, true):
      for p in 0..<count {
        let v = src[p] + bias
        dst[p] = v < 0 ? 0 : v
      }
    case (nil, false):
      for p in 0..<count { dst[p] = src[p] + bias }
    }
  }
}
