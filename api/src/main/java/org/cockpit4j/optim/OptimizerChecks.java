package org.cockpit4j.optim;

import java.util.Set;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Tensor;

/** Precondition checks shared by the optimizers. */
final class OptimizerChecks {
  private OptimizerChecks() {}

  /** The parameter's gradient; fails naming the parameter when there is none. */
  static Tensor requireGradient(Parameter parameter, String optimizerType) {
    Tensor gradient = parameter.gradient();
    if (gradient == null) {
      throw new IllegalStateException(
          "Parameter "
              + parameter.name()
              + " of shape "
              + parameter.shape()
              + " has no gradient; run the backward pass before the "
              + optimizerType
              + " step (or leave the parameter out of the optimizer)");
    }
    return gradient;
  }

  /** Checks the state's type and that it names only known buffers. */
  static void checkState(OptimizerState state, String type, Set<String> knownBuffers) {
    if (!type.equals(state.type())) {
      throw new IllegalArgumentException(
          "Cannot load the state of a '"
              + state.type()
              + "' optimizer into a '"
              + type
              + "' optimizer");
    }
    for (String name : state.buffers().keySet()) {
      if (!knownBuffers.contains(name)) {
        throw new IllegalArgumentException(
            "Unknown buffer '"
                + name
                + "' in the state of a '"
                + type
                + "' optimizer; known buffers: "
                + knownBuffers);
      }
    }
  }

  /** Checks that {@code value} is a finite number at least {@code minimum}. */
  static double atLeast(String name, double value, double minimum) {
    if (!(value >= minimum) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "Invalid " + name + " " + value + ": it must be a finite number >= " + minimum);
    }
    return value;
  }
}
