// Elementwise kernels: unary ops with a scalar parameter, binary ops with NumPy broadcasting,
// and dtype casts. Op codes match OpCodes.java.

#define U_NEGATE 0
#define U_ABS 1
#define U_SQUARE 2
#define U_SQRT 3
#define U_EXP 4
#define U_LOG 5
#define U_RECIPROCAL 6
#define U_SIGN 7
#define U_RELU 8
#define U_STEP 9
#define U_SIGMOID 10
#define U_TANH 11
#define U_LEAKY_RELU 12
#define U_LEAKY_RELU_DERIVATIVE 13
#define U_ADD_SCALAR 14
#define U_MULTIPLY_SCALAR 15
#define U_POW 16
#define U_MAXIMUM_SCALAR 17
#define U_MINIMUM_SCALAR 18
#define U_GREATER_SCALAR 19
#define U_EQUAL_SCALAR 20

#define B_ADD 0
#define B_SUBTRACT 1
#define B_MULTIPLY 2
#define B_DIVIDE 3
#define B_MAXIMUM 4
#define B_MINIMUM 5
#define B_GREATER 6
#define B_EQUAL 7

inline real unary_apply(const int op, const real v, const real p) {
  switch (op) {
    case U_NEGATE: return -v;
    case U_ABS: return fabs(v);
    case U_SQUARE: return v * v;
    case U_SQRT: return sqrt(v);
    case U_EXP: return exp(v);
    case U_LOG: return log(v);
    case U_RECIPROCAL: return (real) 1 / v;
    case U_SIGN: return v > 0 ? (real) 1 : v < 0 ? (real) -1 : v;  // keeps ±0 and NaN
    case U_RELU: return v > 0 ? v : (real) 0;
    case U_STEP: return v > 0 ? (real) 1 : (real) 0;
    case U_SIGMOID: {
      if (v >= 0) {
        return (real) 1 / ((real) 1 + exp(-v));
      }
      real e = exp(v);
      return e / ((real) 1 + e);
    }
    case U_TANH: return tanh(v);
    case U_LEAKY_RELU: return v > 0 ? v : p * v;
    case U_LEAKY_RELU_DERIVATIVE: return v > 0 ? (real) 1 : p;
    case U_ADD_SCALAR: return v + p;
    case U_MULTIPLY_SCALAR: return v * p;
    case U_POW:
      if (p == (real) 2) return v * v;
      if (p == (real) 1) return v;
      if (p == (real) 0.5) return sqrt(v);
      return pow(v, p);
    case U_MAXIMUM_SCALAR: return JAVA_MAX(v, p);
    case U_MINIMUM_SCALAR: return JAVA_MIN(v, p);
    case U_GREATER_SCALAR: return v > p ? (real) 1 : (real) 0;
    case U_EQUAL_SCALAR: return v == p ? (real) 1 : (real) 0;
    default: return NAN;
  }
}

inline real binary_apply(const int op, const real a, const real b) {
  switch (op) {
    case B_ADD: return a + b;
    case B_SUBTRACT: return a - b;
    case B_MULTIPLY: return a * b;
    case B_DIVIDE: return a / b;
    case B_MAXIMUM: return JAVA_MAX(a, b);
    case B_MINIMUM: return JAVA_MIN(a, b);
    case B_GREATER: return a > b ? (real) 1 : (real) 0;
    case B_EQUAL: return a == b ? (real) 1 : (real) 0;
    default: return NAN;
  }
}

__kernel void unary(const int op, __global const real* x, __global real* y, const real p,
                    const int n) {
  const int i = get_global_id(0);
  if (i < n) {
    y[i] = unary_apply(op, x[i], p);
  }
}

// Both operands have the output's shape.
__kernel void binary_same(const int op, __global const real* a, __global const real* b,
                          __global real* out, const int n) {
  const int i = get_global_id(0);
  if (i < n) {
    out[i] = binary_apply(op, a[i], b[i]);
  }
}

// General broadcast: dims are the (collapsed) output extents, aStrides/bStrides the operands'
// element strides per output axis (0 where an operand repeats), first `rank` entries used.
__kernel void binary_nd(const int op, __global const real* a, __global const real* b,
                        __global real* out, const int n, const int rank, const int8 dims,
                        const int8 aStrides, const int8 bStrides) {
  const int i = get_global_id(0);
  if (i >= n) {
    return;
  }
  int d[MAX_RANK];
  int as[MAX_RANK];
  int bs[MAX_RANK];
  vstore8(dims, 0, d);
  vstore8(aStrides, 0, as);
  vstore8(bStrides, 0, bs);
  int rest = i;
  int ai = 0;
  int bi = 0;
  for (int axis = rank - 1; axis >= 0; axis--) {
    const int coordinate = rest % d[axis];
    rest /= d[axis];
    ai += coordinate * as[axis];
    bi += coordinate * bs[axis];
  }
  out[i] = binary_apply(op, a[ai], b[bi]);
}

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
