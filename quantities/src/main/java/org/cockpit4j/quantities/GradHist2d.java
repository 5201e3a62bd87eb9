package org.cockpit4j.quantities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.log.NdArray;
import org.cockpit4j.quantity.GradientTransform;
import org.cockpit4j.quantity.HistogramBins;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.PerSampleGradients;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityOutput;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The 2-D histogram of the pairs (per-sample gradient entry {@code g_n,j}, parameter value θ_j)
 * over every sample and entry ({@code B·D} points): {@code {"hist": int64 [xBins, yBins], "edges":
 * [x edges, y edges]}}, rows are gradient bins, columns parameter bins, each axis clamped to its
 * outer bin centres (FORMAT.md §7's index rule). Defaults: (40, 50) bins on ((−1, 1), (−2, 2)), no
 * adaptation. With {@code keepIndividual} also {@code "param_groups": K} and {@code "param_i":
 * {"hist", "edges"}} per parameter (layer-wise histograms).
 */
public final class GradHist2d extends Quantity {
  private final int gradientBins;
  private final int parameterBins;
  private final BinAdaptation gradientAdaptation;
  private final BinAdaptation parameterAdaptation;
  private final boolean keepIndividual;
  private double[] gradientRange;
  private double[] parameterRange;
  private HistogramBins currentGradientBins;
  private HistogramBins currentParameterBins;
  private final GradientTransform<long[]> histogram = this::histogramOf;

  /** The original's defaults, tracked on {@code schedule}. */
  public GradHist2d(Schedule schedule) {
    this(
        schedule,
        new int[] {40, 50},
        new double[][] {{-1, 1}, {-2, 2}},
        BinAdaptation.none(),
        BinAdaptation.none(),
        false);
  }

  /**
   * @param bins {gradient bins, parameter bins}
   * @param ranges {{gradient low, high}, {parameter low, high}}
   * @param gradientAdaptation adapts the gradient axis (e.g. {@link GradAbsMax})
   * @param parameterAdaptation adapts the parameter axis (e.g. {@link ParamAbsMax})
   * @param keepIndividual whether to log each parameter's histogram too
   */
  public GradHist2d(
      Schedule schedule,
      int[] bins,
      double[][] ranges,
      BinAdaptation gradientAdaptation,
      BinAdaptation parameterAdaptation,
      boolean keepIndividual) {
    super(schedule);
    this.gradientBins = bins[0];
    this.parameterBins = bins[1];
    this.gradientRange = ranges[0].clone();
    this.parameterRange = ranges[1].clone();
    this.gradientAdaptation =
        gradientAdaptation == null ? BinAdaptation.none() : gradientAdaptation;
    this.parameterAdaptation =
        parameterAdaptation == null ? BinAdaptation.none() : parameterAdaptation;
    this.keepIndividual = keepIndividual;
    refreshBins();
  }

  private void refreshBins() {
    currentGradientBins = new HistogramBins(gradientBins, gradientRange[0], gradientRange[1]);
    currentParameterBins = new HistogramBins(parameterBins, parameterRange[0], parameterRange[1]);
  }

  @Override
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("bins", List.of(gradientBins, parameterBins));
    options.put(
        "range",
        List.of(
            List.of(gradientRange[0], gradientRange[1]),
            List.of(parameterRange[0], parameterRange[1])));
    options.put("adapt", List.of(gradientAdaptation.toString(), parameterAdaptation.toString()));
    options.put("keep_individual", keepIndividual);
    return options;
  }

  /** The current ranges of both axes (changed by the bin adaptations). */
  @Override
  public void saveState(StateWriter state) {
    state.putDoubles("gradient_range", gradientRange);
    state.putDoubles("parameter_range", parameterRange);
  }

  @Override
  public void restoreState(StateReader state) {
    gradientRange = StateChecks.range(state, "gradient_range");
    parameterRange = StateChecks.range(state, "parameter_range");
    refreshBins();
  }

  @Override
  public boolean shouldCompute(int step) {
    return schedule().test(step)
        || gradientAdaptation.shouldCompute(step)
        || parameterAdaptation.shouldCompute(step);
  }

  @Override
  public Needs needs(StepInfo info) {
    Needs.Builder needs = Needs.builder();
    if (schedule().test(info.step())) {
      refreshBins();
      needs.transform(histogram);
    }
    needs.add(gradientAdaptation.needs(info.step()));
    needs.add(parameterAdaptation.needs(info.step()));
    return needs.build();
  }

  private long[] histogramOf(PerSampleGradients gradients) {
    return gradients.histogram2d(currentGradientBins, currentParameterBins);
  }

  @Override
  public QuantityOutput track(TrackedStep step) {
    QuantityOutput output = null;
    if (schedule().test(step.step())) {
      int[] shape = {gradientBins, parameterBins};
      long[] total = new long[gradientBins * parameterBins];
      List<long[]> parts = step.transformResults(histogram);
      for (long[] part : parts) {
        if (part != null) {
          for (int k = 0; k < total.length; k++) {
            total[k] += part[k];
          }
        }
      }
      Map<String, Object> value = histogramValue(shape, total);
      if (keepIndividual) {
        value.put("param_groups", parts.size());
        for (int i = 0; i < parts.size(); i++) {
          long[] part = parts.get(i) == null ? new long[total.length] : parts.get(i);
          value.put("param_" + i, histogramValue(shape, part));
        }
      }
      output = QuantityOutput.of(step.step(), value);
    }
    if (gradientAdaptation.shouldCompute(step.step())) {
      gradientRange = gradientAdaptation.adapt(step, gradientRange);
    }
    if (parameterAdaptation.shouldCompute(step.step())) {
      parameterRange = parameterAdaptation.adapt(step, parameterRange);
    }
    return output;
  }

  private Map<String, Object> histogramValue(int[] shape, long[] counts) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("hist", NdArray.int64(shape, counts));
    List<Object> edges = new ArrayList<>();
    edges.add(NdArray.float64(currentGradientBins.edges()));
    edges.add(NdArray.float64(currentParameterBins.edges()));
    value.put("edges", edges);
    return value;
  }
}
