// CKernels.h — the few kernels of `Kernels` written in C because they need AVX2 (or AVX-512)
// chosen at run time: products of a fixed, pre-packed matrix X [n, d] with thin matrices of
// K ≪ d outputs (linear models' logits and gradients; Swift side:
// Kernels/BLAS/PanelMatrix.swift), a vector
// exp (Kernels/Math/VectorExp.swift), the F(4×4, 3×3) Winograd tile transforms (Swift side:
// Kernels/Convolution/WinogradTiling.swift), and OpenBLAS's kernel-set choice on AMD Zen 4
// (Kernels/BLAS/BLAS.swift), which needs a constructor that runs before any Swift code.
#ifndef SSL_CKERNELS_H
#define SSL_CKERNELS_H

#include <stddef.h>

/// Rows of a panel: X is packed in panels of 16 rows (or 16 columns), zero-padded.
#define SSL_PANEL 16
/// The most outputs per block of a thin operand (W or G); see ssl_panel_block.
#define SSL_BLOCK_MAX 8

/// The panel kernels' instruction sets, in increasing order.
enum { SSL_PANEL_PORTABLE = 0, SSL_PANEL_AVX2 = 1, SSL_PANEL_AVX512 = 2 };
/// The kernel level the products run: the best this CPU has, at most the cap. Read it once per
/// product and pass it to both the packing and the product.
int ssl_panel_level(void);
/// 1 when a vector kernel (AVX2 + FMA or AVX-512F) runs, 0 when the portable one does.
int ssl_panel_accelerated(void);
/// Caps the level (tests); returns the previous cap.
int ssl_panel_cap_level(int cap);
/// Outputs per block of a thin operand at a level, zero-padded: 8 for AVX-512, else 6.
int ssl_panel_block(int level);

/// At least `bytes` of memory; from 2 MiB up aligned to 2 MiB and advised to be backed by
/// transparent huge pages (Linux), below that 64-byte aligned. NULL when out of memory.
/// Release with ssl_huge_free. Blocks from 2 MiB up may come from the pool of freed ones.
void *ssl_huge_alloc(size_t bytes);
/// Releases a block of ssl_huge_alloc(bytes): from 2 MiB up it is kept for reuse by the next
/// allocation of the same rounded size while the pool has room (6 blocks, 256 MiB).
void ssl_huge_free(void *p, size_t bytes);
/// Frees every pooled block; returns their bytes.
size_t ssl_huge_trim(void);

/// X [n, d] row-major → rows as lanes: [ceil(n/16)][d][16].
void ssl_pack_rows16(const float *x, ptrdiff_t n, ptrdiff_t d, float *out);
/// X [n, d] row-major → columns as lanes: [ceil(d/16)][n][16].
void ssl_pack_cols16(const float *x, ptrdiff_t n, ptrdiff_t d, float *out);
/// Block b (< ceil(k/block)) of a packed thin matrix holds outputs [start, start + size); the
/// sizes differ by at most one (37 in blocks of 6 → 6, 6, 5, 5, 5, 5, 5).
void ssl_thin_block(ptrdiff_t k, int block, ptrdiff_t b, ptrdiff_t *start, ptrdiff_t *size);
/// Steps [i0, i1) of every block of a thin matrix A (k × len, element (c, i) at
/// a[c*stride_k + i*stride_len], rounded to float) into [ceil(k/B)][len][B],
/// B = ssl_panel_block(level), zero-padded.
void ssl_pack_thin(const double *a, ptrdiff_t k, ptrdiff_t len, ptrdiff_t stride_k,
                   ptrdiff_t stride_len, int level, ptrdiff_t i0, ptrdiff_t i1, float *out);

/// Z = X·Wᵀ + bias for the row panels [p0, p1): xr from ssl_pack_rows16, wp = W [k, d] packed
/// by ssl_pack_thin at the same level; bias (k values) may be NULL; writes z [n, k] row-major
/// (rows of those panels only), each a float32 sum widened to double before the bias is added.
void ssl_panel_xwt(const float *xr, ptrdiff_t n, ptrdiff_t d, const float *wp, ptrdiff_t k,
                   const double *bias, int level, ptrdiff_t p0, ptrdiff_t p1, double *z);
/// O = Gᵀ·X for the column panels [p0, p1): xc from ssl_pack_cols16, gp = G [n, k] packed by
/// ssl_pack_thin (as k × n) at the same level; writes o [k, d] row-major (columns of those
/// panels only).
void ssl_panel_gtx(const float *xc, ptrdiff_t n, ptrdiff_t d, const float *gp, ptrdiff_t k,
                   int level, ptrdiff_t p0, ptrdiff_t p1, double *o);

/// x[i] ← exp(x[i]) for i < n (libmvec's AVX2 vector exp when available, else scalar exp).
void ssl_exp_inplace(double *x, ptrdiff_t n);
/// 1 when ssl_exp_inplace uses the vector exp on this CPU and C library.
int ssl_exp_vectorized(void);
/// Forces the scalar exp (tests); returns the previous setting.
int ssl_exp_force_scalar(int force);

/// OpenBLAS's kernel set as it was chosen when the library loaded ("" without OpenBLAS); the
/// one running now is openblas_get_corename(). See openblas_core.c.
const char *ssl_openblas_loaded_core(void);
/// The kernel set ssl runs instead of `current` on this CPU, or NULL to keep it: "Haswell" for
/// AuthenticAMD family 19h when `current` is an AVX-512 set (SkylakeX, Cooperlake,
/// SapphireRapids).
const char *ssl_openblas_preferred_core(const char *vendor, unsigned family, const char *current);
/// The CPU's vendor string (12 characters) and family (base + extended); 0 when unknown.
int ssl_cpu_vendor_family(char vendor[13], unsigned *family);

/// A spin-wait hint (x86 `pause`; nothing elsewhere): lets a busy-waiting thread yield the
/// core's pipeline and memory bandwidth without leaving it (Support/ChunkPool.swift).
void ssl_cpu_relax(void);

/// F(4,3) input transform for the tiles first_tile + [l0, l1) of a block: x is the input
/// [N, C, H, W]; writes V[ξ][local][c] at v[ξ*stride + local*channels + c] (stride = block·C).
/// A tile t is image t / tiles_per_image, output rows 4·(r / tiles_wide)…, columns
/// 4·(r % tiles_wide)… with r = t % tiles_per_image; input outside the plane reads as zero.
void ssl_winograd43_input(const float *x, ptrdiff_t channels, ptrdiff_t h, ptrdiff_t w,
                          ptrdiff_t pad_h, ptrdiff_t pad_w, ptrdiff_t tiles_per_image,
                          ptrdiff_t tiles_wide, ptrdiff_t first_tile, ptrdiff_t l0, ptrdiff_t l1,
                          float *v, ptrdiff_t stride);
/// F(4,3) output transform for the same tiles: reads M[ξ][local][o] at
/// mm[ξ*stride + local*channels + o], writes y [N, O, OH, OW] as relu?(Aᵀ·M·A + bias[o] +
/// residual) (bias, residual may be NULL; residual has y's layout), clipped at the plane edge.
void ssl_winograd43_output(const float *mm, ptrdiff_t channels, ptrdiff_t oh_size,
                           ptrdiff_t ow_size, ptrdiff_t tiles_per_image, ptrdiff_t tiles_wide,
                           ptrdiff_t first_tile, ptrdiff_t l0, ptrdiff_t l1, ptrdiff_t stride,
                           const float *bias, const float *residual, int relu, float *y);
/// Forces the portable F(4,3) transforms (tests); returns the previous setting.
int ssl_winograd43_force_portable(int force);

#endif
