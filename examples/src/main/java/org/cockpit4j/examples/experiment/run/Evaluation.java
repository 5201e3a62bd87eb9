package org.cockpit4j.examples.experiment.run;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.data.Batch;
import org.cockpit4j.data.BatchIterator;
import org.cockpit4j.data.Dataset;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Mean loss and accuracy of a classifier over a whole dataset (forward passes only).
 *
 * @param loss mean loss over all samples
 * @param accuracy fraction of samples whose largest logit is the true class
 * @param samples number of samples evaluated
 */
public record Evaluation(double loss, double accuracy, int samples) {

  /**
   * Evaluates {@code model} on every sample of {@code data}, in batches of {@code batchSize}; the
   * accuracy only for a {@code classification} (NaN otherwise).
   */
  public static Evaluation of(
      Layer model,
      Loss loss,
      Dataset data,
      Backend backend,
      DType dtype,
      int batchSize,
      boolean classification) {
    BatchIterator batches =
        BatchIterator.over(data)
            .batchSize(batchSize)
            .backend(backend)
            .dtype(dtype)
            .shuffle(false)
            .dropLast(false)
            .build();
    double lossSum = 0;
    long correct = 0;
    int samples = 0;
    while (batches.hasNext()) {
      try (TensorScope scope = TensorScope.open()) {
        Batch batch = batches.next();
        Tensor outputs = model.forward(batch.inputs());
        int size = batch.size();
        lossSum += loss.forward(outputs, batch.targets()).value() * size;
        if (classification) {
          double[] predicted = backend.argMax(outputs, 1).toDoubleArray();
          double[] labels = batch.targets().toDoubleArray();
          for (int i = 0; i < size; i++) {
            if (predicted[i] == labels[i]) {
              correct++;
            }
          }
        }
        samples += size;
      }
    }
    return new Evaluation(
        lossSum / samples, classification ? (double) correct / samples : Double.NaN, samples);
  }
}
