// Copyright © 2026 the ssl authors.

/// An ordinary least-squares line `ŷ = intercept + slope · x` with its mean-response band.
///
/// With `x̄, ȳ` the means, `Sxx = Σ(xᵢ − x̄)²` and `Sxy = Σ(xᵢ − x̄)(yᵢ − ȳ)`:
/// `slope = Sxy / Sxx`, `intercept = ȳ − slope · x̄`, and the residual standard error is
/// `s = √(Σ(yᵢ − ŷᵢ)² / (n − 2))`. This is the line and shaded interval of Figure 1 (seaborn
/// `regplot`-style, computed analytically rather than by bootstrap).
public struct LinearFit: Hashable, Sendable {
  /// The slope `Sxy / Sxx`.
  public var slope: Double
  /// The intercept `ȳ − slope · x̄`.
  public var intercept: Double
  /// The number of points fitted.
  public var n: Int
  /// The mean of the x values, `x̄`.
  public var meanX: Double
  /// `Sxx = Σ(xᵢ − x̄)²`.
  public var sumSquaresX: Double
  /// The residual standard error `s = √(SSE / (n − 2))`.
  public var residualStandardError: Double

  /// Creates a fit from its parts.
  ///
  /// - Parameters:
  ///   - slope: The slope.
  ///   - intercept: The intercept.
  ///   - n: The number of points.
  ///   - meanX: `x̄`.
  ///   - sumSquaresX: `Sxx`.
  ///   - residualStandardError: `s`.
  public init(
    slope: Double, intercept: Double, n: Int, meanX: Double, sumSquaresX: Double,
    residualStandardError: Double
  ) {
    self.slope = slope
    self.intercept = intercept
    self.n = n
    self.meanX = meanX
    self.sumSquaresX = sumSquaresX
    self.residualStandardError = residualStandardError
  }

  /// Fits the least-squares line through paired points.
  ///
  /// - Parameters:
  ///   - x: The predictor values; at least 3 and not all equal (a `precondition`).
  ///   - y: The responses, the same length as `x`.
  /// - Returns: The fitted line.
  public static func leastSquares(x: [Double], y: [Double]) -> LinearFit {
    precondition(x.count == y.count, "leastSquares: samples differ in length")
    precondition(x.count >= 3, "leastSquares: needs at least 3 points")
    let n = Double(x.count)
    let meanX = x.reduce(0, +) / n
    let meanY = y.reduce(0, +) / n
    var sxx = 0.0
    var sxy = 0.0
    for i in x.indices {
      sxx += (x[i] - meanX) * (x[i] - meanX)
      sxy += (x[i] - meanX) * (y[i] - meanY)
    }
    precondition(sxx > 0, "leastSquares: x values are all equal")
    let slope = sxy / sxx
    let intercept = meanY - slope * meanX
    var sse = 0.0
    for i in x.indices {
      let residual = y[i] - (intercept + slope * x[i])
      sse += residual * residual
    }
    return LinearFit(
      slope: slope, intercept: intercept, n: x.count, meanX: meanX, sumSquaresX: sxx,
      residualStandardError: (sse / (n - 2)).squareRoot())
  }

  /// The fitted value `ŷ(x) = intercept + slope · x`.
  ///
  /// - Parameter x: The predictor value.
  /// - Returns: The point on the line.
  public func predict(_ x: Double) -> Double {
    intercept + slope * x
  }

  /// The confidence interval of the mean response at `x`.
  ///
  /// `ŷ ± t_{n−2, (1+level)/2} · s · √(1/n + (x − x̄)² / Sxx)`; the band is narrowest at `x̄`.
  ///
  /// - Parameters:
  ///   - x: The predictor value.
  ///   - level: The confidence level in `(0, 1)`; 0.95 by default.
  /// - Returns: The interval `lower...upper`; `−∞...∞` if it is undefined (NaN inputs).
  public func confidenceBand(at x: Double, level: Double = 0.95) -> ClosedRange<Double> {
    let df = Double(n - 2)
    let t = SpecialFunctions.studentTQuantile((1 + level) / 2, degreesOfFreedom: df)
    let dx = x - meanX
    let se = residualStandardError * (1 / Double(n) + dx * dx / sumSquaresX).squareRoot()
    let center = predict(x)
    let lower = center - t * se
    let upper = center + t * se
    // A range cannot hold NaN bounds (`...` traps): an undefined band is the whole line.
    guard lower <= upper else { return -Double.infinity...Double.infinity }
    return lower...upper
  }
}
