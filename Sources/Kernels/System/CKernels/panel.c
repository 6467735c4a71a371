// panel.c — thin products with a pre-packed X (see include/CKernels.h).
//
// Why: a linear probe multiplies the same X [n, d] by a K-column matrix twice per L-BFGS step
// (K = classes, 37 for Pets). OpenBLAS re-packs X on every call, which is a third of its time
// for such thin shapes; packing once and running a register-blocked micro-kernel takes the two
// products from ≈4.1 to ≈2.7 ms each on this machine (2 threads).
//
// Micro-kernels (both products), one tile = R outputs × 16 lanes of X's panel:
// * AVX2 + FMA (R ≤ 6): 12 accumulators of 8 floats; per step of the reduction, two 8-float
//   loads of the panel and six broadcasts of the thin operand feed 12 FMAs.
// * AVX-512F (R ≤ 8): one 16-float load of the panel feeds R FMAs into R zmm accumulators.
//   On Zen 4, which runs a zmm FMA as two 256-bit halves, the peak is the same as AVX2's, but
//   the kernel issues half the panel loads per FMA and reached 100 against 93 GFLOP/s on one
//   core (2944 × 2048, K = 37; /tmp harness, best of 100); R = 13 was no better and R ≥ 19
//   slower.
// Every output is the same ordered float32 sum on both vector paths (one FMA per term, the
// reduction index increasing), so they agree bit for bit; the portable twin computes the same
// blocks with plain loops (same order, separate multiply and add). The level that runs is chosen at
// run time (`ssl_panel_level`) and read once per product, so packing and kernel agree.
#include "CKernels.h"
#include "cpu.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

static int level_cap = SSL_PANEL_AVX512;

int ssl_panel_cap_level(int cap) {
  int old = level_cap;
  level_cap = cap;
  return old;
}

// The CPU's best level, detected on first use (every caller computes the same value).
static int best_level = -1;

int ssl_panel_level(void) {
  if (best_level < 0) {
    int best = SSL_PANEL_PORTABLE;
    if (ssl_cpu_avx2_fma()) best = ssl_cpu_avx512f() ? SSL_PANEL_AVX512 : SSL_PANEL_AVX2;
    best_level = best;
  }
  return best_level < level_cap ? best_level : level_cap;
}

int ssl_panel_accelerated(void) { return ssl_panel_level() != SSL_PANEL_PORTABLE; }

int ssl_panel_block(int level) { return level == SSL_PANEL_AVX512 ? 8 : 6; }

// MARK: - Storage

// X's packed copies are streamed whole at every product (24 MB each for Pets). In 4 KiB pages
// that is 6,000 TLB entries per pass, beyond the L2 TLB; in 2 MiB pages the C harness (one
// thread, 2944 × 2048, K = 37, best of 100, three alternations) ran a product in 4.19–4.26 ms
// against 4.50–4.61 ms.
#define SSL_HUGE_PAGE ((size_t)2 << 20)

// Freed blocks of 2 MiB and more are kept for the next allocation of the same rounded size (a
// linear probe packs X's copies for the sweep, the validation split and the refit, and the next
// probe in the session — another model, same dataset — packs the same sizes again). Fresh
// memory from the kernel is faulted in and zeroed page by page at first touch: on the
// Pets-sized probe that was about half of the packing's time (the other half is the copying),
// ~25 ms of a 1.3 s sweep. At most SSL_POOL_SLOTS blocks and SSL_POOL_BYTES are kept; a block
// that does not fit is freed, and ssl_huge_trim frees them all.
#define SSL_POOL_SLOTS 6
#define SSL_POOL_BYTES ((size_t)256 << 20)

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
  void *p;
  size_t bytes;
} pool[SSL_POOL_SLOTS];
static size_t pool_bytes;

static size_t huge_rounded(size_t bytes) {
  return (bytes + SSL_HUGE_PAGE - 1) / SSL_HUGE_PAGE * SSL_HUGE_PAGE;
}

void *ssl_huge_alloc(size_t bytes) {
  if (bytes < SSL_HUGE_PAGE) return aligned_alloc(64, bytes == 0 ? 64 : (bytes + 63) / 64 * 64);
  size_t rounded = huge_rounded(bytes);
  void *p = NULL;
  pthread_mutex_lock(&pool_lock);
  for (int i = 0; i < SSL_POOL_SLOTS && !p; i++) {
    if (pool[i].p && pool[i].bytes == rounded) {
      p = pool[i].p;
      pool[i].p = NULL;
      pool_bytes -= rounded;
    }
  }
  pthread_mutex_unlock(&pool_lock);
  if (p) return p;
  p = aligned_alloc(SSL_HUGE_PAGE, rounded);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (p) (void)madvise(p, rounded, MADV_HUGEPAGE);  // advice only: failure changes nothing
#endif
  return p;
}

void ssl_huge_free(void *p, size_t bytes) {
  if (!p) return;
  if (bytes >= SSL_HUGE_PAGE) {
    size_t rounded = huge_rounded(bytes);
    pthread_mutex_lock(&pool_lock);
    int kept = 0;
    if (pool_bytes + rounded <= SSL_POOL_BYTES) {
      for (int i = 0; i < SSL_POOL_SLOTS && !kept; i++) {
        if (!pool[i].p) {
          pool[i].p = p;
          pool[i].bytes = rounded;
          pool_bytes += rounded;
          kept = 1;
        }
      }
    }
    pthread_mutex_unlock(&pool_lock);
    if (kept) return;
  }
  free(p);
}

size_t ssl_huge_trim(void) {
  size_t released = 0;
  pthread_mutex_lock(&pool_lock);
  for (int i = 0; i < SSL_POOL_SLOTS; i++) {
    if (pool[i].p) {
      free(pool[i].p);
      released += pool[i].bytes;
      pool[i].p = NULL;
    }
  }
  pool_bytes = 0;
  pthread_mutex_unlock(&pool_lock);
  return released;
}

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
    if (width == SSL_PANEL) {
      // A constant size: the copy is inlined (two vector moves), not a call per 64 bytes.
      for (ptrdiff_t r = 0; r < n; r++)
        memcpy(dst + r * SSL_PANEL, x + r * d + j0, SSL_PANEL * sizeof(float));
      continue;
    }
    for (ptrdiff_t r = 0; r < n; r++) {
      float *row = dst + r * SSL_PANEL;
      memcpy(row, x + r * d + j0, (size_t)width * sizeof(float));
      for (ptrdiff_t lane = width; lane < SSL_PANEL; lane++) row[lane] = 0;
    }
  }
}

void ssl_thin_block(ptrdiff_t k, int block, ptrdiff_t b, ptrdiff_t *start, ptrdiff_t *size) {
  ptrdiff_t blocks = (k + block - 1) / block;
  ptrdiff_t base = k / blocks, extra = k % blocks;
  *size = base + (b < extra ? 1 : 0);
  *start = b * base + (b < extra ? b : extra);
}

void ssl_pack_thin(const double *a, ptrdiff_t k, ptrdiff_t len, ptrdiff_t stride_k,
                   ptrdiff_t stride_len, int level, ptrdiff_t i0, ptrdiff_t i1, float *out) {
  const int block = ssl_panel_block(level);
  ptrdiff_t blocks = (k + block - 1) / block;
  for (ptrdiff_t b = 0; b < blocks; b++) {
    ptrdiff_t start, size;
    ssl_thin_block(k, block, b, &start, &size);
    float *dst = out + b * len * block;
    const double *src = a + start * stride_k;
    for (ptrdiff_t i = i0; i < i1; i++) {
      for (ptrdiff_t c = 0; c < block; c++)
        dst[i * block + c] = c < size ? (float)src[c * stride_k + i * stride_len] : 0;
    }
  }
}

// MARK: - Micro-kernels: tile[c][lane] = Σ_i thin[i][c] · panel[i][lane], c < rows, i < len
//
// `rows` (1…block) is the number of real outputs in the block; `thin` holds `block` values per
// step i. Blocks are balanced (`ssl_thin_block`: 37 = 6 + 6 + 5·5, not 6·6 + 1; with blocks of
// 8, 8 + 8 + 7·3), because a block of R rows keeps only 2·R (AVX2) or R (AVX-512) FMA chains
// in flight: one row (2 chains) runs at a quarter of the FMA rate, and on the Pets-sized sweep
// that last row took 9 % of the kernel's samples for 1/37 of its work.

typedef float tile_t[SSL_BLOCK_MAX][SSL_PANEL];

// Every tile also gets `next`, a run of the next panel's 64-byte steps, and `rate`: the AVX-512
// tile prefetches step ((i·rate) >> 16) of that run at its own step i, so that over the blocks
// of one panel the whole next panel is requested once, evenly spread (`spread`, below). The
// other tiles ignore them.

static void tile_portable(const float *panel, const float *thin, ptrdiff_t len, int rows,
                          const float *next, ptrdiff_t rate, tile_t tile) {
  (void)next;
  (void)rate;
  const int block = ssl_panel_block(SSL_PANEL_PORTABLE);
  float acc[SSL_BLOCK_MAX][SSL_PANEL] = {{0}};
  for (ptrdiff_t i = 0; i < len; i++) {
    const float *x = panel + i * SSL_PANEL;
    const float *w = thin + i * block;
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
                                  const int R, tile_t tile) {
  __m256 lo_acc[6], hi_acc[6];
  for (int c = 0; c < R; c++) lo_acc[c] = hi_acc[c] = _mm256_setzero_ps();
  for (ptrdiff_t i = 0; i < len; i++) {
    const float *x = panel + i * SSL_PANEL;
    const float *w = thin + i * 6;
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
      const float *panel, const float *thin, ptrdiff_t len, int rows, const float *next,  \
      ptrdiff_t rate, tile_t tile) {                                                      \
    (void)rows;                                                                           \
    (void)next;                                                                           \
    (void)rate;                                                                           \
    tile_avx2_rows(panel, thin, len, R, tile);                                            \
  }
SSL_TILE_AVX2(1)
SSL_TILE_AVX2(2)
SSL_TILE_AVX2(3)
SSL_TILE_AVX2(4)
SSL_TILE_AVX2(5)
SSL_TILE_AVX2(6)

// The same for AVX-512F: R zmm accumulators (R ≤ 8 of the 32 registers), one panel load and R
// broadcast FMAs per step, and one prefetch of the next panel.
//
// The prefetch: X streams from DRAM (a product's packed copy, 24 MB for Pets, does not stay
// in L3 beside the other copy), and the hardware prefetchers left the first block of each
// panel waiting on it. In a C harness (2944 × 2048, K = 37, each repetition X·Wᵀ then Gᵀ·X,
// two threads, medians of 10–12 alternating rounds) a product took 1.97–1.98 ms against
// 2.08–2.15 ms (225 against 208–214 GFLOP/s, the FMA peak of the two cores being 232–234),
// the same as when every panel is read from L2. Bit for bit the same outputs. Tried and not
// better: the reduction in L1-sized chunks (−5 to −14 %: it breaks the hardware streams),
// tiles of two panels (±1 %), prefetching two panels ahead, unrolling the step loop.
__attribute__((target("avx512f"), always_inline))
static inline void tile_avx512_rows(const float *panel, const float *thin, ptrdiff_t len,
                                    const float *next, ptrdiff_t rate, const int R,
                                    tile_t tile) {
  __m512 acc[8];
  for (int c = 0; c < R; c++) acc[c] = _mm512_setzero_ps();
  for (ptrdiff_t i = 0; i < len; i++) {
    _mm_prefetch((const char *)(next + ((i * rate) >> 16) * SSL_PANEL), _MM_HINT_T0);
    __m512 x = _mm512_loadu_ps(panel + i * SSL_PANEL);
    const float *w = thin + i * 8;
    for (int c = 0; c < R; c++) acc[c] = _mm512_fmadd_ps(_mm512_set1_ps(w[c]), x, acc[c]);
  }
  for (int c = 0; c < R; c++) _mm512_storeu_ps(tile[c], acc[c]);
}

#define SSL_TILE_AVX512(R)                                                                \
  __attribute__((target("avx512f"))) static void tile_avx512_##R(                         \
      const float *panel, const float *thin, ptrdiff_t len, int rows, const float *next,  \
      ptrdiff_t rate, tile_t tile) {                                                      \
    (void)rows;                                                                           \
    tile_avx512_rows(panel, thin, len, next, rate, R, tile);                              \
  }
SSL_TILE_AVX512(1)
SSL_TILE_AVX512(2)
SSL_TILE_AVX512(3)
SSL_TILE_AVX512(4)
SSL_TILE_AVX512(5)
SSL_TILE_AVX512(6)
SSL_TILE_AVX512(7)
SSL_TILE_AVX512(8)

#endif

typedef void (*tile_fn)(const float *, const float *, ptrdiff_t, int, const float *, ptrdiff_t,
                        tile_t);

// The tile of a level for `rows` outputs (1…block): the vector kernels are specialised per row
// count (their loops over R unroll, the accumulators stay in registers); the portable one
// takes `rows` as an argument.
static tile_fn pick(int level, int rows) {
#if SSL_HAVE_X86
  static const tile_fn avx2[] = {tile_avx2_1, tile_avx2_2, tile_avx2_3,
                                 tile_avx2_4, tile_avx2_5, tile_avx2_6};
  static const tile_fn avx512[] = {tile_avx512_1, tile_avx512_2, tile_avx512_3, tile_avx512_4,
                                   tile_avx512_5, tile_avx512_6, tile_avx512_7, tile_avx512_8};
  if (level == SSL_PANEL_AVX512) return avx512[rows - 1];
  if (level == SSL_PANEL_AVX2) return avx2[rows - 1];
#else
  (void)level;
  (void)rows;
#endif
  return tile_portable;
}

// MARK: - Products

// Block b's share of the next panel (`len` steps of 64 bytes; the last panel of a range
// prefetches itself, already in cache): the start of its run of steps, and the rate that
// spreads that run over the block's `len` steps.
static const float *spread(const float *panel, int last, ptrdiff_t len, ptrdiff_t b,
                           ptrdiff_t blocks, ptrdiff_t *rate) {
  const float *next = last ? panel : panel + len * SSL_PANEL;
  ptrdiff_t a0 = b * len / blocks, a1 = (b + 1) * len / blocks;
  *rate = len > 0 ? ((a1 - a0) << 16) / len : 0;
  return next + a0 * SSL_PANEL;
}

void ssl_panel_xwt(const float *xr, ptrdiff_t n, ptrdiff_t d, const float *wp, ptrdiff_t k,
                   const double *bias, int level, ptrdiff_t p0, ptrdiff_t p1, double *z) {
  const int block = ssl_panel_block(level);
  ptrdiff_t blocks = (k + block - 1) / block;
  tile_t tile;
  for (ptrdiff_t p = p0; p < p1; p++) {
    ptrdiff_t r0 = p * SSL_PANEL;
    ptrdiff_t rows = n - r0 < SSL_PANEL ? n - r0 : SSL_PANEL;
    for (ptrdiff_t b = 0; b < blocks; b++) {
      ptrdiff_t c0, cols;
      ssl_thin_block(k, block, b, &c0, &cols);
      const float *panel = xr + p * d * SSL_PANEL;
      ptrdiff_t rate;
      const float *next = spread(panel, p + 1 == p1, d, b, blocks, &rate);
      pick(level, (int)cols)(panel, wp + b * d * block, d, (int)cols, next, rate, tile);
      for (ptrdiff_t lane = 0; lane < rows; lane++) {
        double *row = z + (r0 + lane) * k + c0;
        for (ptrdiff_t c = 0; c < cols; c++)
          row[c] = (double)tile[c][lane] + (bias ? bias[c0 + c] : 0.0);
      }
    }
  }
}

void ssl_panel_gtx(const float *xc, ptrdiff_t n, ptrdiff_t d, const float *gp, ptrdiff_t k,
                   int level, ptrdiff_t p0, ptrdiff_t p1, double *o) {
  const int block = ssl_panel_block(level);
  ptrdiff_t blocks = (k + block - 1) / block;
  tile_t tile;
  for (ptrdiff_t p = p0; p < p1; p++) {
    ptrdiff_t j0 = p * SSL_PANEL;
    ptrdiff_t width = d - j0 < SSL_PANEL ? d - j0 : SSL_PANEL;
    for (ptrdiff_t b = 0; b < blocks; b++) {
      ptrdiff_t c0, cols;
      ssl_thin_block(k, block, b, &c0, &cols);
      const float *panel = xc + p * n * SSL_PANEL;
      ptrdiff_t rate;
      const float *next = spread(panel, p + 1 == p1, n, b, blocks, &rate);
      pick(level, (int)cols)(panel, gp + b * n * block, n, (int)cols, next, rate, tile);
      for (ptrdiff_t c = 0; c < cols; c++) {
        double *row = o + (c0 + c) * d + j0;
        for (ptrdiff_t j = 0; j < width; j++) row[j] = (double)tile[c][j];
      }
    }
  }
}
