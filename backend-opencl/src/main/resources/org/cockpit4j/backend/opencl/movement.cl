// Axis permutation. Slices and concatenations use the runtime's rectangular buffer copies.

// out[flat] = x[sum_k coordinate_k * inStrides_k], where coordinates run over outDims
// (the output's extents) and inStrides_k is the input stride of the axis moved to place k.
__kernel void permute(__global const real* x, __global real* out, const int n, const int rank,
                      const int8 outDims, const int8 inStrides) {
  const int g = get_global_id(0);
  if (g >= n) {
    return;
  }
  int d[MAX_RANK];
  int s[MAX_RANK];
  vstore8(outDims, 0, d);
  vstore8(inStrides, 0, s);
  int rest = g;
  int source = 0;
  for (int axis = rank - 1; axis >= 0; axis--) {
    source += (rest % d[axis]) * s[axis];
    rest /= d[axis];
  }
  out[g] = x[source];
}
