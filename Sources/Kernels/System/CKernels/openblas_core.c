// openblas_core.c — which of OpenBLAS's kernel sets runs on AMD Zen 4 (family 19h).
//
// A DYNAMIC_ARCH OpenBLAS chooses its kernels once, when it is loaded, from the CPU model.
// OpenBLAS 0.3.21 (Debian 12) has no entry for Zen 4: it falls back to "Cooperlake", Intel's
// AVX-512 kernels. Zen 4 executes 512-bit instructions as two 256-bit halves, and on this
// project's GEMM shapes OpenBLAS's AVX2 "Haswell" kernels are 4–10 % faster there (one thread,
// the ResNet-50 1×1 layer shapes: 56² 78 → 88 GFLOP/s, 14² 99 → 106; ResNet-50 end to end
// +4.5 %; measured with OPENBLAS_CORETYPE in the same minutes, see Kernels/README.md).
//
// So, before `main`, when all of these hold, OpenBLAS's own selection is run again with
// OPENBLAS_CORETYPE=Haswell (its documented override) and the variable is removed again, so
// child processes do not inherit it:
//   * the user has not set OPENBLAS_CORETYPE (then OpenBLAS already obeyed it);
//   * OpenBLAS is a DYNAMIC_ARCH build exporting its selection entry points;
//   * the CPU is AuthenticAMD family 19h and OpenBLAS chose an AVX-512 kernel set.
// Zen 5 (family 1Ah) executes 512-bit operations at full width and is left alone.
// The constructor runs after OpenBLAS's (a library is initialised before the binaries that
// link it) and before any Swift code, so no BLAS call is in flight while the table changes.
//
// Every OpenBLAS symbol is weak: without them (another BLAS, a static build) nothing happens.
#include "CKernels.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#endif

extern void gotoblas_dynamic_init(void) __attribute__((weak));
extern void gotoblas_dynamic_quit(void) __attribute__((weak));
extern char *openblas_get_corename(void) __attribute__((weak));
extern char *openblas_get_config(void) __attribute__((weak));

static char loaded_core[32] = "";

const char *ssl_openblas_preferred_core(const char *vendor, unsigned family,
                                        const char *current) {
  if (strcmp(vendor, "AuthenticAMD") != 0 || family != 0x19) return NULL;
  static const char *avx512[] = {"SkylakeX", "Cooperlake", "SapphireRapids"};
  for (size_t i = 0; i < sizeof avx512 / sizeof avx512[0]; i++) {
    if (strcasecmp(current, avx512[i]) == 0) return "Haswell";
  }
  return NULL;
}

int ssl_cpu_vendor_family(char vendor[13], unsigned *family) {
  vendor[0] = 0;
  *family = 0;
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  unsigned a, b, c, d;
  if (!__get_cpuid(0, &a, &b, &c, &d)) return 0;
  memcpy(vendor, &b, 4);
  memcpy(vendor + 4, &d, 4);
  memcpy(vendor + 8, &c, 4);
  vendor[12] = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
  unsigned base = (a >> 8) & 0xf;
  *family = base == 0xf ? base + ((a >> 20) & 0xff) : base;
  return 1;
#else
  return 0;
#endif
}

const char *ssl_openblas_loaded_core(void) { return loaded_core; }

__attribute__((constructor)) static void ssl_openblas_choose_core(void) {
  if (!openblas_get_corename) return;
  strncpy(loaded_core, openblas_get_corename(), sizeof loaded_core - 1);
  if (getenv("OPENBLAS_CORETYPE") != NULL) return;
  if (!gotoblas_dynamic_init || !gotoblas_dynamic_quit || !openblas_get_config) return;
  if (strstr(openblas_get_config(), "DYNAMIC_ARCH") == NULL) return;
  char vendor[13];
  unsigned family;
  if (!ssl_cpu_vendor_family(vendor, &family)) return;
  const char *core = ssl_openblas_preferred_core(vendor, family, loaded_core);
  if (core == NULL) return;
  if (setenv("OPENBLAS_CORETYPE", core, 1) != 0) return;
  gotoblas_dynamic_quit();
  gotoblas_dynamic_init();
  unsetenv("OPENBLAS_CORETYPE");
}
