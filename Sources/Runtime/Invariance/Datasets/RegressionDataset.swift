// Copyright © 2026 the ssl authors.
//
// The invariance paper's landmark-regression datasets (protocols.md §8.4, `eval_downstream.py`)
// with real-valued targets, kept apart from the classification ``Dataset`` so its label enum
// stays as it is. Targets are already in the units the seed code regresses: output pixels of
// Resize 224 + CenterCrop 224, `x' = (x − (w − s)/2) / s · 224` (same for y), where w × h is
// the image the transform sees (after any dataset crop) and s its short side.

/// One image with its regression target.
public struct RegressionSample: Equatable, Sendable {
  /// The image path relative to the dataset root.
  public var path: String
  /// A crop the dataset applies before the evaluation transform, in original pixels
  /// (`x`, `y`, `width`, `height`; may extend past the image, Pillow fills it with 0), or `nil`.
  public var crop: PixelRect?
  /// The processed target (x₁, y₁, x₂, y₂, …) in 224-pixel output units.
  public var target: [Double]
}

/// A regression dataset with the seed code's trainval / test split.
public struct RegressionDataset: Sendable {
  /// The catalog name: `300w`, `celeba` or `leeds_sports_pose`.
  public let name: String
  /// The folder the sample paths are relative to.
  public let root: String
  /// Train (+ validation where the seed code merges it).
  public let trainval: [RegressionSample]
  /// The test split.
  public let test: [RegressionSample]

  /// The target length (136, 10 or 28).
  public var targetDimension: Int { trainval.first?.target.count ?? test.first?.target.count ?? 0 }

  /// Creates a dataset from resolved splits.
  public init(name: String, root: String, trainval: [RegressionSample], test: [RegressionSample]) {
    self.name = name
    self.root = root
    self.trainval = trainval
    self.test = test
  }

  /// The targets of a split as rows, for ridge regression.
  public static func targetMatrix(_ samples: [RegressionSample]) -> [[Double]] {
    samples.map(\.target)
  }

  /// The seed code's mapping of points in a `width × height` image to output pixels of
  /// Resize(`size`) + CenterCrop(`size`): `x' = (x − (w − s)/2) / s · size`.
  public static func shortSideMap(
    _ points: [Double], width: Double, height: Double, size: Double = 224
  ) -> [Double] {
    let s = min(width, height)
    return points.enumerated().map { i, v in
      let offset = i % 2 == 0 ? (width - s) / 2 : (height - s) / 2
      return (v - offset) / s * size
    }
  }

  /// numpy seed-0 split of `count` items into consecutive fractions of one permutation:
  /// `perm = np.random.RandomState(0).permutation(count)`, part k = `perm[int(c_k·n) :
  /// int(c_{k+1}·n)]` with cumulative fractions c (the last part takes the rest).
  public static func seededSplit(count: Int, fractions: [Double], seed: UInt32 = 0) -> [[Int]] {
    var rng = NumpyRandomState(seed: seed)
    let perm = rng.permutation(count)
    var parts: [[Int]] = []
    var start = 0
    var cumulative = 0.0
    for (k, f) in fractions.enumerated() {
      cumulative += f
      let end = k == fractions.count - 1 ? count : Int(cumulative * Double(count))
      parts.append(Array(perm[start..<max(start, end)]))
      start = max(start, end)
    }
    return parts
  }
}
