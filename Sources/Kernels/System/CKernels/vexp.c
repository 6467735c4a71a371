// vexp.c — exp over a contiguous double array, four lanes at a time, through glibc's libmvec
// (`_ZGVdN4v_exp`, the AVX2 variant of the vector-function ABI; glibc states a 4-ulp bound for
// libmvec's functions, against < 1 ulp for the scalar `exp`; the tests check 4 ulp against the
// scalar exp over the softmax range). The tail is padded into one
// more vector, so every element of an array goes through the same function. CPUs without AVX2,
// other C libraries and the test hook use the scalar `exp`.
#include "CKernels.h"
#include "cpu.h"

#include <math.h>
#include <string.h>

static int force_scalar = 0;

int ssl_exp_force_scalar(int force) {
  int old = force_scalar;
  force_scalar = force;
  return old;
}

#if SSL_HAVE_X86 && defined(__GLIBC__)
#define SSL_HAVE_MVEC 1
__attribute__((target("avx2"))) __m256d _ZGVdN4v_exp(__m256d);

__attribute__((target("avx2,fma"))) static void exp_avx2(double *x, ptrdiff_t n) {
  ptrdiff_t i = 0;
  for (; i + 4 <= n; i += 4) _mm256_storeu_pd(x + i, _ZGVdN4v_exp(_mm256_loadu_pd(x + i)));
  if (i < n) {
    double tail[4] = {0, 0, 0, 0};
    memcpy(tail, x + i, (size_t)(n - i) * sizeof(double));
    _mm256_storeu_pd(tail, _ZGVdN4v_exp(_mm256_loadu_pd(tail)));
    memcpy(x + i, tail, (size_t)(n - i) * sizeof(double));
  }
}
#else
#define SSL_HAVE_MVEC 0
#endif

int ssl_exp_vectorized(void) { return SSL_HAVE_MVEC && !force_scalar && ssl_cpu_avx2_fma(); }

void ssl_exp_inplace(double *x, ptrdiff_t n) {
#if SSL_HAVE_MVEC
  if (ssl_exp_vectorized()) {
    exp_avx2(x, n);
    return;
  }
#endif
  for (ptrdiff_t i = 0; i < n; i++) x[i] = exp(x[i]);
}
