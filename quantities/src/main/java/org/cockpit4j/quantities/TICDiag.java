package org.cockpit4j.quantities;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.cockpit4j.extension.Extensions;
import org.cockpit4j.quantity.ExtensionResult;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The Takeuchi information criterion with a diagonal curvature (Thomas et al., 2020): {@code Σ_j
 * (B·s_j)/(c_j + ε)}, {@code s = Σ_n G_n²} ({@code sum_grad_squared}), {@code c} the curvature
 * diagonal ({@link Curvature}, default {@code diag_h}), ε = 1e-7; negative curvature entries are
 * used as they are.
 */
public final class TICDiag extends TakeuchiCriterion {

  /** Tracked on {@code schedule} with {@code diag_h} and ε = 1e-7. */
  public TICDiag(Schedule schedule) {
    this(schedule, Curvature.DIAG_H, 1e-7);
  }

  /** Tracked on {@code schedule} with {@code curvature} and ε. */
  public TICDiag(Schedule schedule, Curvature curvature, double epsilon) {
    super(schedule, curvature, epsilon);
  }

  private static final int CHUNK = 1 << 15;

  /** {@code Σ_j B·s_j/(c_j + ε)} over {@code [from, to)}, in four interleaved partial sums. */
  private double chunk(double[] s, double[] c, int from, int to, double batch) {
    double t0 = 0;
    double t1 = 0;
    double t2 = 0;
    double t3 = 0;
    int j = from;
    for (; j + 3 < to; j += 4) {
      t0 += batch * s[j] / (c[j] + epsilon);
      t1 += batch * s[j + 1] / (c[j + 1] + epsilon);
      t2 += batch * s[j + 2] / (c[j + 2] + epsilon);
      t3 += batch * s[j + 3] / (c[j + 3] + epsilon);
    }
    for (; j < to; j++) {
      t0 += batch * s[j] / (c[j] + epsilon);
    }
    return (t0 + t1) + (t2 + t3);
  }

  @Override
  protected Object compute(TrackedStep step) {
    double batch = step.info().batchSize();
    ExtensionResult sumOfSquares = step.result(Extensions.SUM_GRAD_SQUARED);
    ExtensionResult diagonal = step.result(curvature.extension());
    int parameters = step.info().parameters().size();
    // Per parameter, chunks summed in parallel and added in a fixed order.
    List<int[]> ranges = new ArrayList<>();
    for (int i = 0; i < parameters; i++) {
      double[] s = sumOfSquares.parameter(i);
      double[] c = diagonal.parameter(i);
      if (s.length != c.length) {
        throw new IllegalStateException(
            "sum_grad_squared and the curvature differ in size: " + s.length + ", " + c.length);
      }
      for (int from = 0; from < s.length; from += CHUNK) {
        ranges.add(new int[] {i, from, Math.min(s.length, from + CHUNK)});
      }
    }
    double[] partial = new double[ranges.size()];
    IntStream.range(0, ranges.size())
        .parallel()
        .forEach(
            r -> {
              int[] range = ranges.get(r);
              partial[r] =
                  chunk(
                      sumOfSquares.parameter(range[0]),
                      diagonal.parameter(range[0]),
                      range[1],
                      range[2],
                      batch);
            });
    double total = 0;
    for (double part : partial) {
      total += part;
    }
    return total;
  }
}
