package org.cockpit4j.extension;

import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Tensor;

/**
 * Receives extension results while the backward pass runs, layer by layer (from the last layer to
 * the first), one call per (parameter, extension).
 *
 * <p>Lifetime: {@code result} is closed as soon as the call returns. A consumer that needs it later
 * keeps a copy ({@code result.copy()}, or a host array via {@code result.toDoubleArray()}); the
 * engine has no scope of its own open during the call, so a copy belongs to the caller's innermost
 * {@link org.cockpit4j.tensor.TensorScope}, or to the consumer when none is open. Reductions such
 * as summing {@code batch_dot} over parameters are best done right in the call, so that nothing of
 * size {@code N × parameters} outlives its layer.
 */
@FunctionalInterface
public interface ExtensionConsumer {

  /**
   * One result.
   *
   * @param parameter the parameter the result belongs to
   * @param extension the extension that produced it
   * @param result the value (see {@link Scaling} for shapes and scaling); closed after the call
   */
  void accept(Parameter parameter, Extension extension, Tensor result);

  /** A consumer that ignores every result (for timing the extensions themselves). */
  static ExtensionConsumer discarding() {
    return (parameter, extension, result) -> {};
  }
}
