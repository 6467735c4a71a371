// Copyright © 2026 the ssl authors.

/// Solver settings for ``LogisticRegression``, with sklearn's meaning and defaults.
///
/// The model minimises, over weights `W ∈ ℝ^{K×d}` and intercepts `b ∈ ℝ^K`,
///
///     F(W, b) = Σᵢ CE(softmax(W xᵢ + b), yᵢ) + ‖W‖²_F / (2C)
///
/// (sklearn 0.22/0.24's summed form; the intercept is not penalised). sklearn ≥ 1.1 minimises
/// `F / n`, which has the same minimiser; the solver works on `F / n` internally because its
/// values are O(1). The two forms differ only in what the gradient tolerance means, which is
/// why ``toleranceScale`` exists.
///
/// ## Stopping rule
/// L-BFGS with memory ``memory`` and a strong-Wolfe line search (`c₁ = 10⁻³`, `c₂ = 0.9`,
/// scipy's `dcsrch` constants). Exactly as scipy's L-BFGS-B checks, in this order:
/// 1. before the first step, stop with 0 iterations when `‖∇‖∞ ≤ tol` (so a warm start that
///    is already optimal costs one gradient);
/// 2. after each step, stop when `(f₋ − f)/max(|f₋|, |f|, 1) ≤` ``relativeReduction`` (the
///    values `f` on the ``toleranceScale`` scale);
/// 3. then stop when `‖∇‖∞ ≤ tol`, the gradient on the ``toleranceScale`` scale;
/// 4. stop after ``maxIterations`` steps.
/// Unbounded L-BFGS-B's projected gradient is the gradient, so rules 1–4 are scipy's rules;
/// the search directions differ from L-BFGS-B's compact form only by rounding.
public struct LogisticRegressionConfig: Hashable, Sendable {
  /// Which objective the gradient tolerance and the reduction test are measured on.
  public enum ToleranceScale: Hashable, Sendable {
    /// The summed objective `F` (sklearn 0.22/0.24, the seed code): `‖∇F‖∞ ≤ tol`.
    case sum
    /// The per-sample mean `F / n` (sklearn ≥ 1.1, the bench anchor): `‖∇F‖∞ / n ≤ tol`.
    case mean
  }

  /// Where the feature products run.
  public enum Precision: Hashable, Sendable {
    /// `X·Wᵀ` and `Gᵀ·X` through `sgemm` on the float32 features; every reduction outside
    /// the GEMM (softmax, losses, intercept gradient, L-BFGS algebra) is in Double.
    case float32GEMM
    /// The same products through `dgemm` on a float64 copy of the features (sklearn 0.22
    /// converts to float64 for lbfgs). Twice the memory, about half the GEMM speed.
    case float64GEMM
  }

  /// sklearn's `tol`: the gradient tolerance (default 1e-4).
  public var tolerance: Double
  /// What ``tolerance`` is measured on (default `.sum`, the seed code's sklearn 0.22).
  public var toleranceScale: ToleranceScale
  /// scipy's `ftol`, the relative-reduction tolerance. sklearn 0.22 leaves scipy's default
  /// `factr·eps = 10⁷·2⁻⁵² ≈ 2.22e-9`; sklearn ≥ 1.1 passes `64·eps ≈ 1.42e-14`.
  public var relativeReduction: Double
  /// sklearn's `max_iter`: the most L-BFGS steps per fit (default 100).
  public var maxIterations: Int
  /// The L-BFGS memory (scipy's `maxcor`, default 10).
  public var memory: Int
  /// The most objective evaluations per line search (scipy's `maxls`: 20; sklearn ≥ 1.1: 50).
  /// Evaluations along a line cost no GEMM here, so the default is 50.
  public var maxLineSearchSteps: Int
  /// Whether intercepts are fitted (sklearn's `fit_intercept`, default true; never penalised).
  public var fitIntercept: Bool
  /// Whether ``LogisticRegression/fit(_:labels:classCount:)`` starts from the current
  /// coefficients when their shape fits (sklearn's `warm_start`; the seed code sets it).
  public var warmStart: Bool
  /// Where the feature products run (default `.float32GEMM`; see ``Precision``).
  public var precision: Precision

  /// Creates a configuration; every default is the seed code's (`linear.py`, sklearn 0.22).
  ///
  /// - Parameters:
  ///   - tolerance: sklearn's `tol`.
  ///   - toleranceScale: what `tol` applies to.
  ///   - relativeReduction: scipy's `ftol`.
  ///   - maxIterations: sklearn's `max_iter`.
  ///   - memory: the L-BFGS memory.
  ///   - maxLineSearchSteps: evaluations per line search.
  ///   - fitIntercept: fit unpenalised intercepts.
  ///   - warmStart: start each fit from the previous solution.
  ///   - precision: GEMM precision.
  public init(
    tolerance: Double = 1e-4, toleranceScale: ToleranceScale = .sum,
    relativeReduction: Double = 1e7 * Double.ulpOfOne, maxIterations: Int = 100,
    memory: Int = 10, maxLineSearchSteps: Int = 50, fitIntercept: Bool = true,
    warmStart: Bool = true, precision: Precision = .float32GEMM
  ) {
    self.tolerance = tolerance
    self.toleranceScale = toleranceScale
    self.relativeReduction = relativeReduction
    self.maxIterations = maxIterations
    self.memory = memory
    self.maxLineSearchSteps = maxLineSearchSteps
    self.fitIntercept = fitIntercept
    self.warmStart = warmStart
    self.precision = precision
  }

  /// The seed code's solver: sklearn 0.22 `LogisticRegression(lbfgs, multinomial,
  /// warm_start=True)` with its defaults (tol 1e-4 on the summed objective, max_iter 100).
  public static let seedProtocol = LogisticRegressionConfig()

  /// sklearn ≥ 1.1's lbfgs settings as `bench/sklearn_linear.py` runs them: tol 1e-4 on the
  /// per-sample mean, ftol 64·eps, max_iter 1000, a new estimator per fit unless warm.
  public static let sklearnCurrent = LogisticRegressionConfig(
    toleranceScale: .mean, relativeReduction: 64 * Double.ulpOfOne, maxIterations: 1000)

  /// Checks ranges; called by every fit.
  func validate() throws(EvalError) {
    guard tolerance >= 0, tolerance.isFinite else {
      throw .invalidParameter(name: "tol", value: tolerance, reason: "must be finite and ≥ 0")
    }
    guard relativeReduction >= 0 else {
      throw .invalidParameter(name: "ftol", value: relativeReduction, reason: "must be ≥ 0")
    }
    guard maxIterations >= 0 else {
      throw .invalidParameter(
        name: "max_iter", value: Double(maxIterations), reason: "must be ≥ 0")
    }
    guard memory >= 1, maxLineSearchSteps >= 1 else {
      throw .invalidParameter(
        name: "memory", value: Double(memory), reason: "memory and line-search steps ≥ 1")
    }
  }
}
