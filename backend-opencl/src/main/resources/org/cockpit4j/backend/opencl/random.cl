// CounterRandom on the device: element i of a draw is a function of (seed, offset + i) only.
// SplitMix64 runs in ulong, so uniforms are bit-identical with or without fp64:
//  - float64: (mix >> 11) * 2^-53, exact in double;
//  - float32: the 53-bit integer is converted to float with round-to-nearest-even (a correctly
//    rounded conversion) and scaled by 2^-53, which equals Java's (float) of the double.
// Normals (Box-Muller) need log and cos in double; see normal_float below.

inline ulong counter_mix(const ulong seed, const ulong index) {
  ulong z = seed * 0x9E3779B97F4A7C15UL + (index + 1) * 0xBF58476D1CE4E5B9UL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
  return z ^ (z >> 31);
}

__kernel void uniform(__global real* out, const int n, const ulong seed, const ulong offset) {
  const int g = get_global_id(0);
  if (g >= n) {
    return;
  }
  const ulong bits = counter_mix(seed, offset + (ulong) g) >> 11;
#ifdef REAL_IS_DOUBLE
  out[g] = (double) bits * 0x1.0p-53;
#else
  out[g] = convert_float_rte(bits) * 0x1.0p-53f;
#endif
}

#if defined(HAS_FP64) && !defined(REAL_IS_DOUBLE)
// Float32 normals computed in double and rounded once. The device's double log/cos may differ
// from java.lang.Math's in the last bit, which changes the rounded float only when the double
// lies within an ulp of a rounding boundary (about 2^-29 of draws); the host computes float64
// normals, and float32 normals on devices without fp64, with CounterRandom itself.
__kernel void normal_float(__global float* out, const int n, const ulong seed,
                           const ulong offset) {
  const int g = get_global_id(0);
  if (g >= n) {
    return;
  }
  const ulong index = offset + (ulong) g;
  const double u1 = 1.0 - (double) (counter_mix(seed, 2 * index) >> 11) * 0x1.0p-53;
  const double u2 = (double) (counter_mix(seed, 2 * index + 1) >> 11) * 0x1.0p-53;
  out[g] = (float) (sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2));
}
#endif
