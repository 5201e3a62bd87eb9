package org.cockpit4j.quantities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.cockpit.TinyProblem;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.train.StepContext;
import org.cockpit4j.train.StepHook;
import org.cockpit4j.train.Trainer;

/**
 * A Cockpit run on {@link TinyProblem} that records θ_k of every step, and the brute-force twins of
 * the quantities' ingredients at a recorded step: per-sample gradients by a per-sample loop,
 * losses, and curvature by finite differences.
 */
final class TwinRun {
  static final Backend BACKEND = new CpuBackend(2);

  final TinyProblem problem = new TinyProblem(BACKEND, 11);
  final List<double[]> thetas = new ArrayList<>();
  final CockpitLog output;
  final Map<String, String> refused;
  final List<String> warnings = new ArrayList<>();
  final int[] sizes;

  /** Runs {@code quantities} for {@code steps} steps with the optimizer {@code optimizer}. */
  TwinRun(List<Quantity> quantities, Function<List<Parameter>, Optimizer> optimizer, int steps) {
    Sequential model = problem.model();
    sizes = model.parameters().stream().mapToInt(Parameter::size).toArray();
    try (Optimizer chosen = optimizer.apply(model.parameters());
        Cockpit cockpit =
            Cockpit.builder(model).quantities(quantities).warnings(warnings::add).build()) {
      Trainer trainer = new Trainer(model, problem.loss(), chosen);
      cockpit.attachTo(trainer);
      trainer.addHook(
          new StepHook() {
            @Override
            public void afterBackward(StepContext context) {
              thetas.add(TinyProblem.flatValues(context.parameters()));
            }
          });
      trainer.run(problem::batch, steps);
      thetas.add(TinyProblem.flatValues(model.parameters()));
      output = cockpit.output();
      refused = Map.copyOf(cockpit.refusedQuantities());
    }
  }

  /** A twin model at θ_k. */
  Sequential modelAt(int step) {
    Sequential twin = problem.model();
    TinyProblem.setFlatValues(twin.parameters(), thetas.get(step));
    return twin;
  }

  /** True per-sample gradients g_n = ∇ℓ_n at θ_k on batch k, [N][D]. */
  double[][] perSample(int step) {
    return problem.perSampleGradients(modelAt(step), step);
  }

  /** True per-sample gradients at θ_{point} on batch {@code batch}. */
  double[][] perSample(int point, int batch) {
    return problem.perSampleGradients(modelAt(point), batch);
  }

  /** ḡ = mean_n g_n. */
  static double[] mean(double[][] perSample) {
    double[] mean = new double[perSample[0].length];
    for (double[] row : perSample) {
      for (int j = 0; j < mean.length; j++) {
        mean[j] += row[j] / perSample.length;
      }
    }
    return mean;
  }

  /** The start index of parameter p in the flat vector. */
  int offset(int parameter) {
    int offset = 0;
    for (int i = 0; i < parameter; i++) {
      offset += sizes[i];
    }
    return offset;
  }

  /** ‖v_p‖ per parameter. */
  List<Double> normsPerParameter(double[] vector) {
    List<Double> norms = new ArrayList<>();
    for (int p = 0; p < sizes.length; p++) {
      double sum = 0;
      for (int j = offset(p); j < offset(p) + sizes[p]; j++) {
        sum += vector[j] * vector[j];
      }
      norms.add(Math.sqrt(sum));
    }
    return norms;
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  static double[] difference(double[] a, double[] b) {
    double[] result = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      result[i] = a[i] - b[i];
    }
    return result;
  }
}
