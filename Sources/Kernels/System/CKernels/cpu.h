// cpu.h — what the C kernels may use on this CPU (private to CKernels).
#ifndef SSL_CKERNELS_CPU_H
#define SSL_CKERNELS_CPU_H

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define SSL_HAVE_X86 1
#else
#define SSL_HAVE_X86 0
#endif

/// 1 when the CPU runs AVX2 and FMA instructions (the kernels' vector paths), else 0.
int ssl_cpu_avx2_fma(void);
/// 1 when the CPU (and the OS, which must save zmm state) runs AVX-512F instructions, else 0.
int ssl_cpu_avx512f(void);

#endif
