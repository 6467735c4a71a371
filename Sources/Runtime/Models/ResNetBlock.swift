// Copyright © 2026 the ssl authors.
//
// ResNetBlock.swift — torchvision's BasicBlock and Bottleneck with batch norm folded away.
//
//   basic:      out = relu(bn2(conv2(relu(bn1(conv1(x))))) + identity)     conv1 3×3/stride
//   bottleneck: out = relu(bn3(conv3(relu(bn2(conv2(relu(bn1(conv1(x)))))))) + identity)
//               conv1 1×1, conv2 3×3/stride (ResNet v1.5), conv3 1×1
//   identity = downsample(x) = bn(conv1×1/stride(x)) when the shape changes, else x.
// The residual add and the last ReLU run inside the last convolution's epilogue.

import Kernels

/// One residual block, its convolutions folded with their batch norms.
struct ResNetBlock: Sendable {
  /// The main path, in order: 2 convolutions (basic) or 3 (bottleneck).
  let convs: [ConvBatchNorm2d]
  /// `downsample.0` + `downsample.1`, when the block changes stride or width.
  let downsample: ConvBatchNorm2d?

  /// Loads a block from `scope` (for example `layer2.0`).
  ///
  /// - Parameters:
  ///   - scope: The block's scope.
  ///   - kind: Basic or bottleneck.
  ///   - inChannels: Channels into the block.
  ///   - width: The inner width (`planes`).
  ///   - stride: 1, or 2 for the first block of layers 2–4.
  ///   - winograd: The Winograd variant for 3×3 stride-1 convolutions, or `nil`.
  ///   - epsilon: Batch-norm ε.
  init(
    scope: ParameterScope, kind: ResNetConfig.Block, inChannels: Int, width: Int, stride: Int,
    winograd: WinogradVariant?, epsilon: Double
  ) throws(ParameterError) {
    let outChannels = width * kind.expansion
    func conv(
      _ index: Int, _ cin: Int, _ cout: Int, kernel: Int, stride: Int
    ) throws(ParameterError) -> ConvBatchNorm2d {
      try ConvBatchNorm2d(
        conv: scope.child("conv\(index)"), bn: scope.child("bn\(index)"), inChannels: cin,
        outChannels: cout, kernel: kernel, stride: stride, padding: kernel / 2,
        winogradVariant: winograd, epsilon: epsilon)
    }
    switch kind {
    case .basic:
      convs = [
        try conv(1, inChannels, width, kernel: 3, stride: stride),
        try conv(2, width, width, kernel: 3, stride: 1),
      ]
    case .bottleneck:
      convs = [
        try conv(1, inChannels, width, kernel: 1, stride: 1),
        try conv(2, width, width, kernel: 3, stride: stride),
        try conv(3, width, outChannels, kernel: 1, stride: 1),
      ]
    }
    if stride != 1 || inChannels != outChannels {
      let branch = scope.child("downsample")
      downsample = try ConvBatchNorm2d(
        conv: branch.child("0"), bn: branch.child("1"), inChannels: inChannels,
        outChannels: outChannels, kernel: 1, stride: stride, padding: 0, winogradVariant: nil,
        epsilon: epsilon)
    } else {
      downsample = nil
    }
  }

  /// Runs the block on [N, C, H, W].
  func callAsFunction(_ x: Tensor, arena: TensorArena?) throws(TensorError) -> Tensor {
    let identity = try downsample?(x, relu: false, arena: arena) ?? x
    var out = x
    for (index, conv) in convs.enumerated() {
      let last = index == convs.count - 1
      out = try conv(out, residual: last ? identity : nil, relu: true, arena: arena)
    }
    return out
  }

  /// The block's parameter names and shapes in torchvision's state-dict order.
  static func parameterShapes(
    prefix: String, kind: ResNetConfig.Block, inChannels: Int, width: Int, stride: Int
  ) -> [(name: String, shape: [Int])] {
    let outChannels = width * kind.expansion
    var result: [(name: String, shape: [Int])] = []
    func conv(_ name: String, _ bn: String, _ cin: Int, _ cout: Int, _ kernel: Int) {
      result.append((prefix + name + ".weight", [cout, cin, kernel, kernel]))
      result += batchNormShapes(prefix: prefix + bn, channels: cout)
    }
    switch kind {
    case .basic:
      conv("conv1", "bn1", inChannels, width, 3)
      conv("conv2", "bn2", width, width, 3)
    case .bottleneck:
      conv("conv1", "bn1", inChannels, width, 1)
      conv("conv2", "bn2", width, width, 3)
      conv("conv3", "bn3", width, outChannels, 1)
    }
    if stride != 1 || inChannels != outChannels {
      conv("downsample.0", "downsample.1", inChannels, outChannels, 1)
    }
    return result
  }

  /// A BatchNorm2d's five state-dict entries (`num_batches_tracked` is a 0-d int64).
  static func batchNormShapes(prefix: String, channels: Int) -> [(name: String, shape: [Int])] {
    ["weight", "bias", "running_mean", "running_var"].map { (prefix + "." + $0, [channels]) }
      + [(prefix + ".num_batches_tracked", [])]
  }
}
