package org.cockpit4j.examples.experiment.data;

import org.cockpit4j.data.ArrayDataset;

/** Cuts generated samples into a training and a validation part. */
final class Splits {
  private Splits() {}

  /** The first {@code train} samples for training, the next {@code valid} for validation. */
  static DataSplits firstAndRest(ArrayDataset all, int train, int valid) {
    ArrayDataset validation = valid == 0 ? null : all.slice(train, train + valid);
    return new DataSplits(all.slice(0, train), validation);
  }
}
