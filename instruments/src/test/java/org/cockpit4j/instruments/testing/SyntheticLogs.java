package org.cockpit4j.instruments.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.JsonLinesLog;
import org.cockpit4j.log.NdArray;

/**
 * Synthetic Cockpit logs with every key the instruments read, for tests of the gauges, the figure,
 * the diagnosis and the dashboard. Deterministic (no random numbers); shaped like a real run:
 * decreasing loss, α around {@code alpha}, three parameters, histograms with a bell shape.
 */
public final class SyntheticLogs {
  /** Parameter names written into the metadata. */
  public static final List<String> PARAMETERS = List.of("0.weight", "0.bias", "2.weight");

  private SyntheticLogs() {}

  /** A full log of {@code steps} steps with α = {@code alpha(step)}. */
  public static CockpitLog full(int steps, IntToDoubleFunction alpha) {
    CockpitLog log = new CockpitLog();
    for (int step = 0; step < steps; step++) {
      log.putAll(step, values(step, alpha.applyAsDouble(step)));
    }
    return log;
  }

  /** A full log with α oscillating mildly around −0.2 (a healthy run). */
  public static CockpitLog healthy(int steps) {
    return full(steps, step -> -0.2 + 0.3 * Math.sin(step));
  }

  /** The values of one step, every key the instruments read. */
  public static Map<String, Object> values(int step, double alpha) {
    Map<String, Object> values = new TreeMap<>();
    double decay = Math.exp(-0.05 * step);
    values.put("Loss", 0.5 + 2 * decay + 0.05 * Math.sin(3 * step));
    values.put("Alpha", alpha);
    values.put("GradNorm", List.of(0.4 * decay + 0.01, 0.1 * decay + 0.005, 0.3 * decay + 0.01));
    values.put("Distance", List.of(0.01 * step, 0.002 * step, 0.02 * step));
    values.put("UpdateSize", List.of(0.01 * decay, 0.002 * decay, 0.02 * decay));
    values.put("NormTest", 0.8 + 0.1 * Math.cos(step));
    values.put("InnerTest", 0.4 + 0.05 * Math.sin(step));
    values.put("OrthoTest", 0.6 + 0.05 * Math.cos(step));
    values.put("HessMaxEV", 3 + Math.sin(step));
    values.put("HessTrace", List.of(1.0 + 0.1 * step, 0.2, 0.5));
    values.put("TICDiag", 10 + step);
    values.put("TICTrace", 1 + 0.1 * step);
    values.put("MeanGSNR", 0.2 * decay);
    values.put("CABS", 4 + step * 0.5);
    values.put("EarlyStopping", -1 + 0.01 * step);
    values.put("GradHist1d", histogram1d(bell(100, 0.25), -2, 2));
    values.put("GradHist2d", histogram2d(40, 50, true));
    values.put("learning_rate", 0.1);
    values.put("train_accuracy", 0.5 + 0.4 * (1 - decay));
    values.put("valid_accuracy", 0.45 + 0.35 * (1 - decay));
    return values;
  }

  /** {@code {"hist", "edges"}} with {@code counts} on [{@code low}, {@code high}]. */
  public static Map<String, Object> histogram1d(double[] counts, double low, double high) {
    double[] edges = new double[counts.length + 1];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = low + (high - low) * i / counts.length;
    }
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("hist", NdArray.float64(counts));
    value.put("edges", NdArray.float64(edges));
    return value;
  }

  /** Bell-shaped counts (width {@code spread} of the range), total about 10⁴. */
  public static double[] bell(int bins, double spread) {
    double[] counts = new double[bins];
    for (int i = 0; i < bins; i++) {
      double z = (i + 0.5 - bins / 2.0) / (bins * spread / 4);
      counts[i] = Math.floor(1000 * Math.exp(-0.5 * z * z));
    }
    return counts;
  }

  /** A GradHist2d value, with three per-parameter histograms when {@code individual}. */
  public static Map<String, Object> histogram2d(
      int gradientBins, int parameterBins, boolean individual) {
    Map<String, Object> value = histogramPart(gradientBins, parameterBins, 3);
    if (individual) {
      value.put("param_groups", (long) PARAMETERS.size());
      for (int i = 0; i < PARAMETERS.size(); i++) {
        value.put("param_" + i, histogramPart(gradientBins, parameterBins, 1));
      }
    }
    return value;
  }

  private static Map<String, Object> histogramPart(int gradientBins, int parameterBins, int scale) {
    long[] counts = new long[gradientBins * parameterBins];
    for (int g = 0; g < gradientBins; g++) {
      for (int p = 0; p < parameterBins; p++) {
        double zg = (g + 0.5 - gradientBins / 2.0) / 3;
        double zp = (p + 0.5 - parameterBins / 2.0) / 6;
        counts[g * parameterBins + p] =
            (long) Math.floor(scale * 200 * Math.exp(-0.5 * (zg * zg + zp * zp)));
      }
    }
    double[] gradientEdges = new double[gradientBins + 1];
    double[] parameterEdges = new double[parameterBins + 1];
    for (int i = 0; i <= gradientBins; i++) {
      gradientEdges[i] = -1 + 2.0 * i / gradientBins;
    }
    for (int i = 0; i <= parameterBins; i++) {
      parameterEdges[i] = -2 + 4.0 * i / parameterBins;
    }
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("hist", NdArray.int64(new int[] {gradientBins, parameterBins}, counts));
    List<Object> edges = new ArrayList<>();
    edges.add(NdArray.float64(gradientEdges));
    edges.add(NdArray.float64(parameterEdges));
    value.put("edges", edges);
    return value;
  }

  /** Metadata as the Cockpit writes it (parameter names, an optimizer). */
  public static Map<String, Object> metadata() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("parameters", PARAMETERS);
    metadata.put("optimizer", Map.of("type", "sgd", "lr", 0.1));
    return metadata;
  }

  /** Writes {@code log} as a JSON Lines log at {@code file}; returns the open log to append to. */
  public static JsonLinesLog writeJsonLines(Path file, CockpitLog log) {
    JsonLinesLog sink = JsonLinesLog.create(file, metadata());
    log.steps().forEach((step, values) -> sink.write(step, new TreeMap<>(values)));
    return sink;
  }
}
