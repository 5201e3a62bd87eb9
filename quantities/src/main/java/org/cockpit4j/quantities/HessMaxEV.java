package org.cockpit4j.quantities;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.quantity.HessianOperator;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.QuantityOutput;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.SingleStepQuantity;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The extreme eigenvalue of the Hessian of L at θ_k (all parameters, cross-layer blocks and
 * activation second derivatives included), by the Lanczos method on exact Hessian-vector products,
 * converged to a relative tolerance (default 1e-6) rather than the original's loose power
 * iteration. With {@code use_power = true} (the original's default) it is the eigenvalue of largest
 * magnitude (signed), what power iteration converges to; with {@code use_power = false} the largest
 * algebraic eigenvalue (the original's {@code eigsh(which="LA")} variant).
 *
 * <p>Each tracked step starts from the previous step's eigenvector (plus a small deterministic
 * perturbation), so later steps need few products. The number of products is logged under {@code
 * HessMaxEV_products}.
 */
public final class HessMaxEV extends SingleStepQuantity {
  /** The extra log key holding the number of Hessian-vector products used. */
  public static final String PRODUCTS_KEY = "HessMaxEV_products";

  private static final double PERTURBATION = 1e-2;

  private final boolean largestMagnitude;
  private final double tolerance;
  private final int maxProducts;
  private final long seed;
  private int basisSize;
  private double[] previous;

  /** Largest magnitude, tolerance 1e-6, at most 500 products, tracked on {@code schedule}. */
  public HessMaxEV(Schedule schedule) {
    this(schedule, true, 1e-6, 500, 0L);
  }

  /**
   * @param usePower true: the eigenvalue of largest magnitude; false: the largest eigenvalue
   * @param tolerance relative accuracy of the eigenvalue
   * @param maxProducts the most Hessian-vector products per step (a warning when reached)
   * @param seed seed of the first start vector and the perturbations
   */
  public HessMaxEV(
      Schedule schedule, boolean usePower, double tolerance, int maxProducts, long seed) {
    super(schedule);
    if (!(tolerance > 0) || maxProducts < 1) {
      throw new IllegalArgumentException(
          "HessMaxEV needs a positive tolerance and at least one product, got tolerance "
              + tolerance
              + ", max_products "
              + maxProducts);
    }
    this.largestMagnitude = usePower;
    this.tolerance = tolerance;
    this.maxProducts = maxProducts;
    this.seed = seed;
  }

  /** Sets the Lanczos basis size (0: chosen from the dimension, at most 2^25 doubles in all). */
  public HessMaxEV withBasisSize(int size) {
    this.basisSize = size;
    return this;
  }

  @Override
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("use_power", largestMagnitude);
    options.put("tolerance", tolerance);
    options.put("max_products", maxProducts);
    options.put("seed", seed);
    return options;
  }

  @Override
  public Needs needs(StepInfo info) {
    return Needs.builder().hessianProducts().build();
  }

  @Override
  public QuantityOutput track(TrackedStep step) {
    HessianOperator hessian = step.hessian();
    int dimension = hessian.dimension();
    int basis =
        basisSize > 0 ? basisSize : Math.max(8, Math.min(40, (1 << 25) / Math.max(1, dimension)));
    Lanczos.Result result =
        Lanczos.run(
            hessian,
            startVector(step.step(), dimension),
            largestMagnitude ? Lanczos.Target.LARGEST_MAGNITUDE : Lanczos.Target.LARGEST,
            tolerance,
            basis,
            maxProducts);
    if (!result.converged()) {
      warn(
          "did not converge to "
              + tolerance
              + " within "
              + result.products()
              + " Hessian-vector products at step "
              + step.step()
              + "; logging the last estimate");
    }
    previous = result.eigenvector();
    Map<String, Object> extras = Map.of(PRODUCTS_KEY, (long) result.products());
    return new QuantityOutput(step.step(), result.eigenvalue(), extras);
  }

  @Override
  protected Object compute(TrackedStep step) {
    throw new UnsupportedOperationException("HessMaxEV computes in track");
  }

  private double[] startVector(int step, int dimension) {
    double[] noise = new double[dimension];
    long stream = CounterRandom.mix(seed, step);
    int chunk = 1 << 16;
    IntStream.range(0, (dimension + chunk - 1) / chunk)
        .parallel()
        .forEach(
            c -> {
              for (int i = c * chunk; i < Math.min(dimension, (c + 1) * chunk); i++) {
                noise[i] = CounterRandom.uniform(stream, i) - 0.5;
              }
            });
    if (previous == null || previous.length != dimension) {
      return noise;
    }
    double[] unitNoise = Lanczos.normalized(noise);
    double[] start = previous.clone();
    for (int i = 0; i < dimension; i++) {
      start[i] += PERTURBATION * unitNoise[i];
    }
    return start;
  }

  /** The warm start: the previous tracked step's eigenvector (exact bits), or none yet. */
  @Override
  public void saveState(StateWriter state) {
    state.putDoubles("previous", previous);
  }

  @Override
  public void restoreState(StateReader state) {
    previous = state.getDoubles("previous");
  }

  @Override
  public void close() {
    previous = null;
  }
}
