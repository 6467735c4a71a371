// Copyright © 2026 the ssl authors.
//
// Pillow's coefficient table for one axis (`precompute_coeffs` + `normalize_coeffs_8bpc`),
// reproduced step for step so 8-bit results are identical:
//   scale = in / out; filterscale = max(scale, 1); support = filter.support * filterscale
//   ksize = ceil(support) * 2 + 1
//   for each output index i: center = (i + 0.5) * scale
//     first = max(0, Int(center - support + 0.5)); end = min(in, Int(center + support + 0.5))
//     w[j] = filter((first + j - center + 0.5) / filterscale), then divided by their sum
//   each weight becomes an integer with 22 fractional bits, rounded half away from zero.
// A pass adds `1 << 21` (one half) to the integer sum, shifts right by 22 and clamps to 0…255.
// Every output's weights depend on its own index only, so a table can cover just the outputs a
// crop keeps: Pillow builds all of them, which for a 1-pixel-high image resized to a shorter
// side of 224 is hundreds of millions of rows (a 30 MB BMP took 13 GB and 2.5 minutes here).

/// The fixed-point weights that map one axis of `inSize` pixels onto `outSize` pixels.
struct ResampleCoefficients: Sendable {
  /// Fractional bits of the integer weights (Pillow's `PRECISION_BITS`, 32 − 8 − 2).
  static let precisionBits: Int32 = 22
  /// The rounding constant every sum starts from.
  static let half: Int32 = 1 << (precisionBits - 1)

  /// The stride between consecutive outputs' weights.
  let kernelSize: Int
  /// The first output index the table covers; entry `e` is output `firstOutput + e`.
  let firstOutput: Int
  /// The first source index each covered output reads.
  let first: [Int]
  /// How many source indices each covered output reads (≤ `kernelSize`).
  let count: [Int]
  /// `kernelSize` fixed-point weights per covered output; unused tail entries are 0.
  let weights: [Int32]

  /// Builds the table for `outputs` (all `outSize` outputs when nil).
  ///
  /// - Precondition: `inSize` and `outSize` are ≥ 1, and `outputs` lies in `0..<outSize`.
  init(inSize: Int, outSize: Int, filter: ResampleFilter, outputs: Range<Int>? = nil) {
    precondition(inSize >= 1 && outSize >= 1, "resample: sizes \(inSize) → \(outSize)")
    let outputs = outputs ?? 0..<outSize
    precondition(outputs.lowerBound >= 0 && outputs.upperBound <= outSize, "resample: outputs")
    let scale = Double(inSize) / Double(outSize)
    let filterScale = max(scale, 1)
    let support = filter.support * filterScale
    let ksize = Int(support.rounded(.up)) * 2 + 1
    var first = [Int](repeating: 0, count: outputs.count)
    var count = [Int](repeating: 0, count: outputs.count)
    var weights = [Int32](repeating: 0, count: outputs.count * ksize)
    var row = [Double](repeating: 0, count: ksize)
    let inverse = 1 / filterScale
    for i in outputs {
      let e = i - outputs.lowerBound
      let center = (Double(i) + 0.5) * scale
      // C's (int) cast truncates toward zero, as Swift's Int(_:) does.
      let lo = max(0, Int(center - support + 0.5))
      let hi = min(inSize, Int(center + support + 0.5))
      let n = max(0, hi - lo)
      var total = 0.0
      for j in 0..<n {
        let w = filter.weight((Double(j + lo) - center + 0.5) * inverse)
        row[j] = w
        total += w
      }
      for j in 0..<n {
        let w = total != 0 ? row[j] / total : row[j]
        let scaled = w * Double(1 << Self.precisionBits)
        weights[e * ksize + j] = Int32(w < 0 ? scaled - 0.5 : scaled + 0.5)
      }
      first[e] = lo
      count[e] = n
    }
    self.kernelSize = ksize
    self.firstOutput = outputs.lowerBound
    self.first = first
    self.count = count
    self.weights = weights
  }

  /// The source range `[lowest first, highest end)` that the outputs `outputs` (covered by the
  /// table) read.
  func sourceSpan(of outputs: Range<Int>) -> Range<Int> {
    guard let a = outputs.first, let b = outputs.last else { return 0..<0 }
    let (ea, eb) = (a - firstOutput, b - firstOutput)
    return first[ea]..<(first[eb] + count[eb])
  }
}
