// panel.c — thin products with a pre-packed X (see include/CKernels.h).
//
// Why: a linear probe multiplies the same X [n, d] by a K-column matrix twice per L-BFGS step
// (K = classes, 37 for Pets). OpenBLAS re-packs X on every call, which is a third of its time
// for such thin shapes; packing once and running a 6×16 register-blocked micro-kernel takes the
// two products from ≈4.1 to ≈2.7 ms each on this machine (2 threads).
//
// Micro-kernel (both products): 12 accumulators of 8 floats = 6 outputs × 16 lanes; per step
// of the reduction, two 8-float loads of X's panel and six broadcasts of the thin operand feed
// 12 FMAs. Reduction order is sequential per output (float32, as sgemm's inner kernel).
// AVX2 + FMA code is chosen at run time; the portable twin computes the same blocks with plain
// loops (and the same summation order per output).
#include "CKernels.h"
#include "cpu.h"

#include <string.h>

static int force_portable = 0;

int ssl_panel_force_portable(int force) {
  int old = force_portable;
  force_portable = force;
  return old;
}

int ssl_panel_accelerated(void) { return !force_portable && ssl_cpu_avx2_fma(); }

// MARK: - Packing

void ssl_pack_rows16(const float *x, ptrdiff_t n, ptrdiff_t d, float *out) {
  ptrdiff_t panels = (n + SSL_PANEL - 1) / SSL_PANEL;
  for (ptrdiff_t p = 0; p < panels; p++) {
    float *dst = out + p * d * SSL_PANEL;
    for (ptrdiff_t lane = 0; lane < SSL_PANEL; lane++) {
      ptrdiff_t r = p * SSL_PANEL + lane;
      if (r < n) {
        const float *src = x + r * d;
        for (ptrdiff_t j = 0; j < d; j++) dst[j * SSL_PANEL + lane] = src[j];
      } else {
        for (ptrdiff_t j = 0; j < d; j++) dst[j * SSL_PANEL + lane] = 0;
      }
    }
  }
}

void ssl_pack_cols16(const float *x, ptrdiff_t n, ptrdiff_t d, float *out) {
  ptrdiff_t panels = (d + SSL_PANEL - 1) / SSL_PANEL;
  for (ptrdiff_t p = 0; p < panels; p++) {
    float *dst = out + p * n * SSL_PANEL;
    ptrdiff_t j0 = p * SSL_PANEL;
    ptrdiff_t width = d - j0 < SSL_PANEL ? d - j0 : SSL_PANEL;
    for (ptrdiff_t r = 0; r < n; r++) {
      float *row = dst + r * SSL_PANEL;
      memcpy(row, x + r * d + j0, (size_t)width * sizeof(float));
      for (ptrdiff_t lane = width; lane < SSL_PANEL; lane++) row[lane] = 0;
    }
  }
}

void ssl_thin_block(ptrdiff_t k, ptrdiff_t b, ptrdiff_t *start, ptrdiff_t *size) {
  ptrdiff_t blocks = (k + SSL_BLOCK - 1) / SSL_BLOCK;
  ptrdiff_t base = k / blocks, extra = k % blocks;
  *size = base + (b < extra ? 1 : 0);
  *start = b * base + (b < extra ? b : extra);
}

void ssl_pack_thin(const double *a, ptrdiff_t k, ptrdiff_t len, ptrdiff_t stride_k,
                   ptrdiff_t stride_len, ptrdiff_t b0, ptrdiff_t b1, float *out) {
  for (ptrdiff_t b = b0; b < b1; b++) {
    ptrdiff_t start, size;
    ssl_thin_block(k, b, &start, &size);
    float *dst = out + b * len * SSL_BLOCK;
    const double *src = a + start * stride_k;
    for (ptrdiff_t i = 0; i < len; i++) {
      for (ptrdiff_t c = 0; c < SSL_BLOCK; c++)
        dst[i * SSL_BLOCK + c] = c < size ? (float)src[c * stride_k + i * stride_len] : 0;
    }
  }
}

// MARK: - Micro-kernels: tile[c][lane] = Σ_i thin[i][c] · panel[i][lane], c < rows, i < len
//
// `rows` (1…6) is the number of real outputs in the block. Blocks are balanced
// (`ssl_thin_block`: 37 = 6 + 6 + 5·5, not 6·6 + 1), because a block of R rows keeps only 2·R
// FMA chains in flight: one row (2 chains) runs at a quarter of the FMA rate, and on the
// Pets-sized sweep that last row took 9 % of the kernel's samples for 1/37 of its work.

static void tile_portable(const float *panel, const float *thin, ptrdiff_t len, int rows,
                          float tile[SSL_BLOCK][SSL_PANEL]) {
  float acc[SSL_BLOCK][SSL_PANEL] = {{0}};
  for (ptrdiff_t i = 0; i < len; i++) {
    const float *x = panel + i * SSL_PANEL;
    const float *w = thin + i * SSL_BLOCK;
    for (int c = 0; c < rows; c++)
      for (int lane = 0; lane < SSL_PANEL; lane++) acc[c][lane] += w[c] * x[lane];
  }
  memcpy(tile, acc, sizeof(acc));
}

#if SSL_HAVE_X86
// One body, specialised for each constant R by the wrappers below (the loops over R unroll and
// the accumulators stay in registers: 2·R ≤ 12 of the 16 ymm registers).
__attribute__((target("avx2,fma"), always_inline))
static inline void tile_avx2_rows(const float *panel, const float *thin, ptrdiff_t len,
                                  const int R, float tile[SSL_BLOCK][SSL_PANEL]) {
  __m256 lo_acc[SSL_BLOCK], hi_acc[SSL_BLOCK];
  for (int c = 0; c < R; c++) lo_acc[c] = hi_acc[c] = _mm256_setzero_ps();
  for (ptrdiff_t i = 0; i < len; i++) {
    const float *x = panel + i * SSL_PANEL;
    const float *w = thin + i * SSL_BLOCK;
    __m256 lo = _mm256_loadu_ps(x), hi = _mm256_loadu_ps(x + 8);
    for (int c = 0; c < R; c++) {
      __m256 s = _mm256_broadcast_ss(w + c);
      lo_acc[c] = _mm256_fmadd_ps(s, lo, lo_acc[c]);
      hi_acc[c] = _mm256_fmadd_ps(s, hi, hi_acc[c]);
    }
  }
  for (int c = 0; c < R; c++) {
    _mm256_storeu_ps(tile[c], lo_acc[c]);
    _mm256_storeu_ps(tile[c] + 8, hi_acc[c]);
  }
}

#define SSL_TILE_AVX2(R)                                                                  \
  __attribute__((target("avx2,fma"))) static void tile_avx2_##R(                          \
      const float *panel, const float *thin, ptrdiff_t len, float tile[SSL_BLOCK][SSL_PANEL]) { \
    tile_avx2_rows(panel, thin, len, R, tile);                                            \
  }
SSL_TILE_AVX2(1)
SSL_TILE_AVX2(2)
SSL_TILE_AVX2(3)
SSL_TILE_AVX2(4)
SSL_TILE_AVX2(5)
SSL_TILE_AVX2(6)

static void tile_avx2(const float *panel, const float *thin, ptrdiff_t len, int rows,
                      float tile[SSL_BLOCK][SSL_PANEL]) {
  switch (rows) {
  case 1: tile_avx2_1(panel, thin, len, tile); break;
  case 2: tile_avx2_2(panel, thin, len, tile); break;
  case 3: tile_avx2_3(panel, thin, len, tile); break;
  case 4: tile_avx2_4(panel, thin, len, tile); break;
  case 5: tile_avx2_5(panel, thin, len, tile); break;
  default: tile_avx2_6(panel, thin, len, tile); break;
  }
}
#endif

typedef void (*tile_fn)(const float *, const float *, ptrdiff_t, int,
                        float[SSL_BLOCK][SSL_PANEL]);

static tile_fn pick(void) {
#if SSL_HAVE_X86
  if (ssl_panel_accelerated()) return tile_avx2;
#endif
  return tile_portable;
}

// MARK: - Products

void ssl_panel_xwt(const float *xr, ptrdiff_t n, ptrdiff_t d, const float *w6, ptrdiff_t k,
                   const double *bias, ptrdiff_t p0, ptrdiff_t p1, double *z) {
  tile_fn tile_of = pick();
  ptrdiff_t blocks = (k + SSL_BLOCK - 1) / SSL_BLOCK;
  float tile[SSL_BLOCK][SSL_PANEL];
  for (ptrdiff_t p = p0; p < p1; p++) {
    ptrdiff_t r0 = p * SSL_PANEL;
    ptrdiff_t rows = n - r0 < SSL_PANEL ? n - r0 : SSL_PANEL;
    for (ptrdiff_t b = 0; b < blocks; b++) {
      ptrdiff_t c0, cols;
      ssl_thin_block(k, b, &c0, &cols);
      tile_of(xr + p * d * SSL_PANEL, w6 + b * d * SSL_BLOCK, d, (int)cols, tile);
      for (ptrdiff_t lane = 0; lane < rows; lane++) {
        double *row = z + (r0 + lane) * k + c0;
        for (ptrdiff_t c = 0; c < cols; c++)
          row[c] = (double)tile[c][lane] + (bias ? bias[c0 + c] : 0.0);
      }
    }
  }
}

void ssl_panel_gtx(const float *xc, ptrdiff_t n, ptrdiff_t d, const float *g6, ptrdiff_t k,
                   ptrdiff_t p0, ptrdiff_t p1, double *o) {
  tile_fn tile_of = pick();
  ptrdiff_t blocks = (k + SSL_BLOCK - 1) / SSL_BLOCK;
  float tile[SSL_BLOCK][SSL_PANEL];
  for (ptrdiff_t p = p0; p < p1; p++) {
    ptrdiff_t j0 = p * SSL_PANEL;
    ptrdiff_t width = d - j0 < SSL_PANEL ? d - j0 : SSL_PANEL;
    for (ptrdiff_t b = 0; b < blocks; b++) {
      ptrdiff_t c0, cols;
      ssl_thin_block(k, b, &c0, &cols);
      tile_of(xc + p * n * SSL_PANEL, g6 + b * n * SSL_BLOCK, n, (int)cols, tile);
      for (ptrdiff_t c = 0; c < cols; c++) {
        double *row = o + (c0 + c) * d + j0;
        for (ptrdiff_t j = 0; j < width; j++) row[j] = (double)tile[c][j];
      }
    }
  }
}
