package org.cockpit4j.instrument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * GradHist2d's value: counts of (per-sample gradient element, parameter element) pairs, rows =
 * gradient bins, columns = parameter bins; with {@code keep_individual} also one histogram per
 * parameter.
 *
 * @param counts {@code [gradientBins][parameterBins]} counts
 * @param gradientEdges gradient-axis edges (rows + 1)
 * @param parameterEdges parameter-axis edges (columns + 1)
 * @param perParameter the per-parameter histograms ({@code param_0, param_1, ...}), empty unless
 *     the quantity kept them
 */
public record Histogram2d(
    double[][] counts,
    double[] gradientEdges,
    double[] parameterEdges,
    List<Histogram2d> perParameter) {

  /** Validates and copies. */
  public Histogram2d {
    if (counts.length == 0
        || gradientEdges.length != counts.length + 1
        || parameterEdges.length != counts[0].length + 1) {
      throw new IllegalArgumentException(
          "A 2-D histogram of "
              + counts.length
              + " x "
              + (counts.length == 0 ? 0 : counts[0].length)
              + " bins needs "
              + (counts.length + 1)
              + " and "
              + (counts.length == 0 ? 1 : counts[0].length + 1)
              + " edges; got "
              + gradientEdges.length
              + " and "
              + parameterEdges.length);
    }
    double[][] copy = new double[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    counts = copy;
    gradientEdges = gradientEdges.clone();
    parameterEdges = parameterEdges.clone();
    perParameter = List.copyOf(perParameter);
  }

  /**
   * The value of a log entry {@code {"hist": [[...]], "edges": [gradient edges, parameter edges],
   * "param_groups": K?, "param_i": {...}?}}.
   */
  public static Histogram2d fromLog(Object raw) {
    if (!(raw instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("Not a 2-D histogram: " + raw);
    }
    double[][] counts = Histogram1d.LogArrays.matrix(map.get("hist"));
    Object edges = map.get("edges");
    if (!(edges instanceof List<?> pair) || pair.size() != 2) {
      throw new IllegalArgumentException("A 2-D histogram needs two edge arrays, got " + edges);
    }
    List<Histogram2d> parts = new ArrayList<>();
    Object groups = map.get("param_groups");
    if (groups instanceof Number count) {
      for (int i = 0; i < count.intValue(); i++) {
        Object part = map.get("param_" + i);
        if (part != null) {
          parts.add(fromLog(part));
        }
      }
    }
    return new Histogram2d(
        counts,
        Histogram1d.LogArrays.vector(pair.get(0)),
        Histogram1d.LogArrays.vector(pair.get(1)),
        parts);
  }

  /** A copy of the counts. */
  @Override
  public double[][] counts() {
    double[][] copy = new double[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /** A copy of the gradient edges. */
  @Override
  public double[] gradientEdges() {
    return gradientEdges.clone();
  }

  /** A copy of the parameter edges. */
  @Override
  public double[] parameterEdges() {
    return parameterEdges.clone();
  }

  /** Counts summed over parameter bins, one per gradient bin (the right marginal). */
  public double[] gradientMarginal() {
    double[] sums = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      for (double count : counts[i]) {
        sums[i] += count;
      }
    }
    return sums;
  }

  /** Counts summed over gradient bins, one per parameter bin (the top marginal). */
  public double[] parameterMarginal() {
    double[] sums = new double[counts[0].length];
    for (double[] row : counts) {
      for (int j = 0; j < row.length; j++) {
        sums[j] += row[j];
      }
    }
    return sums;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Histogram2d that
        && Arrays.deepEquals(counts, that.counts)
        && Arrays.equals(gradientEdges, that.gradientEdges)
        && Arrays.equals(parameterEdges, that.parameterEdges)
        && perParameter.equals(that.perParameter);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(counts) * 31 + perParameter.hashCode();
  }

  @Override
  public String toString() {
    return "Histogram2d["
        + counts.length
        + " x "
        + counts[0].length
        + " bins, "
        + perParameter.size()
        + " per parameter]";
  }
}
