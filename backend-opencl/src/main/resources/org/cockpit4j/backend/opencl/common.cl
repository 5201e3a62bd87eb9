// Prepended to every kernel family. The host compiles each family once per element type:
//   REAL_IS_DOUBLE  the program works on float64 tensors (else float32)
//   HAS_FP64        the device has cl_khr_fp64: float32 sums then accumulate in double
// Indices are int: tensors hold at most 2^31 - 1 elements (Shape.sizeAsInt).
#if defined(REAL_IS_DOUBLE) || defined(HAS_FP64)
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

// No silent a*b+c contraction: results do not depend on the compiler's choices; kernels that
// want fused multiply-adds (the GEMMs) call fma() themselves.
#pragma OPENCL FP_CONTRACT OFF

#ifdef REAL_IS_DOUBLE
typedef double real;
#else
typedef float real;
#endif

#ifdef HAS_FP64
typedef double acc_t;
#else
typedef float acc_t;
#endif

// java.lang.Math.max/min semantics: a NaN operand gives NaN.
#define JAVA_MAX(a, b) (isnan(a) ? (a) : isnan(b) ? (b) : fmax((a), (b)))
#define JAVA_MIN(a, b) (isnan(a) ? (a) : isnan(b) ? (b) : fmin((a), (b)))

// Largest rank of a broadcast or permutation after collapsing axes (see the host's plans).
#define MAX_RANK 8
