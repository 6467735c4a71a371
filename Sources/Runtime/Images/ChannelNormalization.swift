// Copyright © 2026 the ssl authors.

/// Per-channel `(x − mean) / std` applied after scaling bytes to [0, 1] (torchvision's
/// `ToTensor` then `Normalize`, in float32 and in that order, so results are bit-identical).
public struct ChannelNormalization: Hashable, Codable, Sendable {
  /// The R, G, B means.
  public var mean: [Float]
  /// The R, G, B standard deviations (all non-zero).
  public var std: [Float]

  /// Creates a normalisation.
  ///
  /// - Precondition: three means and three non-zero deviations.
  public init(mean: [Float], std: [Float]) {
    precondition(mean.count == 3 && std.count == 3 && !std.contains(0), "bad normalisation")
    self.mean = mean
    self.std = std
  }

  /// ImageNet's statistics, `mean (0.485, 0.456, 0.406)`, `std (0.229, 0.224, 0.225)`.
  public static let imageNet = ChannelNormalization(
    mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225])

  /// No normalisation (`--no-norm`, SimCLR): values stay in [0, 1].
  public static let none = ChannelNormalization(mean: [0, 0, 0], std: [1, 1, 1])

  /// A stable short name for cache keys: `imagenet`, `none` or the numbers.
  public var identifier: String {
    if self == .imageNet { return "imagenet" }
    if self == .none { return "none" }
    return "mean\(mean)-std\(std)".replacingOccurrences(of: " ", with: "")
  }

  /// The value of every byte for each channel: `lookup[c * 256 + byte]`.
  var lookupTable: [Float] {
    var table = [Float](repeating: 0, count: 3 * 256)
    for c in 0..<3 {
      for b in 0..<256 {
        let unit = Float(b) / Float(255)
        table[c * 256 + b] = (unit - mean[c]) / std[c]
      }
    }
    return table
  }
}
