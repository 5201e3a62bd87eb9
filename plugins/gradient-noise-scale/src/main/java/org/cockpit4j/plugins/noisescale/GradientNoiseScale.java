package org.cockpit4j.plugins.noisescale;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.extension.Extensions;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityOutput;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The simple gradient noise scale {@code B_simple = tr(Σ)/|G|²} of McCandlish, Kaplan, Amodei et
 * al., "An Empirical Model of Large-Batch Training" (2018): Σ is the covariance of the per-sample
 * gradients, G the true gradient. {@code B_simple} estimates the critical batch size: batches much
 * smaller than it waste steps on noise, much larger ones waste samples.
 *
 * <p>Per tracked step, from the per-sample squared norms {@code ‖G_n‖²} ({@code batch_l2}) and the
 * mini-batch gradient {@code g} of a batch of B samples, the unbiased estimates (McCandlish et al.,
 * Appendix A, with B_small = 1 and B_big = B):
 *
 * <pre>
 *   S     = (Σ_n ‖G_n‖² − B‖g‖²) / (B − 1)          estimates tr(Σ)
 *   |G|²  = (B‖g‖² − (1/B) Σ_n ‖G_n‖²) / (B − 1)     estimates ‖G‖² (= ‖g‖² − S/B)
 * </pre>
 *
 * Both are noisy (|G|² can even be negative), so, as the paper recommends, the value is the ratio
 * of exponential moving averages {@code EMA(S)/EMA(|G|²)} with decay {@code ema} (default 0.9; 0
 * uses the current step only). Only the three sums {@code Σ_n ‖G_n‖²}, {@code ‖g‖²} and B enter, so
 * they can be summed across workers first. Logged: {@code GradientNoiseScale} (the smoothed ratio),
 * and as extras {@code GradientNoiseScale_step} (this step's ratio), {@code
 * GradientNoiseScale_trace} (S) and {@code GradientNoiseScale_gradient_norm_squared} (|G|²).
 */
public final class GradientNoiseScale extends Quantity {
  /** The log key. */
  public static final String NAME = "GradientNoiseScale";

  private final double decay;
  private double traceAverage;
  private double gradientAverage;

  /**
   * @param schedule when it is tracked
   * @param decay the EMA decay in [0, 1): 0 keeps only the current step
   */
  public GradientNoiseScale(Schedule schedule, double decay) {
    super(schedule);
    if (!(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException(
          "Option 'ema' of " + NAME + " must be in [0, 1), got " + decay);
    }
    this.decay = decay;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean shouldCompute(int step) {
    return schedule().test(step);
  }

  @Override
  public Needs needs(StepInfo info) {
    return Needs.extensions(Extensions.BATCH_L2);
  }

  @Override
  public QuantityOutput track(TrackedStep step) {
    double[] scaledSquaredNorms = step.result(Extensions.BATCH_L2).summed();
    int batch = scaledSquaredNorms.length;
    if (batch < 2) {
      step.warn(NAME + " needs batches of at least 2 samples; step " + step.step() + " has 1");
      return null;
    }
    Estimates estimates = Estimates.of(scaledSquaredNorms, sum(step.gradientSquaredNorms()));
    traceAverage = decay * traceAverage + (1 - decay) * estimates.trace();
    gradientAverage = decay * gradientAverage + (1 - decay) * estimates.gradientNormSquared();
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put(NAME + "_step", estimates.noiseScale());
    extras.put(NAME + "_trace", estimates.trace());
    extras.put(NAME + "_gradient_norm_squared", estimates.gradientNormSquared());
    return new QuantityOutput(step.step(), traceAverage / gradientAverage, extras);
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double value : values) {
      total += value;
    }
    return total;
  }

  /** The two moving averages (checkpoints resume them exactly). */
  @Override
  public void saveState(StateWriter state) {
    state.putDouble("trace_average", traceAverage);
    state.putDouble("gradient_average", gradientAverage);
  }

  @Override
  public void restoreState(StateReader state) {
    traceAverage = state.getDouble("trace_average");
    gradientAverage = state.getDouble("gradient_average");
  }

  @Override
  public Map<String, Object> options() {
    return Map.of("ema", decay);
  }
}
