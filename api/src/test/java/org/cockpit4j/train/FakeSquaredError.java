package org.cockpit4j.train;

import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.LossValue;
import org.cockpit4j.tensor.Tensor;

/**
 * A hand-written mean squared error {@code L = (1/(N·D)) Σ (f − t)²} with {@code ℓ_n = (1/D) Σ_d (f
 * − t)²} for the trainer tests.
 */
final class FakeSquaredError implements Loss {
  private Tensor difference;

  @Override
  public String type() {
    return "mse";
  }

  @Override
  public LossValue forward(Tensor outputs, Tensor targets) {
    difference = outputs.subtract(targets);
    Tensor squares = difference.square();
    int samples = outputs.dim(0);
    int outputsPerSample = outputs.dim(1);
    return new LossValue(
        squares.sum().multiply(1.0 / (samples * outputsPerSample)),
        squares.sum(1).multiply(1.0 / outputsPerSample));
  }

  @Override
  public Tensor backward() {
    return difference.multiply(2.0 / difference.size());
  }
}
