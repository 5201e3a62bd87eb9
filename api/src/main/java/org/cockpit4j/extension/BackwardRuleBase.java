package org.cockpit4j.extension;

import org.cockpit4j.nn.Layer;

/**
 * Holds the registry key of a {@link BackwardRule}, so that a rule class only writes {@link
 * #apply}.
 *
 * @param <L> the layer class
 */
public abstract class BackwardRuleBase<L extends Layer> implements BackwardRule<L> {
  private final String extensionName;
  private final Class<L> layerClass;

  /** A rule for ({@code extensionName}, {@code layerClass}). */
  protected BackwardRuleBase(String extensionName, Class<L> layerClass) {
    this.extensionName = extensionName;
    this.layerClass = layerClass;
  }

  @Override
  public final String extensionName() {
    return extensionName;
  }

  @Override
  public final Class<L> layerClass() {
    return layerClass;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "("
        + extensionName
        + ", "
        + layerClass.getSimpleName()
        + ")";
  }
}
