package org.cockpit4j.quantities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.log.NdArray;
import org.cockpit4j.quantity.GradientTransform;
import org.cockpit4j.quantity.HistogramBins;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityOutput;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The histogram of all per-sample gradient entries {@code g_n,j} ({@code B·D} values), clamped to
 * the range, with {@code torch.histc}'s bin rule, summed over parameters: {@code {"hist": float64
 * [bins], "edges": float64 [bins + 1]}}. Defaults: 100 bins on (−2, 2), no adaptation. A {@link
 * BinAdaptation} may replace the range after the histogram of its scheduled steps.
 *
 * <p>Computed during the backward pass on the per-sample gradients in their compact form (a linear
 * weight's are never formed).
 */
public final class GradHist1d extends Quantity {
  private final int bins;
  private final BinAdaptation adaptation;
  private double[] range;
  private HistogramBins current;
  private final GradientTransform<double[]> histogram = this::histogramOf;

  /** 100 bins on (−2, 2), tracked on {@code schedule}. */
  public GradHist1d(Schedule schedule) {
    this(schedule, 100, -2, 2, BinAdaptation.none());
  }

  /** {@code bins} bins on {@code (low, high)} adapted by {@code adaptation}. */
  public GradHist1d(
      Schedule schedule, int bins, double low, double high, BinAdaptation adaptation) {
    super(schedule);
    this.bins = bins;
    this.range = new double[] {low, high};
    this.adaptation = adaptation == null ? BinAdaptation.none() : adaptation;
    this.current = new HistogramBins(bins, low, high);
  }

  /** The current range {@code [low, high]} (a copy). */
  public double[] range() {
    return range.clone();
  }

  @Override
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("bins", bins);
    options.put("range", List.of(range[0], range[1]));
    options.put("adapt", adaptation.toString());
    return options;
  }

  /** The current range (changed by the bin adaptation). */
  @Override
  public void saveState(StateWriter state) {
    state.putDoubles("range", range);
  }

  @Override
  public void restoreState(StateReader state) {
    range = StateChecks.range(state, "range");
  }

  @Override
  public boolean shouldCompute(int step) {
    return schedule().test(step) || adaptation.shouldCompute(step);
  }

  @Override
  public Needs needs(StepInfo info) {
    Needs.Builder needs = Needs.builder();
    if (schedule().test(info.step())) {
      current = new HistogramBins(bins, range[0], range[1]);
      needs.transform(histogram);
    }
    return needs.add(adaptation.needs(info.step())).build();
  }

  private double[] histogramOf(org.cockpit4j.quantity.PerSampleGradients gradients) {
    return gradients.histogram(current);
  }

  @Override
  public QuantityOutput track(TrackedStep step) {
    QuantityOutput output = null;
    if (schedule().test(step.step())) {
      double[] counts = new double[bins];
      for (double[] part : step.transformResults(histogram)) {
        if (part != null) {
          for (int k = 0; k < bins; k++) {
            counts[k] += part[k];
          }
        }
      }
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("hist", NdArray.float64(counts));
      value.put("edges", NdArray.float64(current.edges()));
      output = QuantityOutput.of(step.step(), value);
    }
    if (adaptation.shouldCompute(step.step())) {
      range = adaptation.adapt(step, range);
    }
    return output;
  }
}
