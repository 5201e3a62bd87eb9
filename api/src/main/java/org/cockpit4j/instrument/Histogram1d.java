package org.cockpit4j.instrument;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cockpit4j.log.NdArray;

/**
 * GradHist1d's value: counts of per-sample gradient elements in equal-width bins.
 *
 * @param counts one count per bin
 * @param edges the bin edges, one more than the counts
 */
public record Histogram1d(double[] counts, double[] edges) {
  /** Validates and copies. */
  public Histogram1d {
    if (counts.length == 0 || edges.length != counts.length + 1) {
      throw new IllegalArgumentException(
          "A histogram needs bins + 1 edges; got "
              + counts.length
              + " counts and "
              + edges.length
              + " edges");
    }
    counts = counts.clone();
    edges = edges.clone();
  }

  /** The value of a log entry {@code {"hist": [...], "edges": [...]}}. */
  public static Histogram1d fromLog(Object raw) {
    if (!(raw instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("Not a histogram: " + raw);
    }
    return new Histogram1d(LogArrays.vector(map.get("hist")), LogArrays.vector(map.get("edges")));
  }

  /** A copy of the counts. */
  @Override
  public double[] counts() {
    return counts.clone();
  }

  /** A copy of the edges. */
  @Override
  public double[] edges() {
    return edges.clone();
  }

  /** Number of bins. */
  public int bins() {
    return counts.length;
  }

  /** Sum of all counts. */
  public double total() {
    double total = 0;
    for (double count : counts) {
      total += count;
    }
    return total;
  }

  /** Mid-point of bin {@code bin}. */
  public double centre(int bin) {
    return 0.5 * (edges[bin] + edges[bin + 1]);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Histogram1d that
        && Arrays.equals(counts, that.counts)
        && Arrays.equals(edges, that.edges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts) * 31 + Arrays.hashCode(edges);
  }

  @Override
  public String toString() {
    return "Histogram1d["
        + counts.length
        + " bins on "
        + edges[0]
        + ".."
        + edges[counts.length]
        + "]";
  }

  /** Reads numbers out of the log's array forms (NdArray, lists). */
  static final class LogArrays {
    private LogArrays() {}

    static double[] vector(Object raw) {
      if (raw instanceof NdArray array) {
        return array.data();
      }
      if (raw instanceof double[] values) {
        return values.clone();
      }
      if (raw instanceof List<?> list) {
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = ((Number) list.get(i)).doubleValue();
        }
        return values;
      }
      throw new IllegalArgumentException("Not an array of numbers: " + raw);
    }

    static double[][] matrix(Object raw) {
      if (raw instanceof NdArray array) {
        int[] shape = array.shape();
        if (shape.length != 2) {
          throw new IllegalArgumentException(
              "Expected a matrix, got shape " + Arrays.toString(shape));
        }
        double[] data = array.data();
        double[][] rows = new double[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) {
          System.arraycopy(data, i * shape[1], rows[i], 0, shape[1]);
        }
        return rows;
      }
      if (raw instanceof List<?> list) {
        double[][] rows = new double[list.size()][];
        for (int i = 0; i < rows.length; i++) {
          rows[i] = vector(list.get(i));
          if (rows[i].length != rows[0].length) {
            throw new IllegalArgumentException("Ragged matrix at row " + i);
          }
        }
        return rows;
      }
      throw new IllegalArgumentException("Not a matrix: " + raw);
    }
  }
}
