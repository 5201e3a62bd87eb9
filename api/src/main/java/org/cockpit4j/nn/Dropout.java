package org.cockpit4j.nn;

import java.util.List;
import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Inverted dropout like {@code torch.nn.Dropout(p)}: in training mode each element is kept with
 * probability {@code 1−p} and scaled by {@code 1/(1−p)}, else zeroed; in evaluation mode (or with
 * {@code p = 0}) the layer is the identity.
 *
 * <p>Randomness: the k-th training forward pass (k = 0, 1, ...) draws {@code u =
 * randomUniform(shape, dtype, mix(seed, k), 0)} and keeps the elements with {@code u > p}, so runs
 * are reproducible on every backend. The scaled mask ({@link #mask}) is kept for backward.
 */
public final class Dropout implements Layer {
  private final double probability;
  private final long seed;
  private long forwardCount;
  private boolean training = true;
  private Tensor mask;
  private Shape lastOutputShape;

  /**
   * @param probability the drop probability p in [0, 1)
   * @param seed the seed of this layer's random stream
   */
  public Dropout(double probability, long seed) {
    if (!(probability >= 0 && probability < 1)) {
      throw new IllegalArgumentException(
          "dropout probability must be in [0, 1), got " + probability);
    }
    this.probability = probability;
    this.seed = seed;
  }

  @Override
  public String type() {
    return "dropout";
  }

  /** The drop probability p. */
  public double probability() {
    return probability;
  }

  /** Number of training forward passes so far (the counter that selects the random stream). */
  public long forwardCount() {
    return forwardCount;
  }

  public boolean isTraining() {
    return training;
  }

  @Override
  public void setTraining(boolean training) {
    this.training = training;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public Shape outputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public Tensor forward(Tensor input) {
    LayerState.perSampleShape(input, type());
    lastOutputShape = input.shape();
    if (!training || probability == 0) {
      mask = null;
      return input.reshape(input.shape());
    }
    long streamSeed = CounterRandom.mix(seed, forwardCount++);
    try (TensorScope scope = TensorScope.open()) {
      Tensor uniform = input.backend().randomUniform(input.shape(), input.dtype(), streamSeed, 0);
      Tensor scaledMask =
          uniform.unary(UnaryOp.GREATER_SCALAR, probability).multiply(1.0 / (1.0 - probability));
      mask = scope.keep(scaledMask);
      return scope.keep(input.multiply(scaledMask));
    }
  }

  @Override
  public Tensor backward(Tensor outputGradient, boolean inputGradientNeeded) {
    LayerState.requireCached(lastOutputShape, type(), "output");
    LayerState.requireGradientShape(outputGradient, lastOutputShape, type());
    return inputGradientNeeded ? inputJacobianTransposeProduct(outputGradient) : null;
  }

  /** {@code S ⊙ mask} broadcast over leading axes, or {@code S} itself when no mask was applied. */
  @Override
  public Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack) {
    LayerState.requireCached(lastOutputShape, type(), "output");
    return mask == null
        ? outputSpaceStack.reshape(outputSpaceStack.shape())
        : outputSpaceStack.multiply(mask);
  }

  /** The number of training forward passes, which selects the next random stream. */
  @Override
  public void saveState(StateWriter state) {
    state.putLong("forward_count", forwardCount);
    state.putLong("seed", seed);
  }

  @Override
  public void restoreState(StateReader state) {
    long savedSeed = state.getLong("seed");
    if (savedSeed != seed) {
      throw state.error("the saved dropout layer has seed " + savedSeed + ", this one " + seed);
    }
    long count = state.getLong("forward_count");
    if (count < 0) {
      throw state.error("negative dropout forward count " + count);
    }
    forwardCount = count;
  }

  /**
   * The scaled keep-mask ({@code 0} or {@code 1/(1−p)}) of the last forward pass, or null when that
   * pass was the identity (evaluation mode or p = 0).
   */
  public Tensor mask() {
    return mask;
  }
}
