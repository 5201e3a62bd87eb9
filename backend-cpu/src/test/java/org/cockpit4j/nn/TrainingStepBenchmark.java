package org.cockpit4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;
import org.cockpit4j.nn.models.Model;
import org.cockpit4j.nn.models.Models;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Median time of one plain training step (forward, cross-entropy, backward, SGD update) of a
 * DeepOBS model in float32 on synthetic data, batch 128. Not part of the normal test run: enable
 * with {@code -Dbenchmark=true} (optionally {@code -Dbenchmark.models=mnist_mlp,fmnist_2c2d},
 * {@code -Dbenchmark.steps=40}, {@code -Dbenchmark.threads=2}). The original's numbers on the
 * reference machine: logreg 0.43 ms, mnist_mlp 23.8 ms, fmnist_2c2d 81 ms.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class TrainingStepBenchmark {
  private static final int BATCH = 128;

  @Test
  void trainingSteps() {
    String models = System.getProperty("benchmark.models", "logreg,mnist_mlp");
    int steps = Integer.getInteger("benchmark.steps", 40);
    int threads = Integer.getInteger("benchmark.threads", 2);
    try (Backend backend = new CpuBackend(threads)) {
      System.out.println(backend.deviceDescription());
      for (String name : models.split(",")) {
        System.out.println(measure(backend, name.trim(), steps));
      }
    }
  }

  private static String measure(Backend backend, String name, int steps) {
    Model model = Models.build(name, DType.FLOAT32, backend, 0);
    Sequential network = model.network();
    CrossEntropyLoss loss = new CrossEntropyLoss();
    Shape inputShape = model.inputShape().prepend(BATCH);
    Tensor input = backend.randomNormal(inputShape, DType.FLOAT32, 1, 0);
    double[] labels = new double[BATCH];
    for (int i = 0; i < BATCH; i++) {
      labels[i] = i % model.outputShape().dim(0);
    }
    Tensor targets = backend.fromArray(labels, Shape.of(BATCH), DType.FLOAT32);
    List<Double> millis = new ArrayList<>();
    double[][] phases = new double[4][steps];
    double lastLoss = Double.NaN;
    for (int step = 0; step < steps + 10; step++) {
      long start = System.nanoTime();
      long[] marks = new long[4];
      try (TensorScope scope = TensorScope.open()) {
        Tensor outputs = network.forward(input);
        marks[0] = System.nanoTime();
        lastLoss = loss.forward(outputs, targets).value();
        Tensor outputGradient = loss.backward();
        marks[1] = System.nanoTime();
        network.backward(outputGradient, false);
        marks[2] = System.nanoTime();
        for (Parameter parameter : network.parameters()) {
          Tensor updated = parameter.value().subtract(parameter.gradient().multiply(0.01));
          parameter.setValue(scope.keep(updated));
        }
        marks[3] = System.nanoTime();
      }
      long end = System.nanoTime();
      if (step >= 10) {
        millis.add((end - start) / 1e6);
        long previous = start;
        for (int phase = 0; phase < 4; phase++) {
          phases[phase][step - 10] = (marks[phase] - previous) / 1e6;
          previous = marks[phase];
        }
      }
    }
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return String.format(
        Locale.ROOT,
        "%s: median %.2f ms/step (min %.2f, max %.2f) over %d steps, final loss %.4f;"
            + " medians: forward %.2f, loss %.2f, backward %.2f, SGD update %.2f ms",
        name,
        sorted[sorted.length / 2],
        sorted[0],
        sorted[sorted.length - 1],
        sorted.length,
        lastLoss,
        median(phases[0]),
        median(phases[1]),
        median(phases[2]),
        median(phases[3]));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
