package org.cockpit4j.quantities;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.extension.Extensions;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.quantity.GradientTransform;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.ParameterDirection;
import org.cockpit4j.quantity.ParameterSnapshot;
import org.cockpit4j.quantity.PerSampleGradients;
import org.cockpit4j.quantity.RetainedGradients;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;
import org.cockpit4j.quantity.TwoStepQuantity;

/**
 * The normalized step length α (Cockpit's Alpha): a noisy quadratic fit of the loss along the
 * update direction d from scheduled step k to k + 1, from the losses f and directional derivatives
 * (projections {@code p_n = ⟨g_n, d⟩/‖d‖}) at both points and their sample variances; α = −1: the
 * step went nowhere (or the fit is concave), 0: into the minimum of the parabola, 1: to the
 * opposite flank at the start height, above 1: overshoot. Stored under k, computed at k + 1.
 *
 * <p>Update direction: zero-momentum SGD uses {@code d = −lr·ḡ_k} (known during the backward pass
 * of step k); every other optimizer (momentum, Adam, unknown) the actual update {@code d = θ_{k+1}
 * − θ_k}, for which the per-sample gradients of step k are kept compactly (a linear layer's output
 * gradients and inputs, not its {@code N·O·I} per-sample gradients) until θ_{k+1} is known at step
 * k + 1.
 *
 * <p>Checkpoints: the state is the pending start (of the last scheduled step): its loss, variance,
 * projections, length and directions. A pending parameter-difference start is finished when the
 * state is saved (between steps the parameters already hold θ_{k+1}, so the result is the same bits
 * as finishing at step k + 1), so no per-sample gradients need to be stored.
 */
public final class Alpha extends TwoStepQuantity {
  private static final double ZERO_VARIANCE = 1e-10;

  /** What a start step keeps until its end step. */
  private static final class Start implements AutoCloseable {
    final int step;
    final boolean sgdPath;
    final double loss;
    final double lossVariance;
    int batchSize;
    List<Parameter> parameters = List.of();
    boolean finished;
    double length;
    double[] projections;
    List<ParameterDirection> directions = new ArrayList<>();
    ParameterSnapshot theta;
    List<RetainedGradients> retained = new ArrayList<>();

    Start(int step, boolean sgdPath, double loss, double lossVariance) {
      this.step = step;
      this.sgdPath = sgdPath;
      this.loss = loss;
      this.lossVariance = lossVariance;
    }

    void releaseRetained() {
      retained.forEach(gradients -> gradients.close());
      retained = new ArrayList<>();
      if (theta != null) {
        theta.close();
        theta = null;
      }
    }

    @Override
    public void close() {
      releaseRetained();
      directions.forEach(ParameterDirection::close);
      directions = new ArrayList<>();
    }
  }

  private final TreeMap<Integer, Start> starts = new TreeMap<>();
  private final Map<Parameter, ParameterDirection> endDirections = new IdentityHashMap<>();
  private Start ending;
  private boolean startOnSgdPath;
  private double startLearningRate;

  private final GradientTransform<ParameterDirection> sgdStart =
      gradients -> gradients.sum(-startLearningRate);
  private final GradientTransform<RetainedGradients> retainStart = PerSampleGradients::retain;
  private final GradientTransform<double[]> endProjection = this::projectOntoEndDirection;

  /** Tracked on {@code schedule}. */
  public Alpha(Schedule schedule) {
    super(schedule);
  }

  @Override
  protected boolean isStart(int step) {
    return schedule().test(step);
  }

  @Override
  protected boolean isEnd(int step) {
    return schedule().test(step - 1);
  }

  @Override
  protected int saveShift() {
    return 1;
  }

  @Override
  protected Needs startNeeds(StepInfo info) {
    startOnSgdPath = info.isPlainSgd();
    if (!info.hasOptimizer()) {
      warn("No optimizer handed in; using the parameter difference θ_{k+1} − θ_k as direction");
    }
    if (startOnSgdPath) {
      startLearningRate = info.learningRate();
      // ⟨G_n, ḡ⟩ are the row sums of the Gram matrix, which InnerTest and OrthoTest share.
      return Needs.builder().extension(Extensions.BATCH_DOT).transform(sgdStart).build();
    }
    return Needs.builder().transform(retainStart).build();
  }

  @Override
  protected Needs endNeeds(StepInfo info) {
    ending = starts.get(info.step() - 1);
    endDirections.clear();
    if (ending == null) {
      warn("nothing was kept at step " + (info.step() - 1) + "; steps must increase by one");
      return Needs.none();
    }
    List<Parameter> parameters = info.parameters();
    if (!ending.finished) {
      finishParameterDifferenceStart(ending, parameters);
    }
    for (int i = 0; i < parameters.size(); i++) {
      endDirections.put(parameters.get(i), ending.directions.get(i));
    }
    return Needs.builder().transform(endProjection).build();
  }

  /**
   * d = θ_{k+1} − θ_k is known now ({@code now} holds θ_{k+1}): project the kept per-sample
   * gradients of step k onto it.
   */
  private static void finishParameterDifferenceStart(Start start, List<Parameter> now) {
    start.directions = start.theta.differencesTo(now);
    double squaredLength = 0;
    for (ParameterDirection direction : start.directions) {
      squaredLength += direction.squaredNorm();
    }
    start.length = Math.sqrt(squaredLength);
    double[] projections = null;
    for (int i = 0; i < start.retained.size(); i++) {
      RetainedGradients retained = start.retained.get(i);
      if (retained == null) {
        continue;
      }
      double[] part = retained.project(start.directions.get(i));
      if (projections == null) {
        projections = new double[part.length];
      }
      for (int n = 0; n < part.length; n++) {
        projections[n] += part[n];
      }
    }
    start.projections = scaled(projections, start.batchSize, start.length);
    start.finished = true;
    start.releaseRetained();
  }

  private double[] projectOntoEndDirection(PerSampleGradients gradients) {
    ParameterDirection direction = endDirections.get(gradients.parameter());
    return direction == null ? null : gradients.project(direction);
  }

  @Override
  protected void start(TrackedStep step) {
    StepInfo info = step.info();
    Start start =
        new Start(
            step.step(),
            startOnSgdPath,
            info.loss(),
            Statistics.unbiasedVariance(info.individualLosses()));
    if (startOnSgdPath) {
      start.finished = true;
      start.directions.addAll(step.transformResults(sgdStart));
      double[] gram = step.result(Extensions.BATCH_DOT).summed();
      int batch = (int) Math.round(Math.sqrt(gram.length));
      double[] rowSums = new double[batch];
      for (int n = 0; n < batch; n++) {
        for (int m = 0; m < batch; m++) {
          rowSums[n] += gram[n * batch + m];
        }
      }
      start.length = startLearningRate * Math.sqrt(Statistics.sum(step.gradientSquaredNorms()));
      // a_n = ⟨g_n, d⟩ with g_n = B·G_n and d = −lr·Σ_m G_m, so a_n = −lr·B·Σ_m ⟨G_n, G_m⟩.
      start.projections = scaled(rowSums, -startLearningRate * batch, start.length);
    } else {
      start.retained = new ArrayList<>(step.transformResults(retainStart));
      start.theta = ParameterSnapshot.of(info.parameters());
      start.parameters = List.copyOf(info.parameters());
      start.batchSize = info.batchSize();
    }
    Start previous = starts.put(step.step(), start);
    if (previous != null) {
      previous.close();
    }
  }

  @Override
  protected Object end(TrackedStep step) {
    Start start = ending;
    ending = null;
    if (start == null) {
      return null;
    }
    try {
      double[] sums = null;
      for (double[] part : step.transformResults(endProjection)) {
        if (part == null) {
          continue;
        }
        if (sums == null) {
          sums = new double[part.length];
        }
        for (int n = 0; n < part.length; n++) {
          sums[n] += part[n];
        }
      }
      double[] endProjections = scaled(sums, step.info().batchSize(), start.length);
      if (start.length == 0) {
        return -1.0;
      }
      double[] observations = {
        start.loss,
        step.info().loss(),
        Statistics.mean(start.projections),
        Statistics.mean(endProjections)
      };
      double[] variances = {
        start.lossVariance,
        Statistics.unbiasedVariance(step.info().individualLosses()),
        Statistics.unbiasedVariance(start.projections),
        Statistics.unbiasedVariance(endProjections)
      };
      for (int k = 0; k < variances.length; k++) {
        if (variances[k] == 0) {
          warn("a variance of the fit is zero; replacing it by " + ZERO_VARIANCE);
          variances[k] = ZERO_VARIANCE;
        }
      }
      double[] coefficients = QuadraticFit.fit(start.length, observations, variances);
      if (coefficients == null) {
        // no fit (a singular system: NaN, infinite or over- and underflowing inputs of a diverging
        // run) is recorded as NaN, never dropped
        return Double.NaN;
      }
      return QuadraticFit.alpha(start.length, coefficients);
    } finally {
      endDirections.clear();
      starts.remove(start.step);
      start.close();
      dropBefore(step.step() - 1);
    }
  }

  /** {@code values·factor/length}, elementwise (a new array). */
  private static double[] scaled(double[] values, double factor, double length) {
    double[] result = new double[values.length];
    for (int n = 0; n < values.length; n++) {
      result[n] = values[n] * factor / length;
    }
    return result;
  }

  private void dropBefore(int step) {
    Iterator<Map.Entry<Integer, Start>> entries = starts.headMap(step).entrySet().iterator();
    while (entries.hasNext()) {
      entries.next().getValue().close();
      entries.remove();
    }
  }

  /** The pending starts, each finished first (see the class comment). */
  @Override
  public void saveState(StateWriter state) {
    state.emptyList("starts");
    for (Start start : starts.values()) {
      if (!start.finished) {
        finishParameterDifferenceStart(start, start.parameters);
      }
      StateWriter entry = state.addElement("starts");
      entry.putInt("step", start.step);
      entry.putBoolean("sgd_path", start.sgdPath);
      entry.putDouble("loss", start.loss);
      entry.putDouble("loss_variance", start.lossVariance);
      entry.putDouble("length", start.length);
      entry.putDoubles("projections", start.projections);
      entry.emptyList("directions");
      for (ParameterDirection direction : start.directions) {
        ParameterDirection.save(entry.addElement("directions"), direction);
      }
    }
  }

  @Override
  public void restoreState(StateReader state) {
    close();
    for (StateReader entry : state.list("starts")) {
      Start start =
          new Start(
              entry.getInt("step"),
              entry.getBoolean("sgd_path"),
              entry.getDouble("loss"),
              entry.getDouble("loss_variance"));
      start.finished = true;
      start.length = entry.getDouble("length");
      start.projections = entry.getDoubles("projections");
      for (StateReader direction : entry.list("directions")) {
        start.directions.add(ParameterDirection.restore(direction));
      }
      starts.put(start.step, start);
    }
  }

  @Override
  public void close() {
    starts.values().forEach(Start::close);
    starts.clear();
    endDirections.clear();
  }
}
