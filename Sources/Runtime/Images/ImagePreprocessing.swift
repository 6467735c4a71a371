// Copyright © 2026 the ssl authors.
//
// The deterministic evaluation transforms of protocols.md §2 as data:
//   linear / finetune eval: shorter side 224 (bicubic), centre crop 224, ImageNet normalise
//   few-shot:               257×257 (bilinear), centre crop 224, ImageNet normalise
//   ChestX first:           256×256 (bicubic, Pillow's default) before the few-shot transform
// Geometry follows torchvision: the long side of a shorter-side resize is
// `int(size * long / short)`, and the crop offset is `int(round((size - crop) / 2))` with
// Python's round-half-to-even.

/// How one resize step chooses its output size.
public enum ResizeRule: Hashable, Codable, Sendable {
  /// The shorter side becomes `size`; the other keeps the aspect ratio (torchvision `Resize(int)`).
  case shorterSide(Int)
  /// Exactly `width × height` (torchvision `Resize((h, w))`), aspect ratio not kept.
  case fixed(width: Int, height: Int)

  /// The output size for a `width × height` source.
  public func size(width: Int, height: Int) -> (width: Int, height: Int) {
    switch self {
    case .shorterSide(let size):
      if width <= height {
        return (size, Int(Double(size * height) / Double(width)))
      }
      return (Int(Double(size * width) / Double(height)), size)
    case .fixed(let w, let h):
      return (w, h)
    }
  }
}

/// One resize with its filter.
public struct ResizeStep: Hashable, Codable, Sendable {
  /// The output size rule.
  public var rule: ResizeRule
  /// The resampling filter.
  public var filter: ResampleFilter

  /// Creates a step.
  public init(_ rule: ResizeRule, filter: ResampleFilter) {
    self.rule = rule
    self.filter = filter
  }
}

/// A deterministic image transform: resizes, a square centre crop, `[0, 1]` scaling and
/// per-channel normalisation, giving CHW float32 ready for the network.
public struct ImagePreprocessing: Hashable, Codable, Sendable {
  /// The resizes, applied in order (each rounds to 8 bits, as Pillow does).
  public var resizes: [ResizeStep]
  /// The side of the square centre crop.
  public var crop: Int
  /// The normalisation after scaling to [0, 1].
  public var normalization: ChannelNormalization

  /// Creates a transform.
  ///
  /// - Precondition: `crop ≥ 1`.
  public init(resizes: [ResizeStep], crop: Int, normalization: ChannelNormalization) {
    precondition(crop >= 1, "crop must be ≥ 1")
    self.resizes = resizes
    self.crop = crop
    self.normalization = normalization
  }

  /// The linear-evaluation transform (§2.2): shorter side 224 bicubic, crop 224.
  public static func linear(_ normalization: ChannelNormalization = .imageNet) -> Self {
    Self(
      resizes: [ResizeStep(.shorterSide(224), filter: .bicubic)], crop: 224,
      normalization: normalization)
  }

  /// The few-shot transform (§2.3): 257×257 bilinear, crop 224.
  public static func fewShot(_ normalization: ChannelNormalization = .imageNet) -> Self {
    Self(
      resizes: [ResizeStep(.fixed(width: 257, height: 257), filter: .bilinear)], crop: 224,
      normalization: normalization)
  }

  /// This transform after a first resize, for example ChestX's 256×256 bicubic.
  public func preceded(by step: ResizeStep) -> Self {
    Self(resizes: [step] + resizes, crop: crop, normalization: normalization)
  }

  /// The number of floats one image becomes: `3 * crop * crop`.
  public var outputCount: Int { 3 * crop * crop }

  /// The shape of one image's output, `[3, crop, crop]`.
  public var outputShape: [Int] { [3, crop, crop] }

  /// A stable text form for cache keys, for example `short224.bicubic+crop224+imagenet`.
  public var identifier: String {
    let steps = resizes.map { step -> String in
      switch step.rule {
      case .shorterSide(let s): return "short\(s).\(step.filter.rawValue)"
      case .fixed(let w, let h): return "\(w)x\(h).\(step.filter.rawValue)"
      }
    }
    return (steps + ["crop\(crop)", normalization.identifier]).joined(separator: "+")
  }

  /// The centre-crop window of a `width × height` image (torchvision's rounding).
  public func cropWindow(width: Int, height: Int) -> PixelRect {
    let left = (Double(width - crop) / 2).rounded(.toNearestOrEven)
    let top = (Double(height - crop) / 2).rounded(.toNearestOrEven)
    return PixelRect(x: Int(left), y: Int(top), width: crop, height: crop)
  }
}
