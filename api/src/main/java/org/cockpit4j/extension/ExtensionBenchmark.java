package org.cockpit4j.extension;

import java.util.Arrays;
import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.models.Model;
import org.cockpit4j.nn.models.Models;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.cockpit4j.train.PeakHeap;

/**
 * Times the backward pass with and without extensions on one cached forward pass, for the CLI and
 * for checking the overhead of each extension. Three measurements, each the median over repeated
 * backward passes of the same forward pass (every repetition in its own {@link TensorScope}, the
 * three timed interleaved):
 *
 * <ul>
 *   <li>{@code plain}: {@code model.backward(loss.backward(), false)}, the ordinary training path;
 *   <li>{@code engine}: {@link ExtendedBackward} with no extension;
 *   <li>{@code extended}: {@link ExtendedBackward} with the extensions, results discarded.
 * </ul>
 *
 * Peak heap is the sum of the heap pools' peak usage during three further repetitions of one pass
 * (after a garbage collection and a peak reset), an upper bound of what the pass holds at once.
 */
public final class ExtensionBenchmark {

  /**
   * One measurement.
   *
   * @param label what was timed
   * @param medianMillis median wall time of one backward pass
   * @param minimumMillis fastest pass
   * @param peakHeapBytes peak heap during the repetitions
   */
  public record Measurement(
      String label, double medianMillis, double minimumMillis, long peakHeapBytes) {
    @Override
    public String toString() {
      return String.format(
          "%s: median %.2f ms (min %.2f ms), peak heap %.1f MiB",
          label, medianMillis, minimumMillis, peakHeapBytes / (1024.0 * 1024.0));
    }
  }

  /**
   * The three measurements for one extension set.
   *
   * @param extensions the extensions timed
   * @param plain the ordinary backward pass
   * @param engine the engine without extensions
   * @param extended the engine with the extensions
   */
  public record Report(
      ExtensionSet extensions, Measurement plain, Measurement engine, Measurement extended) {

    /** Median of the extended pass over the median of the plain pass. */
    public double ratioToPlain() {
      return extended.medianMillis() / plain.medianMillis();
    }

    /** Median of the extended pass over the median of the engine without extensions. */
    public double ratioToEngine() {
      return extended.medianMillis() / engine.medianMillis();
    }

    @Override
    public String toString() {
      return String.format(
          "[%s] %s | %s | %s | ratio %.2f× plain, %.2f× engine",
          extensions, plain, engine, extended, ratioToPlain(), ratioToEngine());
    }
  }

  private ExtensionBenchmark() {}

  /**
   * Measures on the forward pass that {@code loss} holds (run the model's forward pass and the
   * loss's first). The three passes are timed interleaved, one of each per round in a rotating
   * order, so that a change in machine load during the measurement affects all three alike and the
   * ratios stay meaningful on a shared machine; peak heap is measured afterwards, per pass.
   */
  public static Report run(
      Layer model, Loss loss, ExtensionSet extensions, RuleSet rules, int warmup, int repetitions) {
    ExtendedBackward engine = ExtendedBackward.builder(model).rules(rules).build();
    engine.validate(extensions);
    List<String> labels =
        List.of("plain backward", "engine, no extension", "engine, " + extensions);
    List<Runnable> passes =
        List.of(
            () -> model.backward(loss.backward(), false),
            () -> engine.backward(loss),
            () -> engine.backward(loss, extensions, ExtensionConsumer.discarding()));
    for (int i = 0; i < warmup; i++) {
      passes.forEach(ExtensionBenchmark::runScoped);
    }
    double[][] millis = new double[passes.size()][repetitions];
    for (int round = 0; round < repetitions; round++) {
      for (int offset = 0; offset < passes.size(); offset++) {
        int pass = (round + offset) % passes.size();
        long start = System.nanoTime();
        runScoped(passes.get(pass));
        millis[pass][round] = (System.nanoTime() - start) / 1e6;
      }
    }
    Measurement[] measurements = new Measurement[passes.size()];
    for (int pass = 0; pass < passes.size(); pass++) {
      PeakHeap heap = PeakHeap.start();
      for (int i = 0; i < Math.min(3, repetitions); i++) {
        runScoped(passes.get(pass));
      }
      measurements[pass] =
          new Measurement(
              labels.get(pass), median(millis[pass]), minimum(millis[pass]), heap.bytes());
    }
    return new Report(extensions, measurements[0], measurements[1], measurements[2]);
  }

  /**
   * Builds the DeepOBS model {@code modelName} ({@link Models}) on {@code backend}, runs one
   * forward pass on a random batch (standard normal inputs, uniform labels, cross-entropy) and
   * measures {@code extensions} on it.
   */
  public static Report runModel(
      Backend backend,
      String modelName,
      DType dtype,
      int batchSize,
      ExtensionSet extensions,
      int warmup,
      int repetitions) {
    Model model = Models.build(modelName, dtype, backend, 0);
    int classes = model.outputShape().sizeAsInt();
    try (TensorScope scope = TensorScope.open()) {
      Tensor inputs = backend.randomNormal(model.inputShape().prepend(batchSize), dtype, 1, 0);
      double[] labels = new double[batchSize];
      for (int n = 0; n < batchSize; n++) {
        labels[n] = Math.min(classes - 1, Math.floor(CounterRandom.uniform(2, n) * classes));
      }
      Loss loss = new CrossEntropyLoss();
      loss.forward(
          model.network().forward(inputs), backend.fromArray(labels, Shape.of(batchSize), dtype));
      return run(model.network(), loss, extensions, RuleSet.builtIn(), warmup, repetitions);
    }
  }

  private static void runScoped(Runnable backwardPass) {
    try (TensorScope scope = TensorScope.open()) {
      backwardPass.run();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int count = sorted.length;
    return count % 2 == 1 ? sorted[count / 2] : 0.5 * (sorted[count / 2 - 1] + sorted[count / 2]);
  }

  private static double minimum(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }
}
