package org.cockpit4j.quantity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cockpit4j.extension.Extension;
import org.cockpit4j.nn.Parameter;

/**
 * The results of one backprop extension at one step, per parameter, on the host in float64, with
 * the two accumulations the quantities use: results with a sample axis ({@code [N]}, {@code [N,
 * N]}, scalars) are {@linkplain #summed() summed} over parameters, elementwise results (shaped like
 * the parameter) are {@linkplain #concatenated() concatenated} in parameter order.
 */
public final class ExtensionResult {
  private final Extension extension;
  private final List<Parameter> parameters;
  private final double[][] values;

  /**
   * Results for {@code parameters}; {@code values[i]} belongs to parameter i (row-major), null
   * where none was delivered. The arrays are taken over, not copied.
   */
  public ExtensionResult(Extension extension, List<Parameter> parameters, double[][] values) {
    if (values.length != parameters.size()) {
      throw new IllegalArgumentException(
          "Got " + values.length + " result slots for " + parameters.size() + " parameters");
    }
    this.extension = extension;
    this.parameters = List.copyOf(parameters);
    this.values = values;
  }

  /** The extension. */
  public Extension extension() {
    return extension;
  }

  /** Whether parameter {@code index} has a result. */
  public boolean has(int index) {
    return values[index] != null;
  }

  /** The result of parameter {@code index} (not a copy); fails when it has none. */
  public double[] parameter(int index) {
    double[] value = values[index];
    if (value == null) {
      throw new IllegalStateException(
          "No "
              + extension
              + " result arrived for parameter "
              + parameters.get(index).name()
              + "; its layer has no rule for the extension");
    }
    return value;
  }

  /** Every parameter's result in order (null entries where none arrived). */
  public List<double[]> perParameter() {
    List<double[]> list = new ArrayList<>();
    Collections.addAll(list, values);
    return Collections.unmodifiableList(list);
  }

  /** The elementwise sum over parameters (all results must have one length). */
  public double[] summed() {
    double[] sum = null;
    for (int i = 0; i < values.length; i++) {
      double[] value = parameter(i);
      if (sum == null) {
        sum = value.clone();
      } else {
        if (value.length != sum.length) {
          throw new IllegalStateException(
              extension
                  + " results of different sizes cannot be summed over parameters: "
                  + sum.length
                  + " and "
                  + value.length
                  + " (parameter "
                  + parameters.get(i).name()
                  + ")");
        }
        for (int j = 0; j < sum.length; j++) {
          sum[j] += value[j];
        }
      }
    }
    return sum;
  }

  /** The results flattened and concatenated in parameter order. */
  public double[] concatenated() {
    int total = 0;
    for (int i = 0; i < values.length; i++) {
      total += parameter(i).length;
    }
    double[] all = new double[total];
    int offset = 0;
    for (double[] value : values) {
      System.arraycopy(value, 0, all, offset, value.length);
      offset += value.length;
    }
    return all;
  }

  /**
   * Per parameter, the sum of its result's entries (e.g. the trace of a curvature diagonal), in
   * four interleaved partial sums.
   */
  public double[] sums() {
    double[] sums = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double[] value = parameter(i);
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int k = 0;
      for (; k + 3 < value.length; k += 4) {
        s0 += value[k];
        s1 += value[k + 1];
        s2 += value[k + 2];
        s3 += value[k + 3];
      }
      for (; k < value.length; k++) {
        s0 += value[k];
      }
      sums[i] = (s0 + s1) + (s2 + s3);
    }
    return sums;
  }
}
