// Reductions on the canonical layout [outer, count, inner] (the host moves the reduced axes
// together first): output (o, i) combines x[o, r, i] for r = 0..count-1 in increasing order.
// Sums accumulate in acc_t (double where the device has fp64; otherwise float with Kahan
// compensation), so results are deterministic and do not depend on the work-group size.
// Op codes match OpCodes.java.

#define R_SUM 0
#define R_SUM_OF_SQUARES 1
#define R_MAX 2
#define R_MIN 3

inline acc_t reduce_initial(const int op) {
  return op == R_MAX ? (acc_t) -INFINITY : op == R_MIN ? (acc_t) INFINITY : (acc_t) 0;
}

// Combines `count` values x[base + r*stride] in order (values given in acc_t precision).
#define REDUCE_LOOP(TYPE, SOURCE, BASE, COUNT, STRIDE, RESULT)                 \
  {                                                                           \
    acc_t acc = reduce_initial(op);                                           \
    acc_t compensation = 0;                                                   \
    for (int r = 0; r < (COUNT); r++) {                                       \
      const acc_t v = (acc_t) (SOURCE)[(BASE) + r * (STRIDE)];                \
      if (op == R_MAX) {                                                      \
        acc = JAVA_MAX(acc, v);                                               \
      } else if (op == R_MIN) {                                               \
        acc = JAVA_MIN(acc, v);                                               \
      } else {                                                                \
        const acc_t term = op == R_SUM_OF_SQUARES ? v * v : v;                \
        KAHAN_ADD(acc, compensation, term);                                   \
      }                                                                       \
    }                                                                         \
    RESULT = acc;                                                             \
  }

#ifdef HAS_FP64
#define KAHAN_ADD(sum, compensation, term) sum += term
#else
#define KAHAN_ADD(sum, compensation, term)     \
  {                                            \
    const acc_t y = (term) - compensation;     \
    const acc_t t = sum + y;                   \
    compensation = (t - sum) - y;              \
    sum = t;                                   \
  }
#endif

// One work-item per output element.
__kernel void reduce_rows(const int op, __global const real* x, __global real* out,
                          const int outer, const int count, const int inner) {
  const int g = get_global_id(0);
  if (g >= outer * inner) {
    return;
  }
  const int o = g / inner;
  const int i = g % inner;
  acc_t result;
  REDUCE_LOOP(real, x, o * count * inner + i, count, inner, result);
  out[g] = (real) result;
}

// Long reductions in two passes over a fixed partition: pass one reduces chunks of `chunk`
// consecutive r into partial[(g * chunks) + c]; pass two combines the chunks in order.
__kernel void reduce_partial(const int op, __global const real* x, __global acc_t* partial,
                             const int outer, const int count, const int inner,
                             const int chunk, const int chunks) {
  const int w = get_global_id(0);
  if (w >= outer * inner * chunks) {
    return;
  }
  const int g = w / chunks;
  const int c = w % chunks;
  const int o = g / inner;
  const int i = g % inner;
  const int first = c * chunk;
  const int length = min(chunk, count - first);
  acc_t result;
  REDUCE_LOOP(real, x, (o * count + first) * inner + i, length, inner, result);
  partial[w] = result;
}

__kernel void reduce_finish(const int op, __global const acc_t* partial, __global real* out,
                            const int groups, const int chunks) {
  const int g = get_global_id(0);
  if (g >= groups) {
    return;
  }
  acc_t result;
  {
    // Sums of squares were squared in pass one: combine the partials as plain sums.
    const int combine = op == R_SUM_OF_SQUARES ? R_SUM : op;
    acc_t acc = reduce_initial(combine);
    acc_t compensation = 0;
    for (int c = 0; c < chunks; c++) {
      const acc_t v = partial[g * chunks + c];
      if (combine == R_MAX) {
        acc = JAVA_MAX(acc, v);
      } else if (combine == R_MIN) {
        acc = JAVA_MIN(acc, v);
      } else {
        KAHAN_ADD(acc, compensation, v);
      }
    }
    result = acc;
  }
  out[g] = (real) result;
}

// Index of the first largest element along the middle axis (a NaN wins like on the CPU).
__kernel void argmax(__global const real* x, __global real* out, const int outer,
                     const int count, const int inner) {
  const int g = get_global_id(0);
  if (g >= outer * inner) {
    return;
  }
  const int o = g / inner;
  const int i = g % inner;
  const int base = o * count * inner + i;
  int best = 0;
  real bestValue = x[base];
  for (int r = 1; r < count; r++) {
    const real v = x[base + r * inner];
    if (v > bestValue || (isnan(v) && !isnan(bestValue))) {
      best = r;
      bestValue = v;
    }
  }
  out[g] = (real) best;
}
