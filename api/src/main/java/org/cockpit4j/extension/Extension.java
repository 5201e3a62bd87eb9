package org.cockpit4j.extension;

/**
 * A backprop extension: an extra result that {@link ExtendedBackward} computes for every parameter
 * during the same backward pass that computes the ordinary gradient. Built-in extensions are listed
 * in {@link Extensions} and selected per step with an {@link ExtensionSet}; results reach an {@link
 * ExtensionConsumer} layer by layer.
 *
 * <p>Implementations are values: two extensions are the same when they are {@code equals} (the
 * built-ins are records). Rules are found by {@link #name()}.
 */
public interface Extension {

  /** The name rules are registered under and users select, e.g. {@code batch_grad}. */
  String name();

  /** True for extensions that backpropagate loss-Hessian factors ({@link CurvatureExtension}). */
  default boolean isCurvature() {
    return false;
  }
}
