package org.cockpit4j.plugins.hessianspectrum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.linalg.JacobiEigen;
import org.cockpit4j.quantity.HessianOperator;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityOutput;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The eigenvalue spectral density of the loss Hessian by stochastic Lanczos quadrature (Ghorbani,
 * Krishnan and Xiao 2019; Lin, Saad and Yang 2016), as PyHessian's {@code density} computes it
 * (Yao, Gholami, Keutzer and Mahoney 2020): for each of {@code probes} Rademacher vectors v
 * (entries ±1, normalised), {@code lanczos_steps} Lanczos steps with full re-orthogonalisation on
 * exact Hessian-vector products give a tridiagonal T; its eigenvalues are the quadrature nodes λ_i
 * and the squared first components of its eigenvectors the weights w_i, so that {@code Σ_i w_i
 * f(λ_i) ≈ vᵀ f(H) v / vᵀv}. The density is the Gaussian-smoothed mixture of the nodes over the
 * probes ({@link SpectralDensity}).
 *
 * <p>Value: {@code {"grid": [...], "density": [...], "nodes": [[...] per probe], "weights": [[...]
 * per probe]}}; extra {@code HessianSpectrum_products}: the number of Hessian-vector products used.
 * Options (defaults): {@code probes} (3), {@code lanczos_steps} (30, at most D), {@code
 * grid_points} (200), {@code sigma_squared} (1e-5), {@code overhead} (0.01), {@code seed} (0).
 * Probe p of step k draws its signs from {@code CounterRandom.uniform(mix(mix(seed, k), p), j)}.
 * Cost: {@code probes × lanczos_steps} Hessian-vector products per tracked step; track it rarely.
 */
public final class HessianSpectrum extends Quantity {
  /** The log key. */
  public static final String NAME = "HessianSpectrum";

  private final Settings settings;

  /**
   * Options of the spectrum.
   *
   * @param probes number of Rademacher probes
   * @param lanczosSteps Lanczos steps per probe (capped at the number of parameters)
   * @param gridPoints points of the density grid
   * @param sigmaSquared the smoothing variance relative to the spectrum's width
   * @param overhead how far the grid extends beyond the outermost nodes
   * @param seed seed of the probes
   */
  public record Settings(
      int probes,
      int lanczosSteps,
      int gridPoints,
      double sigmaSquared,
      double overhead,
      long seed) {

    /** Validates. */
    public Settings {
      if (probes < 1 || lanczosSteps < 1 || gridPoints < 2) {
        throw new IllegalArgumentException(
            NAME
                + " needs probes >= 1, lanczos_steps >= 1 and grid_points >= 2, got "
                + probes
                + ", "
                + lanczosSteps
                + ", "
                + gridPoints);
      }
      if (!(sigmaSquared > 0) || !(overhead >= 0)) {
        throw new IllegalArgumentException(
            NAME
                + " needs sigma_squared > 0 and overhead >= 0, got "
                + sigmaSquared
                + ", "
                + overhead);
      }
    }

    /** PyHessian-like defaults with fewer steps and grid points. */
    public static Settings defaults() {
      return new Settings(3, 30, 200, 1e-5, 0.01, 0);
    }
  }

  /** Tracked on {@code schedule} with {@code settings}. */
  public HessianSpectrum(Schedule schedule, Settings settings) {
    super(schedule);
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Needs needs(StepInfo info) {
    return Needs.builder().hessianProducts().build();
  }

  @Override
  public boolean shouldCompute(int step) {
    return schedule().test(step);
  }

  @Override
  public QuantityOutput track(TrackedStep step) {
    HessianOperator hessian = step.hessian();
    int before = hessian.productCount();
    Result result = spectrum(hessian::apply, hessian.dimension(), step.step());
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("grid", result.grid);
    value.put("density", result.density);
    value.put("nodes", result.nodes);
    value.put("weights", result.weights);
    return new QuantityOutput(
        step.step(), value, Map.of(NAME + "_products", hessian.productCount() - before));
  }

  /** The spectrum of an operator of {@code dimension} (exposed for tests and other callers). */
  public Result spectrum(
      java.util.function.UnaryOperator<double[]> operator, int dimension, int step) {
    List<List<Double>> nodeLists = new ArrayList<>();
    List<List<Double>> weightLists = new ArrayList<>();
    double[][] nodes = new double[settings.probes][];
    double[][] weights = new double[settings.probes][];
    long stepStream = CounterRandom.mix(settings.seed, step);
    for (int p = 0; p < settings.probes; p++) {
      long stream = CounterRandom.mix(stepStream, p);
      double[] probe = new double[dimension];
      double scale = 1 / Math.sqrt(dimension);
      for (int j = 0; j < dimension; j++) {
        probe[j] = CounterRandom.uniform(stream, j) < 0.5 ? -scale : scale;
      }
      Lanczos.Tridiagonal tridiagonal = Lanczos.run(operator, probe, settings.lanczosSteps);
      JacobiEigen.Result eigen = JacobiEigen.decompose(tridiagonal.dense());
      nodes[p] = eigen.values();
      weights[p] = new double[nodes[p].length];
      for (int i = 0; i < nodes[p].length; i++) {
        weights[p][i] = eigen.vectors()[0][i] * eigen.vectors()[0][i];
      }
      nodeLists.add(boxed(nodes[p]));
      weightLists.add(boxed(weights[p]));
    }
    double[][] density =
        SpectralDensity.compute(
            nodes, weights, settings.gridPoints, settings.sigmaSquared, settings.overhead);
    return new Result(boxed(density[0]), boxed(density[1]), nodeLists, weightLists);
  }

  private static List<Double> boxed(double[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double value : values) {
      list.add(value);
    }
    return list;
  }

  /**
   * A spectrum.
   *
   * @param grid the grid values
   * @param density the density on the grid (Riemann sum 1)
   * @param nodes per probe, the quadrature nodes (Ritz values), ascending
   * @param weights per probe, the quadrature weights (sum 1)
   */
  public record Result(
      List<Double> grid,
      List<Double> density,
      List<List<Double>> nodes,
      List<List<Double>> weights) {}

  @Override
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("probes", settings.probes);
    options.put("lanczos_steps", settings.lanczosSteps);
    options.put("grid_points", settings.gridPoints);
    options.put("sigma_squared", settings.sigmaSquared);
    options.put("overhead", settings.overhead);
    options.put("seed", settings.seed);
    return options;
  }
}
