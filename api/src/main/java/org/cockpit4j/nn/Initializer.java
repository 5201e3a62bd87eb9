package org.cockpit4j.nn;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Creates initial parameter values like PyTorch's defaults for {@code nn.Linear} and {@code
 * nn.Conv2d}: weight and bias both {@code U(-1/√fan_in, 1/√fan_in)} (the weight's rule is {@code
 * kaiming_uniform_(a=√5)}, which reduces to this bound), where {@code fan_in} is {@code in} for a
 * linear layer and {@code in_channels*kH*kW} for a convolution.
 *
 * <p>Deterministic: all draws come from the backend's counter-based stream {@code
 * randomUniform(shape, dtype, seed, offset)} with one seed; each draw consumes the next {@code
 * shape.size()} counters, so a model built layer by layer gets the same values for the same seed on
 * every backend (up to the dtype's rounding). Not thread-safe; use one per model build.
 */
public final class Initializer {
  private final Backend backend;
  private final DType dtype;
  private final long seed;
  private long offset;
  private long derivedSeeds;

  /** An initializer drawing on {@code backend} in {@code dtype} from stream {@code seed}. */
  public Initializer(Backend backend, DType dtype, long seed) {
    if (!backend.supports(dtype)) {
      throw new IllegalArgumentException(
          "backend " + backend.name() + " does not support " + dtype + "; choose another dtype");
    }
    this.backend = backend;
    this.dtype = dtype;
    this.seed = seed;
  }

  /** The backend the parameters live on. */
  public Backend backend() {
    return backend;
  }

  /** The parameters' dtype. */
  public DType dtype() {
    return dtype;
  }

  /** The seed of the stream. */
  public long seed() {
    return seed;
  }

  /** Number of counters consumed so far. */
  public long offset() {
    return offset;
  }

  /**
   * A tensor of i.i.d. {@code U(-bound, bound)} values (outside any open {@link TensorScope}: the
   * caller, usually a {@link Parameter}, owns it).
   */
  public Tensor uniform(Shape shape, double bound) {
    if (!(bound > 0) || Double.isInfinite(bound)) {
      throw new IllegalArgumentException("uniform bound must be positive and finite, got " + bound);
    }
    long start = offset;
    offset += shape.size();
    try (TensorScope scope = TensorScope.open()) {
      Tensor unit = backend.randomUniform(shape, dtype, seed, start);
      Tensor values = unit.multiply(2 * bound).add(-bound);
      scope.keep(values);
      return values;
    }
  }

  /**
   * The PyTorch default for a parameter whose layer has {@code fanIn} inputs per output: {@code
   * U(-1/√fanIn, 1/√fanIn)}.
   */
  public Tensor fanInUniform(Shape shape, int fanIn) {
    if (fanIn <= 0) {
      throw new IllegalArgumentException("fan_in must be positive, got " + fanIn);
    }
    return uniform(shape, 1.0 / Math.sqrt(fanIn));
  }

  /**
   * A fresh seed for a layer with its own random stream (dropout), distinct for each call and
   * determined by this initializer's seed.
   */
  public long nextSeed() {
    return CounterRandom.mix(seed ^ 0x5DEECE66DL, derivedSeeds++);
  }
}
