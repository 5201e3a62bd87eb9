package org.cockpit4j.examples.experiment.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.tensor.DType;

/**
 * The loss (and, for classification, the accuracy) of the model on fixed subsets of the training
 * and validation data, with forward passes only and the model in evaluation mode. The values get
 * the original's log keys: {@code train_loss}, {@code valid_loss}, {@code train_accuracy}, {@code
 * valid_accuracy}.
 */
final class Evaluator {
  private final Layer model;
  private final Loss loss;
  private final ArrayDataset train;
  private final ArrayDataset valid;
  private final Backend backend;
  private final DType dtype;
  private final int batchSize;

  Evaluator(
      Layer model,
      Loss loss,
      ArrayDataset train,
      ArrayDataset valid,
      Backend backend,
      DType dtype,
      int batchSize) {
    this.model = model;
    this.loss = loss;
    this.train = train;
    this.valid = valid;
    this.backend = backend;
    this.dtype = dtype;
    this.batchSize = batchSize;
  }

  /** The evaluation of the current parameters, by log key. */
  Map<String, Double> evaluate() {
    Map<String, Double> values = new LinkedHashMap<>();
    model.setTraining(false);
    try {
      measure(train, "train", values);
      if (valid != null) {
        measure(valid, "valid", values);
      }
    } finally {
      model.setTraining(true);
    }
    return values;
  }

  private void measure(ArrayDataset data, String prefix, Map<String, Double> values) {
    boolean classification = data.isClassification();
    Evaluation evaluation =
        Evaluation.of(model, loss, data, backend, dtype, batchSize, classification);
    values.put(prefix + "_loss", evaluation.loss());
    if (classification) {
      values.put(prefix + "_accuracy", evaluation.accuracy());
    }
  }
}
