// Copyright © 2026 the ssl authors.
//
// BLAS.swift — the only Swift file that calls into OpenBLAS (`CBLAS`), its BLAS and its LAPACK.
// (Before `main`, `System/CKernels/openblas_core.c` may re-select OpenBLAS's kernel set; see
// `BLASKernels`.)
//
// Algorithm: single-precision GEMM, C ← α·op(A)·op(B) + β·C, handed to `cblas_sgemm`, except for
// products so small that a direct loop beats the call overhead (see `GEMM.prefersDirectLoop`).
//
// Contract (every caller relies on it; nothing else in the module calls cblas):
// * All matrices are ROW-MAJOR. `op(A)` is [m, k], `op(B)` is [k, n], `C` is [m, n].
// * A is stored as [m, k] with row stride `lda ≥ k` when `transA == false`, and as [k, m] with
//   `lda ≥ m` when `transA == true`. Likewise B: [k, n] / `ldb ≥ n`, or [n, k] / `ldb ≥ k`.
//   C is [m, n] with `ldc ≥ n`. Leading dimensions are in elements, never bytes.
// * `beta == 0` overwrites C without reading it (NaNs already in C do not leak through).
// * C must not overlap A or B.
// * The thread count is set in ONE place, `BLASThreads`, which also sizes the module's own
//   parallel loops (`Parallel`), so BLAS and non-BLAS kernels never oversubscribe the cores.
//   Kernels never call GEMM from inside a `Parallel` loop.
//
// Reference: `ReferenceGEMM` (naive triple loop accumulating in Double).

import CBLAS
import CKernels
import Synchronization

// MARK: - Thread count

/// The one thread-count setting shared by OpenBLAS and the module's parallel loops.
///
/// OpenBLAS starts with its own default (all cores, or `OPENBLAS_NUM_THREADS`). Call
/// ``set(_:)`` once at start-up (the benchmarks use 2) to fix both BLAS and ``Parallel``.
public enum BLASThreads {
  /// 0 means "not set yet": ``current`` then asks OpenBLAS for its default.
  private static let stored = Atomic<Int>(0)

  /// Sets the number of threads for OpenBLAS and for ``Parallel`` loops.
  ///
  /// - Parameter count: the number of worker threads, at least 1.
  public static func set(_ count: Int) {
    precondition(count >= 1, "BLASThreads.set: count must be ≥ 1, got \(count)")
    openblas_set_num_threads(Int32(clamping: count))
    stored.store(count, ordering: .relaxed)
  }

  /// The number of worker threads BLAS and ``Parallel`` loops use.
  public static var current: Int {
    let value = stored.load(ordering: .relaxed)
    if value > 0 { return value }
    return max(1, Int(openblas_get_num_threads()))
  }
}

// MARK: - Kernel set

/// Which of OpenBLAS's kernel sets runs, by OpenBLAS's core name ("Haswell", "Cooperlake", …).
///
/// A DYNAMIC_ARCH OpenBLAS picks its kernels from the CPU model when it loads. On AMD Zen 4
/// OpenBLAS 0.3.21 falls back to Intel's AVX-512 kernels, which run 4–10 % slower there than
/// its AVX2 "Haswell" kernels on this project's GEMMs (Zen 4 splits 512-bit operations in two);
/// so before `main` the selection is redone with `OPENBLAS_CORETYPE=Haswell` unless the user
/// set `OPENBLAS_CORETYPE` (`System/CKernels/openblas_core.c`, which also has the exact rule).
public enum BLASKernels {
  /// The kernel set OpenBLAS runs now.
  public static var current: String { String(cString: openblas_get_corename()) }

  /// The kernel set OpenBLAS chose when it loaded, before ssl's choice.
  public static var chosenAtLoad: String { String(cString: ssl_openblas_loaded_core()) }

  /// OpenBLAS's build configuration ("OpenBLAS 0.3.21 … DYNAMIC_ARCH …").
  public static var openBLASConfig: String { String(cString: openblas_get_config()) }

  /// The kernel set ssl prefers over `current` on a CPU, or `nil` to keep `current`.
  ///
  /// - Parameters:
  ///   - vendor: the CPUID vendor string, e.g. "AuthenticAMD".
  ///   - family: the CPU family (base + extended), e.g. 0x19 for Zen 3 and Zen 4.
  ///   - current: OpenBLAS's choice.
  public static func preferred(vendor: String, family: Int, current: String) -> String? {
    ssl_openblas_preferred_core(vendor, UInt32(clamping: family), current)
      .map { String(cString: $0) }
  }

  /// This CPU's vendor string and family, or `nil` off x86-64.
  public static var cpu: (vendor: String, family: Int)? {
    var vendor = [CChar](repeating: 0, count: 13)
    var family: UInt32 = 0
    guard ssl_cpu_vendor_family(&vendor, &family) != 0 else { return nil }
    return (vendor.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, Int(family))
  }
}

// MARK: - GEMM

/// Single-precision matrix multiplication on row-major buffers.
///
/// See the file header for the full contract (row-major, leading dimensions in elements,
/// `beta == 0` does not read C).
public enum GEMM {
  /// Products with fewer multiply-adds than this run as a direct loop instead of `cblas_sgemm`.
  ///
  /// 32³ = 32,768 multiply-adds take a few microseconds in the direct loop (its inner loop runs
  /// over contiguous columns and vectorises), which is the order of OpenBLAS's per-call cost
  /// (argument checks, buffer packing, waking its threads). ggml makes the same call with a
  /// 32-per-dimension minimum (`ggml-blas.cpp`). ResNet layers are all far above it; the
  /// threshold matters for tiny test shapes and heads. To be re-measured in the benchmark issue.
  public static let directLoopThreshold = 32 * 32 * 32

  /// Whether a product of this size should skip BLAS and run the direct loop.
  ///
  /// - Parameters:
  ///   - m: rows of `op(A)` and `C`.
  ///   - n: columns of `op(B)` and `C`.
  ///   - k: the reduction length.
  /// - Returns: `true` when `m·n·k <` ``directLoopThreshold``.
  @inlinable
  public static func prefersDirectLoop(m: Int, n: Int, k: Int) -> Bool {
    m * n * k < directLoopThreshold
  }

  /// Computes `C ← alpha·op(A)·op(B) + beta·C` (row-major).
  ///
  /// - Parameters:
  ///   - transA: use Aᵀ; A is then stored as [k, m].
  ///   - transB: use Bᵀ; B is then stored as [n, k].
  ///   - m: rows of `C`.
  ///   - n: columns of `C`.
  ///   - k: reduction length.
  ///   - alpha: scale of the product.
  ///   - a: A's storage.
  ///   - lda: A's row stride in elements.
  ///   - b: B's storage.
  ///   - ldb: B's row stride in elements.
  ///   - beta: scale of the old `C`; 0 overwrites without reading.
  ///   - c: C's storage, overwritten.
  ///   - ldc: C's row stride in elements.
  public static func sgemm(
    transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int, alpha: Float = 1,
    a: UnsafeBufferPointer<Float>, lda: Int, b: UnsafeBufferPointer<Float>, ldb: Int,
    beta: Float = 0, c: UnsafeMutableBufferPointer<Float>, ldc: Int
  ) {
    checkContract(
      "GEMM", transA: transA, transB: transB, m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc,
      counts: (a.count, b.count, c.count))
    if m == 0 || n == 0 { return }
    guard let pa = a.baseAddress, let pb = b.baseAddress, let pc = c.baseAddress else {
      // k == 0 with empty A/B: the product is zero.
      scaleOnly(beta: beta, m: m, n: n, c: c, ldc: ldc)
      return
    }
    if k == 0 {
      scaleOnly(beta: beta, m: m, n: n, c: c, ldc: ldc)
      return
    }
    if prefersDirectLoop(m: m, n: n, k: k) {
      directLoop(
        transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: pa, lda: lda,
        b: pb, ldb: ldb, beta: beta, c: pc, ldc: ldc)
      return
    }
    cblas_sgemm(
      CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k), alpha, pa, Int32(lda), pb, Int32(ldb), beta, pc, Int32(ldc))
  }

  // MARK: - Internals

  /// Whether a [rows, cols] matrix with row stride `ld` fits in `count` elements.
  /// The row-major contract both precisions share: sizes, leading dimensions, buffer sizes.
  private static func checkContract(
    _ name: String, transA: Bool, transB: Bool, m: Int, n: Int, k: Int, lda: Int, ldb: Int,
    ldc: Int, counts: (a: Int, b: Int, c: Int)
  ) {
    precondition(m >= 0 && n >= 0 && k >= 0, "\(name): negative size m=\(m) n=\(n) k=\(k)")
    let (aRows, aCols) = transA ? (k, m) : (m, k)
    let (bRows, bCols) = transB ? (n, k) : (k, n)
    precondition(
      lda >= max(1, aCols) && ldb >= max(1, bCols) && ldc >= max(1, n),
      "\(name): leading dimension too small (lda \(lda), ldb \(ldb), ldc \(ldc))")
    precondition(fits(rows: aRows, cols: aCols, ld: lda, count: counts.a), "\(name): A too small")
    precondition(fits(rows: bRows, cols: bCols, ld: ldb, count: counts.b), "\(name): B too small")
    precondition(fits(rows: m, cols: n, ld: ldc, count: counts.c), "\(name): C too small")
  }

  private static func fits(rows: Int, cols: Int, ld: Int, count: Int) -> Bool {
    rows == 0 || cols == 0 || (rows - 1) * ld + cols <= count
  }

  /// `C ← beta·C` for an empty reduction; `beta == 0` writes zeros without reading.
  private static func scaleOnly(
    beta: Float, m: Int, n: Int, c: UnsafeMutableBufferPointer<Float>, ldc: Int
  ) {
    for i in 0..<m {
      for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] }
    }
  }

  /// The small-product path: i-p-j order so the inner loop runs along contiguous rows of B and
  /// C when B is not transposed. Accumulates in Float, like BLAS.
  private static func directLoop(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    for i in 0..<m {
      let row = c + i * ldc
      if beta == 0 {
        row.update(repeating: 0, count: n)
      } else if beta != 1 {
        for j in 0..<n { row[j] *= beta }
      }
      for p in 0..<k {
        let aip = alpha * (transA ? a[p * lda + i] : a[i * lda + p])
        if transB {
          for j in 0..<n { row[j] += aip * b[j * ldb + p] }
        } else {
          let bRow = b + p * ldb
          for j in 0..<n { row[j] += aip * bRow[j] }
        }
      }
    }
  }
}

// MARK: - Double-precision GEMM

extension GEMM {
  /// Computes `C ← alpha·op(A)·op(B) + beta·C` in float64 (row-major).
  ///
  /// For solvers that need float64 accumulation (the evaluation protocols' ridge regression and
  /// Cholesky updates). Same contract as
  /// ``sgemm(transA:transB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)``: row-major, leading dimensions
  /// in elements, `beta == 0` overwrites `C` without reading it, and `C` must not overlap `A` or
  /// `B`. There is no direct-loop path: every product goes to `cblas_dgemm`.
  ///
  /// - Parameters:
  ///   - transA: use Aᵀ; A is then stored as [k, m].
  ///   - transB: use Bᵀ; B is then stored as [n, k].
  ///   - m: rows of `C`.
  ///   - n: columns of `C`.
  ///   - k: reduction length.
  ///   - alpha: scale of the product.
  ///   - a: A's storage.
  ///   - lda: A's row stride in elements.
  ///   - b: B's storage.
  ///   - ldb: B's row stride in elements.
  ///   - beta: scale of the old `C`; 0 overwrites without reading.
  ///   - c: C's storage, overwritten.
  ///   - ldc: C's row stride in elements.
  public static func dgemm(
    transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int, alpha: Double = 1,
    a: UnsafeBufferPointer<Double>, lda: Int, b: UnsafeBufferPointer<Double>, ldb: Int,
    beta: Double = 0, c: UnsafeMutableBufferPointer<Double>, ldc: Int
  ) {
    checkContract(
      "DGEMM", transA: transA, transB: transB, m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc,
      counts: (a.count, b.count, c.count))
    if m == 0 || n == 0 { return }
    guard k > 0, let pa = a.baseAddress, let pb = b.baseAddress, let pc = c.baseAddress else {
      // Empty reduction: C ← beta·C, and beta == 0 writes zeros without reading.
      for i in 0..<m {
        for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] }
      }
      return
    }
    cblas_dgemm(
      CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k), alpha, pa, Int32(lda), pb, Int32(ldb), beta, pc, Int32(ldc))
  }
}

// MARK: - LAPACK (symmetric positive-definite factorisations)
//
// LAPACK (the Fortran-ABI `dpotrf_`/`dpotri_` exported by
// libopenblas, declared in `System/CBLAS/CBLAS.h` because no `lapack.h` is installed).
//
// Contract: matrices are ROW-MAJOR, square, symmetric positive definite, float64, [n, n].
// A symmetric matrix is its own transpose, so the row-major buffer is handed to column-major
// LAPACK as is; asking LAPACK for the UPPER factor U (column-major, A = UᵀU) leaves, read
// row-major, the LOWER factor L = Uᵀ with A = L·Lᵀ. The other triangle is zeroed (Cholesky)
// or mirrored (inverse) before returning.

/// Dense symmetric positive-definite factorisations through LAPACK (float64, row-major).
public enum SPDMatrix {
  /// `dpotrf` on the column-major upper triangle (= the row-major lower one), then `dpotri`
  /// when asked; LAPACK's `info`.
  private static func factor(_ a: inout [Double], n: Int, thenInvert: Bool) -> Int {
    if n == 0 { return 0 }
    var info: Int32 = 0
    var order = Int32(n)
    var lda = Int32(n)
    var uplo = CChar(UInt8(ascii: "U"))
    a.withUnsafeMutableBufferPointer { buffer in
      dpotrf_(&uplo, &order, buffer.baseAddress, &lda, &info)
      if info == 0 && thenInvert { dpotri_(&uplo, &order, buffer.baseAddress, &lda, &info) }
    }
    return Int(info)
  }

  /// Overwrites `a` ([n, n], row-major, symmetric positive definite) with its lower Cholesky
  /// factor L (A = L·Lᵀ; the strict upper triangle is set to 0).
  ///
  /// - Returns: LAPACK's `info`: 0 on success, `k > 0` when the leading minor of order k is not
  ///   positive definite (then `a` is unspecified).
  public static func choleskyLower(_ a: inout [Double], n: Int) -> Int {
    precondition(a.count == n * n, "SPDMatrix.choleskyLower: \(a.count) values for n = \(n)")
    let info = factor(&a, n: n, thenInvert: false)
    if info != 0 { return info }
    for row in 0..<n { for column in (row + 1)..<n { a[row * n + column] = 0 } }
    return 0
  }

  /// Overwrites `a` ([n, n], row-major, symmetric positive definite) with A⁻¹ (full, symmetric),
  /// through the Cholesky factorisation (`dpotrf` then `dpotri`).
  ///
  /// - Returns: LAPACK's `info`: 0 on success, nonzero when A is not positive definite.
  public static func invert(_ a: inout [Double], n: Int) -> Int {
    precondition(a.count == n * n, "SPDMatrix.invert: \(a.count) values for n = \(n)")
    let info = factor(&a, n: n, thenInvert: true)
    if info != 0 { return info }
    // Column-major upper = row-major lower holds the result; mirror it to the upper triangle.
    for row in 0..<n { for column in (row + 1)..<n { a[row * n + column] = a[column * n + row] } }
    return 0
  }
}
