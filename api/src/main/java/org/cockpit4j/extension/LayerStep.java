package org.cockpit4j.extension;

import java.util.List;
import java.util.function.Supplier;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Tensor;

/**
 * What a {@link BackwardRule} sees of the backward pass at one layer, for one extension. The
 * layer's own {@code backward} has already run: its parameters hold their ordinary gradients.
 *
 * <p>Ownership: tensors given to {@link #emit} and {@link #addInputFactor} pass to the engine;
 * tensors the rule creates otherwise are freed when the layer is done (the engine runs the rules
 * inside a {@link org.cockpit4j.tensor.TensorScope}).
 */
public interface LayerStep {

  /** The extension being computed. */
  Extension extension();

  /** The batch size N. */
  int batchSize();

  /** {@code δ = ∂L/∂output} of this layer (includes the 1/N of the mean loss). */
  Tensor outputGradient();

  /**
   * This extension's factors at the layer's output (curvature extensions; empty for first-order
   * ones). The engine propagates them to the input with the layer's transposed Jacobian after the
   * rules ran.
   */
  List<Factor> outputFactors();

  /**
   * Adds a factor that lives in the layer's input space, such as an activation's residual {@code
   * diag(f''(x) ⊙ δ)}; it joins this extension's propagated factors below the layer.
   */
  void addInputFactor(Factor factor);

  /** Hands a result for {@code parameter} to the consumers (after all rules of the layer ran). */
  void emit(Parameter parameter, Tensor result);

  /**
   * A tensor computed at most once per layer and pass, shared by the rules of all extensions at
   * this layer (e.g. the squared input that sum_grad_squared and variance both need). Keys compare
   * with {@code equals}; see {@link SharedTerms} for the built-in ones.
   */
  Tensor shared(Object key, Supplier<Tensor> computation);
}
