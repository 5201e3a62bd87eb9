// gather and scatter-add along one axis of the canonical layout [outer, count, inner]; the
// index tensor has layout [outer, picked, inner] and holds integers in the data's dtype.
// A non-integer or out-of-range index records the smallest offending flat position in
// *error (initialised to INT_MAX by the host), which the host turns into an exception.

inline int checked_index(const real v, const int bound, const int position,
                         __global int* error) {
  if (!(v >= 0 && v < (real) bound) || (real) (int) v != v) {
    atomic_min(error, position);
    return -1;
  }
  return (int) v;
}

__kernel void gather(__global const real* x, __global const real* index, __global real* out,
                     const int outer, const int count, const int picked, const int inner,
                     __global int* error) {
  const int g = get_global_id(0);
  if (g >= outer * picked * inner) {
    return;
  }
  const int o = g / (picked * inner);
  const int i = g % inner;
  const int k = checked_index(index[g], count, g, error);
  out[g] = k < 0 ? (real) 0 : x[(o * count + k) * inner + i];
}

// One work-item per (o, i) column adds its sources in increasing r: repeated indices
// accumulate in a fixed order and no two work-items write the same element.
__kernel void scatter_add(__global const real* index, __global const real* source,
                          __global real* out, const int outer, const int count,
                          const int picked, const int inner, __global int* error) {
  const int g = get_global_id(0);
  if (g >= outer * inner) {
    return;
  }
  const int o = g / inner;
  const int i = g % inner;
  for (int r = 0; r < picked; r++) {
    const int from = (o * picked + r) * inner + i;
    const int k = checked_index(index[from], count, from, error);
    if (k >= 0) {
      out[(o * count + k) * inner + i] += source[from];
    }
  }
}
