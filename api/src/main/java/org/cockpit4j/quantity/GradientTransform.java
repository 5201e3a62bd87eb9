package org.cockpit4j.quantity;

/**
 * A computation on the per-sample gradients of one parameter, run by the Cockpit while the backward
 * pass is at that parameter's layer (the original's {@code BatchGradTransformsHook} transforms):
 * the per-sample gradients exist only then, so a transform reduces them to something small (a
 * histogram, a projection, a maximum). The results reach the quantity through {@link
 * TrackedStep#transformResults}, one per parameter.
 *
 * <p>Transforms are compared by identity: a quantity keeps its transform instances and asks for
 * them in {@link Needs}.
 *
 * @param <R> the per-parameter result
 */
@FunctionalInterface
public interface GradientTransform<R> {

  /**
   * The result for one parameter. {@code gradients} is valid only during the call; copy or detach
   * what must outlive it.
   */
  R apply(PerSampleGradients gradients);
}
