// cpu.c — run-time CPU feature checks for the C kernels (see cpu.h).
#include "cpu.h"

int ssl_cpu_avx2_fma(void) {
#if SSL_HAVE_X86
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
  return 0;
#endif
}

int ssl_cpu_avx512f(void) {
#if SSL_HAVE_X86
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f");
#else
  return 0;
#endif
}

void ssl_cpu_relax(void) {
#if SSL_HAVE_X86
  __builtin_ia32_pause();
#endif
}
