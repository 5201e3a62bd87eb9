package org.cockpit4j.examples.experiment.data;

import org.cockpit4j.data.ArrayDataset;

/**
 * The data of a run.
 *
 * @param train the training samples (batches are drawn from them; the train evaluation uses their
 *     first samples)
 * @param valid held-out samples for the validation loss and accuracy, or null when there are none
 */
public record DataSplits(ArrayDataset train, ArrayDataset valid) {

  /** Validates. */
  public DataSplits {
    if (train == null || train.size() == 0) {
      throw new IllegalArgumentException("A dataset needs at least one training sample");
    }
  }

  /** Both splits with every input value mapped to {@code scale·x + shift}. */
  public DataSplits preprocessed(double scale, double shift) {
    if (scale == 1.0 && shift == 0.0) {
      return this;
    }
    return new DataSplits(transform(train, scale, shift), transform(valid, scale, shift));
  }

  private static ArrayDataset transform(ArrayDataset data, double scale, double shift) {
    if (data == null) {
      return null;
    }
    ArrayDataset scaled = data.scaleInputs(scale);
    if (shift == 0.0) {
      return scaled;
    }
    int inputSize = data.inputSize();
    double[] inputs = new double[data.size() * inputSize];
    double[] targets = new double[data.size() * data.targetSize()];
    for (int i = 0; i < data.size(); i++) {
      scaled.copyInput(i, inputs, i * inputSize);
      scaled.copyTarget(i, targets, i * data.targetSize());
    }
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] += shift;
    }
    return ArrayDataset.adopt(
        inputs, data.inputShape(), targets, data.targetShape(), data.classes());
  }
}
