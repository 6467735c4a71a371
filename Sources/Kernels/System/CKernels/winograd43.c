// winograd43.c — the F(4×4, 3×3) tile transforms of Kernels/Convolution/Winograd (see
// include/CKernels.h for the contract, WinogradWeights.swift for the matrices).
//
//   Bᵀ = [4 0 −5 0 1 0; 0 −4 −4 1 1 0; 0 4 −4 −1 1 0; 0 −2 −1 2 1 0; 0 2 −1 −2 1 0; 0 4 0 −5 0 1]
//   Aᵀ = [1 1 1 1 1 0; 0 1 −1 2 −2 0; 0 1 1 4 4 0; 0 1 −1 8 −8 1]
// Both are applied as the same six (input) or four (output) combinations, first down the rows
// and then along the columns, with shared partial sums:
//   Bᵀ·d: r0 = 4d0 − 5d2 + d4,  r1,2 = (d4 − 4d2) ± (d3 − 4d1),  r3,4 = (d4 − d2) ± 2(d3 − d1),
//         r5 = 4d1 − 5d3 + d5
//   Aᵀ·m: y0 = m0 + (m1 + m2) + (m3 + m4),  y1 = (m1 − m2) + 2(m3 − m4),
//         y2 = (m1 + m2) + 4(m3 + m4),      y3 = (m1 − m2) + 8(m3 − m4) + m5
//
// AVX2 path, eight channels per vector (V's and M's channels are contiguous):
// * input: each channel's six patch rows are 8-float loads (columns in the lanes; masked at
//   the padding and the right edge), Bᵀ·d is lane-wise, an 8 × 8 transpose per row puts the
//   eight channels in the lanes, and ·B is lane-wise again, ending in one 8-channel store per
//   V[ξ];
// * output: 36 loads of M[ξ] (8 channels), Aᵀ·M·A lane-wise, the bias added lane-wise, then a
//   4 × 8 transpose per output row gives each channel its four pixels for the residual, ReLU
//   and a 4-float store (edge tiles store element by element).
// The portable path (channels the vectors do not cover, CPUs without AVX2) computes the same
// combinations one channel at a time, in the same order, without FMA.
#include "CKernels.h"
#include "cpu.h"

#include <stdint.h>

static int force_portable_43 = 0;

int ssl_winograd43_force_portable(int force) {
  int old = force_portable_43;
  force_portable_43 = force;
  return old;
}

static int use_avx2(void) { return !force_portable_43 && ssl_cpu_avx2_fma(); }

// MARK: - Portable, one channel

/// r = Bᵀ·d for six values.
static inline void left6(const float d[6], float r[6]) {
  float a = d[4] - 4 * d[2], b = d[3] - 4 * d[1];
  float c = d[4] - d[2], e = 2 * (d[3] - d[1]);
  r[0] = 4 * d[0] - 5 * d[2] + d[4];
  r[1] = a + b;
  r[2] = a - b;
  r[3] = c + e;
  r[4] = c - e;
  r[5] = 4 * d[1] - 5 * d[3] + d[5];
}

/// y = Aᵀ·m for six values.
static inline void out6(const float m[6], float y[4]) {
  float a = m[1] + m[2], b = m[1] - m[2], c = m[3] + m[4], e = m[3] - m[4];
  y[0] = m[0] + a + c;
  y[1] = b + 2 * e;
  y[2] = a + 4 * c;
  y[3] = b + 8 * e + m[5];
}

static void input_channel(const float *plane, ptrdiff_t h, ptrdiff_t w, ptrdiff_t ih0,
                          ptrdiff_t iw0, float *out, ptrdiff_t stride) {
  float d[6][6], t[6][6];
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j++) {
      ptrdiff_t ih = ih0 + i, iw = iw0 + j;
      d[i][j] = (ih >= 0 && ih < h && iw >= 0 && iw < w) ? plane[ih * w + iw] : 0;
    }
  for (int j = 0; j < 6; j++) {  // down the rows: t[·][j] = Bᵀ·d[·][j]
    float col[6], r[6];
    for (int i = 0; i < 6; i++) col[i] = d[i][j];
    left6(col, r);
    for (int i = 0; i < 6; i++) t[i][j] = r[i];
  }
  for (int i = 0; i < 6; i++) {  // along the columns: V[i][·] = t[i][·]·B
    float r[6];
    left6(t[i], r);
    for (int j = 0; j < 6; j++) out[(6 * i + j) * stride] = r[j];
  }
}

static inline float epilogue1(float v, const float *bias, ptrdiff_t o, const float *residual,
                              ptrdiff_t index, int relu) {
  if (bias) v += bias[o];
  if (residual) v += residual[index];
  if (relu && v < 0) v = 0;  // NaN stays NaN, as in PyTorch's ReLU
  return v;
}

static void output_channel(const float *m, ptrdiff_t stride, ptrdiff_t o, float *y,
                           ptrdiff_t base, ptrdiff_t ow_stride, int rows, int cols,
                           const float *bias, const float *residual, int relu) {
  float t[4][6];
  for (int j = 0; j < 6; j++) {
    float col[6], r[4];
    for (int i = 0; i < 6; i++) col[i] = m[(6 * i + j) * stride];
    out6(col, r);
    for (int i = 0; i < 4; i++) t[i][j] = r[i];
  }
  for (int i = 0; i < rows; i++) {
    float r[4];
    out6(t[i], r);
    for (int j = 0; j < cols; j++) {
      ptrdiff_t index = base + i * ow_stride + j;
      y[index] = epilogue1(r[j], bias, o, residual, index, relu);
    }
  }
}

// MARK: - AVX2, eight channels

#if SSL_HAVE_X86
#define SSL_AVX2 __attribute__((target("avx2,fma")))

SSL_AVX2 static inline void left6v(const __m256 d[6], __m256 r[6]) {
  const __m256 four = _mm256_set1_ps(4), five = _mm256_set1_ps(5), two = _mm256_set1_ps(2);
  __m256 a = _mm256_fnmadd_ps(four, d[2], d[4]);  // d4 − 4d2
  __m256 b = _mm256_fnmadd_ps(four, d[1], d[3]);  // d3 − 4d1
  __m256 c = _mm256_sub_ps(d[4], d[2]);
  __m256 e = _mm256_mul_ps(two, _mm256_sub_ps(d[3], d[1]));
  r[0] = _mm256_add_ps(_mm256_fnmadd_ps(five, d[2], _mm256_mul_ps(four, d[0])), d[4]);
  r[1] = _mm256_add_ps(a, b);
  r[2] = _mm256_sub_ps(a, b);
  r[3] = _mm256_add_ps(c, e);
  r[4] = _mm256_sub_ps(c, e);
  r[5] = _mm256_add_ps(_mm256_fnmadd_ps(five, d[3], _mm256_mul_ps(four, d[1])), d[5]);
}

SSL_AVX2 static inline void out6v(const __m256 m[6], __m256 y[4]) {
  __m256 a = _mm256_add_ps(m[1], m[2]), b = _mm256_sub_ps(m[1], m[2]);
  __m256 c = _mm256_add_ps(m[3], m[4]), e = _mm256_sub_ps(m[3], m[4]);
  y[0] = _mm256_add_ps(_mm256_add_ps(m[0], a), c);
  y[1] = _mm256_fmadd_ps(_mm256_set1_ps(2), e, b);
  y[2] = _mm256_fmadd_ps(_mm256_set1_ps(4), c, a);
  y[3] = _mm256_add_ps(_mm256_fmadd_ps(_mm256_set1_ps(8), e, b), m[5]);
}

/// In-place 8 × 8 transpose of r[0..7] (row i, lane j) → (row j, lane i).
SSL_AVX2 static inline void transpose8(__m256 r[8]) {
  __m256 t0 = _mm256_unpacklo_ps(r[0], r[1]), t1 = _mm256_unpackhi_ps(r[0], r[1]);
  __m256 t2 = _mm256_unpacklo_ps(r[2], r[3]), t3 = _mm256_unpackhi_ps(r[2], r[3]);
  __m256 t4 = _mm256_unpacklo_ps(r[4], r[5]), t5 = _mm256_unpackhi_ps(r[4], r[5]);
  __m256 t6 = _mm256_unpacklo_ps(r[6], r[7]), t7 = _mm256_unpackhi_ps(r[6], r[7]);
  __m256 u0 = _mm256_shuffle_ps(t0, t2, 0x44), u1 = _mm256_shuffle_ps(t0, t2, 0xEE);
  __m256 u2 = _mm256_shuffle_ps(t1, t3, 0x44), u3 = _mm256_shuffle_ps(t1, t3, 0xEE);
  __m256 u4 = _mm256_shuffle_ps(t4, t6, 0x44), u5 = _mm256_shuffle_ps(t4, t6, 0xEE);
  __m256 u6 = _mm256_shuffle_ps(t5, t7, 0x44), u7 = _mm256_shuffle_ps(t5, t7, 0xEE);
  r[0] = _mm256_permute2f128_ps(u0, u4, 0x20);
  r[1] = _mm256_permute2f128_ps(u1, u5, 0x20);
  r[2] = _mm256_permute2f128_ps(u2, u6, 0x20);
  r[3] = _mm256_permute2f128_ps(u3, u7, 0x20);
  r[4] = _mm256_permute2f128_ps(u0, u4, 0x31);
  r[5] = _mm256_permute2f128_ps(u1, u5, 0x31);
  r[6] = _mm256_permute2f128_ps(u2, u6, 0x31);
  r[7] = _mm256_permute2f128_ps(u3, u7, 0x31);
}

/// Eight channels' V for one tile; `image` is channel c0's plane.
SSL_AVX2 static void input8(const float *image, ptrdiff_t plane, ptrdiff_t h, ptrdiff_t w,
                            ptrdiff_t ih0, ptrdiff_t iw0, float *out, ptrdiff_t stride) {
  // Columns iw0 … iw0 + 5 of a row: one load when 8 floats fit inside the row, else masked.
  int full = iw0 >= 0 && iw0 + 8 <= w;
  __m256i mask = _mm256_setzero_si256();
  if (!full) {
    int32_t lanes[8];
    for (int j = 0; j < 8; j++) lanes[j] = (j < 6 && iw0 + j >= 0 && iw0 + j < w) ? -1 : 0;
    mask = _mm256_loadu_si256((const __m256i *)lanes);
  }
  float rows[6][8][8];  // [row i of Bᵀ·d][channel][column]
  for (int ch = 0; ch < 8; ch++) {
    const float *p = image + ch * plane;
    __m256 d[6], r[6];
    for (int i = 0; i < 6; i++) {
      ptrdiff_t ih = ih0 + i;
      if (ih < 0 || ih >= h) {
        d[i] = _mm256_setzero_ps();
      } else if (full) {
        d[i] = _mm256_loadu_ps(p + ih * w + iw0);
      } else {
        // Masked lanes are never read, so the base may sit in the left padding, before the
        // row (computed as an integer: no out-of-object pointer arithmetic).
        uintptr_t row = (uintptr_t)(p + ih * w);
        const float *base = (const float *)(row + (uintptr_t)(iw0 * (ptrdiff_t)sizeof(float)));
        d[i] = _mm256_maskload_ps(base, mask);
      }
    }
    left6v(d, r);
    for (int i = 0; i < 6; i++) _mm256_storeu_ps(rows[i][ch], r[i]);
  }
  for (int i = 0; i < 6; i++) {
    __m256 t[8], v[6];
    for (int ch = 0; ch < 8; ch++) t[ch] = _mm256_loadu_ps(rows[i][ch]);
    transpose8(t);  // t[j] = column j, channels in the lanes
    left6v(t, v);
    for (int j = 0; j < 6; j++) _mm256_storeu_ps(out + (6 * i + j) * stride, v[j]);
  }
}

/// Eight output channels of one tile: Aᵀ·M·A, the epilogue, the store.
SSL_AVX2 static void output8(const float *m, ptrdiff_t stride, ptrdiff_t o0, float *y,
                             ptrdiff_t base, ptrdiff_t plane, ptrdiff_t ow_stride, int rows,
                             int cols, const float *bias, const float *residual, int relu) {
  __m256 t[4][6];
  for (int j = 0; j < 6; j++) {
    __m256 col[6], r[4];
    for (int i = 0; i < 6; i++) col[i] = _mm256_loadu_ps(m + (6 * i + j) * stride);
    out6v(col, r);
    for (int i = 0; i < 4; i++) t[i][j] = r[i];
  }
  __m256 b = bias ? _mm256_loadu_ps(bias + o0) : _mm256_setzero_ps();
  for (int i = 0; i < rows; i++) {
    __m256 r[4];
    out6v(t[i], r);
    for (int j = 0; j < 4; j++) r[j] = _mm256_add_ps(r[j], b);
    if (rows == 4 && cols == 4) {
      // 4 × 8 transpose: channel c's four pixels of row i in one 128-bit vector.
      __m256 a0 = _mm256_unpacklo_ps(r[0], r[1]), a1 = _mm256_unpackhi_ps(r[0], r[1]);
      __m256 a2 = _mm256_unpacklo_ps(r[2], r[3]), a3 = _mm256_unpackhi_ps(r[2], r[3]);
      __m256 q[4] = {_mm256_shuffle_ps(a0, a2, 0x44), _mm256_shuffle_ps(a0, a2, 0xEE),
                     _mm256_shuffle_ps(a1, a3, 0x44), _mm256_shuffle_ps(a1, a3, 0xEE)};
      for (int c = 0; c < 8; c++) {
        __m128 v = c < 4 ? _mm256_castps256_ps128(q[c]) : _mm256_extractf128_ps(q[c - 4], 1);
        ptrdiff_t index = base + c * plane + i * ow_stride;
        if (residual) v = _mm_add_ps(v, _mm_loadu_ps(residual + index));
        if (relu) v = _mm_max_ps(_mm_setzero_ps(), v);  // (0 > v) ? 0 : v, so NaN stays NaN
        _mm_storeu_ps(y + index, v);
      }
    } else {
      float lanes[4][8];
      for (int j = 0; j < 4; j++) _mm256_storeu_ps(lanes[j], r[j]);
      for (int c = 0; c < 8; c++)
        for (int j = 0; j < cols; j++) {
          ptrdiff_t index = base + c * plane + i * ow_stride + j;
          y[index] = epilogue1(lanes[j][c], NULL, 0, residual, index, relu);
        }
    }
  }
}
#endif

// MARK: - Entry points

void ssl_winograd43_input(const float *x, ptrdiff_t channels, ptrdiff_t h, ptrdiff_t w,
                          ptrdiff_t pad_h, ptrdiff_t pad_w, ptrdiff_t tiles_per_image,
                          ptrdiff_t tiles_wide, ptrdiff_t first_tile, ptrdiff_t l0, ptrdiff_t l1,
                          float *v, ptrdiff_t stride) {
  int vector = use_avx2();
  ptrdiff_t plane = h * w;
  for (ptrdiff_t local = l0; local < l1; local++) {
    ptrdiff_t t = first_tile + local, r = t % tiles_per_image, n = t / tiles_per_image;
    ptrdiff_t ih0 = (r / tiles_wide) * 4 - pad_h, iw0 = (r % tiles_wide) * 4 - pad_w;
    const float *image = x + n * channels * plane;
    float *out = v + local * channels;
    ptrdiff_t c = 0;
#if SSL_HAVE_X86
    if (vector)
      for (; c + 8 <= channels; c += 8)
        input8(image + c * plane, plane, h, w, ih0, iw0, out + c, stride);
#endif
    (void)vector;
    for (; c < channels; c++) input_channel(image + c * plane, h, w, ih0, iw0, out + c, stride);
  }
}

void ssl_winograd43_output(const float *mm, ptrdiff_t channels, ptrdiff_t oh_size,
                           ptrdiff_t ow_size, ptrdiff_t tiles_per_image, ptrdiff_t tiles_wide,
                           ptrdiff_t first_tile, ptrdiff_t l0, ptrdiff_t l1, ptrdiff_t stride,
                           const float *bias, const float *residual, int relu, float *y) {
  int vector = use_avx2();
  ptrdiff_t plane = oh_size * ow_size;
  for (ptrdiff_t local = l0; local < l1; local++) {
    ptrdiff_t t = first_tile + local, r = t % tiles_per_image, n = t / tiles_per_image;
    ptrdiff_t oh = (r / tiles_wide) * 4, ow = (r % tiles_wide) * 4;
    int rows = (int)(oh_size - oh < 4 ? oh_size - oh : 4);
    int cols = (int)(ow_size - ow < 4 ? ow_size - ow : 4);
    const float *m = mm + local * channels;
    ptrdiff_t o = 0;
#if SSL_HAVE_X86
    if (vector)
      for (; o + 8 <= channels; o += 8) {
        ptrdiff_t base = ((n * channels + o) * oh_size + oh) * ow_size + ow;
        output8(m + o, stride, o, y, base, plane, ow_size, rows, cols, bias, residual, relu);
      }
#endif
    (void)vector;
    for (; o < channels; o++) {
      ptrdiff_t base = ((n * channels + o) * oh_size + oh) * ow_size + ow;
      output_channel(m + o, stride, o, y, base, ow_size, rows, cols, bias, residual, relu);
    }
  }
}
