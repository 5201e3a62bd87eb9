package org.cockpit4j.quantity;

import java.util.List;
import org.cockpit4j.extension.Extension;

/**
 * What a quantity sees after the backward pass of a tracked step, before the optimizer step: the
 * step's {@link StepInfo}, the parameters' gradients at θ_k, and the results of the extensions,
 * transforms and products it asked for in {@link Needs}. Host arrays are float64 and shared: do not
 * modify them. Valid only during {@link Quantity#track}.
 */
public interface TrackedStep {

  /** The step's loss, batch size, optimizer and parameters. */
  StepInfo info();

  /** The global step k. */
  default int step() {
    return info().step();
  }

  /** The results of {@code extension}; fails when no quantity asked for it at this step. */
  ExtensionResult result(Extension extension);

  /**
   * The results of {@code transform}, one per parameter in order (null for a parameter whose layer
   * delivered none); fails when the transform was not asked for at this step.
   */
  <R> List<R> transformResults(GradientTransform<R> transform);

  /** The Hessian at θ_k; fails unless {@link Needs#hessianProducts()} was asked for. */
  HessianOperator hessian();

  /** The gradient ∇L at θ_k, flattened and concatenated in parameter order. */
  double[] gradient();

  /** Per parameter, the squared norm ‖∇_p L‖² of its gradient. */
  double[] gradientSquaredNorms();

  /** Per parameter, θ_k row-major. */
  List<double[]> parameterValues();

  /** Reports a warning through the Cockpit (each distinct message once). */
  void warn(String message);
}
