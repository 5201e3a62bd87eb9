package org.cockpit4j.cockpit;

import org.cockpit4j.extension.Extension;

/**
 * The Cockpit's own backprop extension: at every layer with parameters its rule wraps the layer's
 * per-sample gradients in a {@link org.cockpit4j.quantity.PerSampleGradients} view and runs the
 * quantities' {@link org.cockpit4j.quantity.GradientTransform}s on it through the {@link
 * TransformDispatch}. Rules exist for {@code Linear} ({@link PerSampleTransformsLinear}) and {@code
 * Conv2d} ({@link PerSampleTransformsConv2d}); a plugin layer registers a rule under {@link #NAME}
 * that builds a {@link DenseGradients} and calls {@link TransformDispatch#run}.
 *
 * <p>One instance per Cockpit, so that the engine's plans (cached per extension set) are reused
 * across steps; the dispatch holds the current step's transforms.
 *
 * @param dispatch where the rules send the views
 */
public record PerSampleTransforms(TransformDispatch dispatch) implements Extension {
  /** The extension's (and its rules') name. */
  public static final String NAME = "cockpit_per_sample";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
