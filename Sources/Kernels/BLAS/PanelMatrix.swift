// Copyright © 2026 the ssl authors.
//
// PanelMatrix.swift — a fixed float32 matrix X [n, d], packed once, for many THIN products:
// Z = X·Wᵀ and O = Gᵀ·X with W [K, d], G [n, K] and K ≪ d (a linear probe's logits and
// gradient, twice per L-BFGS step, K = classes).
//
// Why not `GEMM.sgemm`: OpenBLAS packs both operands on every call. With K = 37 the big
// operand's packing is a third of the call (profile of the Pets-sized sweep: kernel 27 %,
// packing 14 % of all samples), and it is the same X every time. Here X is packed twice at
// construction — 16 rows as SIMD lanes ([⌈n/16⌉][d][16]) for X·Wᵀ, 16 columns as lanes
// ([⌈d/16⌉][n][16]) for Gᵀ·X — and a register-blocked micro-kernel (C, `System/CKernels`:
// 8 × 16 in AVX-512F, else 6 × 16 in AVX2 + FMA, chosen at run time) reads them directly.
// Only the thin operand is packed per call (K·d or n·K values, rounded to float32 while
// packing). Measured on the 2944 × 2048,
// K = 37 shapes with 2 threads: 2.7 ms per product against 4.1 ms for `cblas_sgemm`
// (`scripts/bench`, eval suite). The thin operand and the result are Double, the solver's
// precision: the conversions happen in the packing and in the kernel's output scatter (with
// the logits' bias), not in extra passes over Swift arrays.
//
// Memory: two packed copies of X (2·n·d floats, rounded up to whole panels; from 2 MiB up in
// 2 MiB units, huge pages where the kernel grants them). Callers that use X once should call
// `GEMM.sgemm` on the row-major original instead. A freed matrix's copies of 2 MiB or more stay
// in a small pool (6 blocks, 256 MiB; `ssl_huge_free`) for the next matrix of the same size:
// the next probe on the same dataset packs into memory already faulted in.
// ``releasePooledStorage()`` gives it back.
//
// Numerics: every output is a float32 sum over the reduction index in increasing order (one
// FMA per term on the AVX2 path), like an sgemm inner kernel without k-blocking, of float32
// operands; it is widened to Double when stored.
//
// Threads: panels are split over `Parallel` (the module's one thread setting); the C kernels
// never call BLAS, so this is not the forbidden GEMM-in-`Parallel` nesting.
//
// Reference: `ReferenceGEMM` (the tests compare both products and both code paths with it).

import CKernels

/// A matrix packed for repeated thin products (see the file comment).
public final class PanelMatrix: @unchecked Sendable {
  /// `n`.
  public let rows: Int
  /// `d`.
  public let columns: Int
  private let rowPanels: Int
  private let columnPanels: Int
  /// [⌈n/16⌉][d][16], immutable after `init`.
  private let byRows: UnsafeMutableBufferPointer<Float>
  /// [⌈d/16⌉][n][16], immutable after `init`.
  private let byColumns: UnsafeMutableBufferPointer<Float>

  /// True when a vector micro-kernel (AVX-512F or AVX2 + FMA) runs on this CPU (else a portable
  /// C loop does).
  public static var isAccelerated: Bool { ssl_panel_accelerated() != 0 }

  /// The micro-kernels, in increasing order of preference.
  @_spi(Testing)
  public enum Kernel: Int32, CaseIterable, Sendable {
    case portable = 0, avx2 = 1, avx512 = 2
  }

  /// The kernel the products run now: the best this CPU has, unless a test capped it.
  @_spi(Testing)
  public static var kernel: Kernel { Kernel(rawValue: ssl_panel_level()) ?? .portable }

  /// Packs `values`, row-major `[rows, columns]`.
  public init(rows: Int, columns: Int, values: UnsafeBufferPointer<Float>) {
    precondition(rows >= 0 && columns >= 0, "PanelMatrix: negative shape \(rows)×\(columns)")
    precondition(values.count >= rows * columns, "PanelMatrix: \(values.count) values")
    self.rows = rows
    self.columns = columns
    let lanes = Int(SSL_PANEL)
    rowPanels = (rows + lanes - 1) / lanes
    columnPanels = (columns + lanes - 1) / lanes
    byRows = Self.allocate(max(1, rowPanels * columns * lanes))
    byColumns = Self.allocate(max(1, columnPanels * rows * lanes))
    guard rows > 0, columns > 0, let x = values.baseAddress else { return }
    // The two layouts at once, one per thread (each is a single pass over X).
    let (r, c) = (byRows.baseAddress, byColumns.baseAddress)
    Parallel.forEachChunk(count: 2, minChunk: rows * columns >= 65_536 ? 1 : 2) { layouts in
      for layout in layouts {
        if layout == 0 {
          ssl_pack_rows16(x, rows, columns, r)
        } else {
          ssl_pack_cols16(x, rows, columns, c)
        }
      }
    }
  }

  deinit {
    ssl_huge_free(byRows.baseAddress, byRows.count * MemoryLayout<Float>.stride)
    ssl_huge_free(byColumns.baseAddress, byColumns.count * MemoryLayout<Float>.stride)
  }

  /// Frees the pooled copies of freed matrices (see the file comment); returns their bytes.
  @discardableResult
  public static func releasePooledStorage() -> Int { Int(ssl_huge_trim()) }

  /// Storage for a packed copy: from 2 MiB up, 2 MiB-aligned and advised to use huge pages
  /// (each product streams a whole copy; see `ssl_huge_alloc`).
  private static func allocate(_ count: Int) -> UnsafeMutableBufferPointer<Float> {
    guard let raw = ssl_huge_alloc(count * MemoryLayout<Float>.stride) else {
      fatalError("PanelMatrix: out of memory for \(count) floats")
    }
    return UnsafeMutableBufferPointer(
      start: raw.bindMemory(to: Float.self, capacity: count), count: count)
  }

  /// The start addresses of the two packed copies (test hook: their alignment).
  @_spi(Testing)
  public var storageAddresses: [UInt] {
    [byRows, byColumns].map { UInt(bitPattern: $0.baseAddress) }
  }

  /// `Z = X·Wᵀ + b`: `w` is row-major `[outputs, d]`, `bias` holds `outputs` values (or is
  /// nil), `z` receives row-major `[n, outputs]`. W is rounded to float32 for the product; each
  /// output is widened to Double before the bias is added.
  public func timesTransposed(
    _ w: UnsafeBufferPointer<Double>, bias: UnsafeBufferPointer<Double>? = nil, outputs: Int,
    into z: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(outputs >= 0, "PanelMatrix: negative outputs")
    precondition(w.count >= outputs * columns, "PanelMatrix: W holds \(w.count) values")
    precondition(bias == nil || bias!.count >= outputs, "PanelMatrix: bias holds too few values")
    precondition(z.count >= rows * outputs, "PanelMatrix: Z holds \(z.count) values")
    if rows == 0 || outputs == 0 { return }
    guard columns > 0, let pw = w.baseAddress, let pz = z.baseAddress else {
      for i in 0..<rows {
        for j in 0..<outputs { z[i * outputs + j] = bias?[j] ?? 0 }
      }
      return
    }
    let level = ssl_panel_level()
    let packed = Self.packThin(
      pw, k: outputs, length: columns, strideK: columns, strideLength: 1, level: level)
    defer { packed.deallocate() }
    let (n, d, x, b) = (rows, columns, byRows, bias?.baseAddress)
    Parallel.forEachChunk(count: rowPanels, minChunk: 4) { range in
      ssl_panel_xwt(
        x.baseAddress, n, d, packed.baseAddress, outputs, b, level, range.lowerBound,
        range.upperBound, pz)
    }
  }

  /// `O = Gᵀ·X`: `g` is row-major `[n, outputs]`, `o` receives row-major `[outputs, d]`. G is
  /// rounded to float32 for the product; outputs are widened to Double.
  public func transposedTimes(
    _ g: UnsafeBufferPointer<Double>, outputs: Int, into o: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(outputs >= 0, "PanelMatrix: negative outputs")
    precondition(g.count >= rows * outputs, "PanelMatrix: G holds \(g.count) values")
    precondition(o.count >= outputs * columns, "PanelMatrix: O holds \(o.count) values")
    if columns == 0 || outputs == 0 { return }
    guard rows > 0, let pg = g.baseAddress, let po = o.baseAddress else {
      o.update(repeating: 0)
      return
    }
    let level = ssl_panel_level()
    let packed = Self.packThin(
      pg, k: outputs, length: rows, strideK: 1, strideLength: outputs, level: level)
    defer { packed.deallocate() }
    let (n, d, x) = (rows, columns, byColumns)
    Parallel.forEachChunk(count: columnPanels, minChunk: 4) { range in
      ssl_panel_gtx(
        x.baseAddress, n, d, packed.baseAddress, outputs, level, range.lowerBound,
        range.upperBound, po)
    }
  }

  /// The thin operand (element (c, i) at `a[c·strideK + i·strideLength]`, c < k, i < length)
  /// as float32 `[⌈k/B⌉][length][B]` in balanced, zero-padded blocks of the level's size B,
  /// the steps split over the threads (split by blocks, 37 outputs in five blocks of 8 went
  /// three to one thread and two to the other); the caller deallocates.
  private static func packThin(
    _ a: UnsafePointer<Double>, k: Int, length: Int, strideK: Int, strideLength: Int,
    level: Int32
  ) -> UnsafeMutableBufferPointer<Float> {
    let block = Int(ssl_panel_block(level))
    let blocks = (k + block - 1) / block
    let packed = UnsafeMutableBufferPointer<Float>.allocate(capacity: blocks * block * length)
    Parallel.forEachChunk(count: length, minChunk: max(1, 8192 / max(k, 1))) { range in
      ssl_pack_thin(
        a, k, length, strideK, strideLength, level, range.lowerBound, range.upperBound,
        packed.baseAddress)
    }
    return packed
  }
}

extension PanelMatrix {
  /// The output ranges of the thin operand's packed blocks for a kernel (test hook: the
  /// balancing rule).
  @_spi(Testing)
  public static func thinBlocks(outputs k: Int, kernel: Kernel) -> [Range<Int>] {
    let block = Int(ssl_panel_block(kernel.rawValue))
    return (0..<((k + block - 1) / block)).map { b in
      var start = 0
      var size = 0
      ssl_thin_block(k, Int32(block), b, &start, &size)
      return start..<(start + size)
    }
  }
}

/// Test hook: runs `body` with the panel products on at most `kernel` (the portable C loop, or
/// AVX2 on a CPU with AVX-512), then restores the setting.
@_spi(Testing)
public func withPanelKernels<T>(
  atMost kernel: PanelMatrix.Kernel, _ body: () throws -> T
) rethrows -> T {
  let previous = ssl_panel_cap_level(kernel.rawValue)
  defer { _ = ssl_panel_cap_level(previous) }
  return try body()
}
