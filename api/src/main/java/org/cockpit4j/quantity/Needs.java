package org.cockpit4j.quantity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cockpit4j.extension.Extension;

/**
 * What a quantity needs from one backward pass (the original's {@code extensions(step)} and {@code
 * extension_hooks(step)} and {@code create_graph(step)}): backprop extensions, per-sample gradient
 * transforms, and access to Hessian-vector products after the pass. The Cockpit merges the needs of
 * all quantities due at a step into one backward pass. Immutable.
 *
 * <pre>{@code
 * Needs needs = Needs.builder().extension(Extensions.BATCH_L2).transform(histogram).build();
 * }</pre>
 */
public final class Needs {
  private static final Needs NONE = new Needs(Set.of(), List.of(), false);

  private final Set<Extension> extensions;
  private final List<GradientTransform<?>> transforms;
  private final boolean hessianProducts;

  private Needs(
      Set<Extension> extensions, List<GradientTransform<?>> transforms, boolean hessianProducts) {
    this.extensions = extensions;
    this.transforms = transforms;
    this.hessianProducts = hessianProducts;
  }

  /** Nothing: the quantity is a by-product of the plain backward pass. */
  public static Needs none() {
    return NONE;
  }

  /** Just the given extensions. */
  public static Needs extensions(Extension... extensions) {
    Builder builder = builder();
    for (Extension extension : extensions) {
      builder.extension(extension);
    }
    return builder.build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The backprop extensions, in insertion order without duplicates. */
  public Set<Extension> extensions() {
    return extensions;
  }

  /** The per-sample gradient transforms, in insertion order without duplicates (by identity). */
  public List<GradientTransform<?>> transforms() {
    return transforms;
  }

  /** Whether Hessian-vector products at θ_k are needed after the backward pass. */
  public boolean hessianProducts() {
    return hessianProducts;
  }

  /** True when nothing beyond the plain backward pass is needed. */
  public boolean isEmpty() {
    return extensions.isEmpty() && transforms.isEmpty() && !hessianProducts;
  }

  /** Everything this or {@code other} needs. */
  public Needs union(Needs other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Builder builder = builder();
    builder.extensions.addAll(extensions);
    builder.extensions.addAll(other.extensions);
    builder.addTransforms(transforms);
    builder.addTransforms(other.transforms);
    builder.hessianProducts = hessianProducts || other.hessianProducts;
    return builder.build();
  }

  @Override
  public String toString() {
    return "Needs[extensions="
        + extensions
        + ", transforms="
        + transforms.size()
        + ", hessianProducts="
        + hessianProducts
        + "]";
  }

  /** Collects needs. */
  public static final class Builder {
    private final Set<Extension> extensions = new LinkedHashSet<>();
    private final List<GradientTransform<?>> transforms = new ArrayList<>();
    private boolean hessianProducts;

    private Builder() {}

    /** Adds a backprop extension. */
    public Builder extension(Extension extension) {
      extensions.add(extension);
      return this;
    }

    /** Adds a per-sample gradient transform (run for every parameter during the pass). */
    public Builder transform(GradientTransform<?> transform) {
      addTransforms(List.of(transform));
      return this;
    }

    /** Asks for Hessian-vector products after the pass. */
    public Builder hessianProducts() {
      hessianProducts = true;
      return this;
    }

    /** Adds everything {@code other} needs. */
    public Builder add(Needs other) {
      extensions.addAll(other.extensions);
      addTransforms(other.transforms);
      hessianProducts |= other.hessianProducts;
      return this;
    }

    private void addTransforms(Collection<GradientTransform<?>> added) {
      for (GradientTransform<?> transform : added) {
        boolean present = false;
        for (GradientTransform<?> existing : transforms) {
          present |= existing == transform;
        }
        if (!present) {
          transforms.add(transform);
        }
      }
    }

    /** The needs. */
    public Needs build() {
      if (extensions.isEmpty() && transforms.isEmpty() && !hessianProducts) {
        return NONE;
      }
      return new Needs(
          Collections.unmodifiableSet(new LinkedHashSet<>(extensions)),
          List.copyOf(transforms),
          hessianProducts);
    }
  }
}
