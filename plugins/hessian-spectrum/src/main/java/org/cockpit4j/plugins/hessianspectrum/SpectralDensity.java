package org.cockpit4j.plugins.hessianspectrum;

/**
 * The Gaussian-smoothed spectral density of stochastic Lanczos quadrature, as PyHessian's {@code
 * density_generate} computes it: on {@code points} equally spaced grid values from {@code λ_min −
 * overhead} to {@code λ_max + overhead} (λ_min, λ_max: the mean over the probes of each probe's
 * smallest and largest node), {@code φ(t) = mean_probes Σ_i w_i N(t; λ_i, s)} with variance {@code
 * s = sigmaSquared · max(1, λ_max − λ_min)}, normalised so that its Riemann sum is 1.
 */
final class SpectralDensity {
  private SpectralDensity() {}

  /**
   * @param nodes per probe, the Ritz values λ_i
   * @param weights per probe, the quadrature weights w_i (sum 1)
   */
  static double[][] compute(
      double[][] nodes, double[][] weights, int points, double sigmaSquared, double overhead) {
    double lowest = 0;
    double highest = 0;
    for (double[] probe : nodes) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double node : probe) {
        min = Math.min(min, node);
        max = Math.max(max, node);
      }
      lowest += min / nodes.length;
      highest += max / nodes.length;
    }
    lowest -= overhead;
    highest += overhead;
    double variance = sigmaSquared * Math.max(1, highest - lowest);
    double[] grid = new double[points];
    double[] density = new double[points];
    double spacing = points > 1 ? (highest - lowest) / (points - 1) : 0;
    for (int g = 0; g < points; g++) {
      grid[g] = lowest + g * spacing;
      double total = 0;
      for (int p = 0; p < nodes.length; p++) {
        for (int i = 0; i < nodes[p].length; i++) {
          double difference = grid[g] - nodes[p][i];
          total +=
              weights[p][i]
                  * Math.exp(-difference * difference / (2 * variance))
                  / Math.sqrt(2 * Math.PI * variance);
        }
      }
      density[g] = total / nodes.length;
    }
    double mass = 0;
    for (double value : density) {
      mass += value;
    }
    mass *= spacing;
    if (mass > 0) {
      for (int g = 0; g < points; g++) {
        density[g] /= mass;
      }
    }
    return new double[][] {grid, density};
  }
}
