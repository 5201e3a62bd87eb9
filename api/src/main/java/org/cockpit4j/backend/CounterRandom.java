package org.cockpit4j.backend;

/**
 * The counter-based random stream every backend reproduces exactly: element {@code i} of a draw
 * with seed {@code s} depends only on {@code (s, i)}, so results do not depend on threads or
 * devices. Uniforms come from SplitMix64; normals from the Box-Muller transform of two uniforms.
 */
public final class CounterRandom {
  private CounterRandom() {}

  /** SplitMix64's finaliser applied to {@code seed*golden + index}. */
  public static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  public static double uniform(long seed, long index) {
    return (mix(seed, index) >>> 11) * 0x1.0p-53;
  }

  /** Standard normal: Box-Muller on the uniforms {@code 2i} and {@code 2i+1}. */
  public static double normal(long seed, long index) {
    double u1 = 1.0 - uniform(seed, 2 * index); // in (0, 1]
    double u2 = uniform(seed, 2 * index + 1);
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
