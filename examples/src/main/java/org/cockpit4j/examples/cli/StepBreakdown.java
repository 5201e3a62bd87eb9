package org.cockpit4j.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cockpit4j.extension.PhaseTimings;
import org.cockpit4j.train.BackwardStrategy;
import org.cockpit4j.train.BatchSource;
import org.cockpit4j.train.StepContext;
import org.cockpit4j.train.StepHook;
import org.cockpit4j.train.StepMetrics;
import org.cockpit4j.train.Trainer;

/**
 * Where the time of a benchmark's training steps goes ({@code cockpit bench --breakdown}): per
 * step, the forward pass (batch handed out to backward strategy called), the backward strategy
 * (with the Cockpit: the extended pass and the quantities), the optimizer step and the rest (the
 * step's clean-up), plus the phases a {@link PhaseTimings} collected inside the backward strategy;
 * reported as medians over the recorded steps (a phase missing from a step counts as 0).
 */
final class StepBreakdown {
  static final String FORWARD = "forward + loss";
  static final String STRATEGY = "backward strategy";
  static final String OPTIMIZER = "optimizer step";
  static final String REST = "rest (clean-up)";
  static final String TOTAL = "step";

  private final PhaseTimings timings = new PhaseTimings();
  private final List<Map<String, Double>> steps = new ArrayList<>();
  private final Map<String, Long> calls = new LinkedHashMap<>();
  private long batchHandedOut;
  private long strategyStart;
  private long strategyEnd;
  private long optimizerStart;
  private long optimizerEnd;

  /** The timings the backward strategy (e.g. a Cockpit) should record into. */
  PhaseTimings timings() {
    return timings;
  }

  /** {@code source}, noting when each step's batch is handed out (the start of the forward). */
  BatchSource wrap(BatchSource source) {
    return step -> {
      var batch = source.next(step);
      batchHandedOut = System.nanoTime();
      return batch;
    };
  }

  /** Times {@code trainer}'s backward strategy {@code strategy} and its optimizer step. */
  void attach(Trainer trainer, BackwardStrategy strategy) {
    trainer.withBackwardStrategy(
        context -> {
          strategyStart = System.nanoTime();
          strategy.backward(context);
          strategyEnd = System.nanoTime();
        });
    trainer.addHook(
        new StepHook() {
          @Override
          public void afterBackward(StepContext context) {
            optimizerStart = System.nanoTime();
          }

          @Override
          public void afterStep(StepContext context) {
            optimizerEnd = System.nanoTime();
          }
        });
  }

  /** Records the step that just ended (its metrics give the total). */
  void record(StepMetrics metrics) {
    Map<String, Double> step = new LinkedHashMap<>();
    double forward = (strategyStart - batchHandedOut) / 1e6;
    double strategy = (strategyEnd - strategyStart) / 1e6;
    double optimizer = (optimizerEnd - optimizerStart) / 1e6;
    step.put(TOTAL, metrics.stepMilliseconds());
    step.put(FORWARD, forward);
    step.put(STRATEGY, strategy);
    timings
        .take()
        .forEach(
            (phase, total) -> {
              step.put(STRATEGY + " / " + phase, total.milliseconds());
              calls.merge(STRATEGY + " / " + phase, total.calls(), Long::sum);
            });
    step.put(OPTIMIZER, optimizer);
    step.put(REST, metrics.stepMilliseconds() - forward - strategy - optimizer);
    steps.add(step);
  }

  /** Forgets the steps recorded so far (the warm-up). */
  void clear() {
    steps.clear();
    calls.clear();
    timings.take();
  }

  /** How often each phase inside the backward strategy ran per recorded step, on average. */
  double callsPerStep(String phase) {
    return steps.isEmpty() ? 0 : calls.getOrDefault(phase, 0L) / (double) steps.size();
  }

  /**
   * The median milliseconds of each phase over the recorded steps: the step's own phases, then the
   * inner phases as a tree (a phase before the phases inside it), siblings in first-seen order.
   */
  Map<String, Double> medians() {
    Set<String> seen = new LinkedHashSet<>();
    steps.forEach(step -> seen.addAll(step.keySet()));
    List<String> phases = new ArrayList<>();
    for (String phase : seen) {
      if (!phase.contains(" / ")) {
        phases.add(phase);
        addChildren(phase, seen, phases);
      }
    }
    for (String phase : seen) {
      if (!phases.contains(phase)) {
        phases.add(phase);
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    for (String phase : phases) {
      double[] values = new double[steps.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = steps.get(i).getOrDefault(phase, 0.0);
      }
      medians.put(phase, Statistics.median(values));
    }
    return medians;
  }

  private static void addChildren(String parent, Set<String> seen, List<String> phases) {
    String prefix = parent + " / ";
    for (String phase : seen) {
      if (phase.startsWith(prefix) && !phase.substring(prefix.length()).contains(" / ")) {
        phases.add(phase);
        addChildren(phase, seen, phases);
      }
    }
  }
}
