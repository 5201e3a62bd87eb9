package org.cockpit4j.nn;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the nn contract tests: a backend supplied by the backend's test module, a {@link
 * TensorScope} around every test, and seeded float64 tensors and initializers.
 */
public abstract class NnContractBase {

  /** The backend under test; called once per test. */
  protected abstract Backend backend();

  /** The backend of the current test. */
  protected Backend backend;

  private TensorScope scope;

  @BeforeEach
  void openScope() {
    backend = backend();
    scope = TensorScope.open();
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  /** A float64 tensor of deterministic values in [-1, 1). */
  protected Tensor random(long seed, int... dims) {
    return NnTesting.randomTensor(backend, Shape.of(dims), seed);
  }

  /** A float64 tensor holding {@code data}. */
  protected Tensor tensor(double[] data, int... dims) {
    return NnTesting.tensor(backend, data, dims);
  }

  /** A float64 initializer with {@code seed}. */
  protected Initializer init(long seed) {
    return new Initializer(backend, DType.FLOAT64, seed);
  }
}
