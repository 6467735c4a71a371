#include <cblas.h>
/* LAPACK (Fortran ABI, exported by libopenblas; no lapack.h is installed). Column-major. */
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);
void dpotri_(const char *uplo, const int *n, double *a, const int *lda, int *info);
