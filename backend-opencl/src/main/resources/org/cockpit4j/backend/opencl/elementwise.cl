// Elementwise kernels, one per op so that no op is chosen per element: unary_<op> with a scalar
// parameter p, binary_same_<op> (equal shapes), binary_rows_<op> and binary_nd_<op> (NumPy
// broadcasting with a long last axis, and in general), where
// <op> is the lower-case name of the UnaryOp/BinaryOp constant; plus dtype casts.

inline real sigmoid_of(const real v) {
  if (v >= 0) {
    return (real) 1 / ((real) 1 + exp(-v));
  }
  const real e = exp(v);
  return e / ((real) 1 + e);
}

inline real pow_of(const real v, const real p) {
  if (p == (real) 2) return v * v;
  if (p == (real) 1) return v;
  if (p == (real) 0.5) return sqrt(v);
  return pow(v, p);
}

#define UNARY(NAME, EXPRESSION)                                                          \
  __kernel void unary_##NAME(__global const real* x, __global real* y, const real p,     \
                             const int n) {                                              \
    const int i = get_global_id(0);                                                      \
    if (i < n) {                                                                         \
      const real v = x[i];                                                               \
      y[i] = (EXPRESSION);                                                               \
    }                                                                                    \
  }

UNARY(negate, -v)
UNARY(abs, fabs(v))
UNARY(square, v * v)
UNARY(sqrt, sqrt(v))
UNARY(exp, exp(v))
UNARY(log, log(v))
UNARY(reciprocal, (real) 1 / v)
UNARY(sign, v > 0 ? (real) 1 : v < 0 ? (real) -1 : v)  // keeps ±0 and NaN like Math.signum
UNARY(relu, v > 0 ? v : (real) 0)
UNARY(step, v > 0 ? (real) 1 : (real) 0)
UNARY(sigmoid, sigmoid_of(v))
UNARY(tanh, tanh(v))
UNARY(leaky_relu, v > 0 ? v : p * v)
UNARY(leaky_relu_derivative, v > 0 ? (real) 1 : p)
UNARY(add_scalar, v + p)
UNARY(multiply_scalar, v * p)
UNARY(pow, pow_of(v, p))
UNARY(maximum_scalar, JAVA_MAX(v, p))
UNARY(minimum_scalar, JAVA_MIN(v, p))
UNARY(greater_scalar, v > p ? (real) 1 : (real) 0)
UNARY(equal_scalar, v == p ? (real) 1 : (real) 0)

// Offsets into a and b of output element i: dims are the (collapsed) output extents,
// aStrides/bStrides the operands' element strides per output axis (0 where one repeats).
inline int2 broadcast_offsets(int i, const int rank, const int8 dims, const int8 aStrides,
                              const int8 bStrides) {
  int d[MAX_RANK];
  int as[MAX_RANK];
  int bs[MAX_RANK];
  vstore8(dims, 0, d);
  vstore8(aStrides, 0, as);
  vstore8(bStrides, 0, bs);
  int2 offsets = (int2) (0, 0);
  for (int axis = rank - 1; axis >= 0; axis--) {
    const int coordinate = i % d[axis];
    i /= d[axis];
    offsets += (int2) (coordinate * as[axis], coordinate * bs[axis]);
  }
  return offsets;
}

// Offsets of row `row` of the output seen as [rows, inner]: axes 0..rank-2 of the plan.
inline int2 row_offsets(int row, const int rank, const int8 dims, const int8 aStrides,
                        const int8 bStrides) {
  return broadcast_offsets(row, rank - 1, dims, aStrides, bStrides);
}

#define BINARY(NAME, EXPRESSION)                                                         \
  __kernel void binary_same_##NAME(__global const real* a, __global const real* b,       \
                                   __global real* out, const int n) {                    \
    const int i = get_global_id(0);                                                      \
    if (i < n) {                                                                         \
      const real x = a[i];                                                               \
      const real y = b[i];                                                               \
      out[i] = (EXPRESSION);                                                             \
    }                                                                                    \
  }                                                                                      \
  __kernel void binary_nd_##NAME(__global const real* a, __global const real* b,         \
                                 __global real* out, const int n, const int rank,        \
                                 const int8 dims, const int8 aStrides,                   \
                                 const int8 bStrides) {                                  \
    const int i = get_global_id(0);                                                      \
    if (i < n) {                                                                         \
      const int2 offsets = broadcast_offsets(i, rank, dims, aStrides, bStrides);         \
      const real x = a[offsets.x];                                                       \
      const real y = b[offsets.y];                                                       \
      out[i] = (EXPRESSION);                                                             \
    }                                                                                    \
  }                                                                                      \
  /* 2-D launch (inner, rows): divisions only to split the row index. */                 \
  __kernel void binary_rows_##NAME(__global const real* a, __global const real* b,       \
                                   __global real* out, const int inner, const int rank,  \
                                   const int8 dims, const int8 aStrides,                 \
                                   const int8 bStrides, const int aStep,                 \
                                   const int bStep) {                                    \
    const int column = get_global_id(0);                                                 \
    const int row = get_global_id(1);                                                    \
    if (column < inner) {                                                                \
      const int2 offsets = row_offsets(row, rank, dims, aStrides, bStrides);             \
      const real x = a[offsets.x + column * aStep];                                      \
      const real y = b[offsets.y + column * bStep];                                      \
      out[(size_t) row * inner + column] = (EXPRESSION);                                 \
    }                                                                                    \
  }

BINARY(add, x + y)
BINARY(subtract, x - y)
BINARY(multiply, x * y)
BINARY(divide, x / y)
BINARY(maximum, JAVA_MAX(x, y))
BINARY(minimum, JAVA_MIN(x, y))
BINARY(greater, x > y ? (real) 1 : (real) 0)
BINARY(equal, x == y ? (real) 1 : (real) 0)

#ifdef REAL_IS_DOUBLE
// Casts live in the float64 program; conversions round to nearest even.
__kernel void cast_to_float(__global const double* x, __global float* y, const int n) {
  const int i = get_global_id(0);
  if (i < n) {
    y[i] = (float) x[i];
  }
}

__kernel void cast_from_float(__global const float* x, __global double* y, const int n) {
  const int i = get_global_id(0);
  if (i < n) {
    y[i] = (double) x[i];
  }
}
#endif
