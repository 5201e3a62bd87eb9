package org.cockpit4j.extension;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The extensions one backward pass computes: an immutable set in insertion order, duplicates (by
 * {@code equals}) removed. The empty set selects the plain backward pass.
 */
public final class ExtensionSet implements Iterable<Extension> {
  private static final ExtensionSet NONE = new ExtensionSet(List.of());

  private final List<Extension> extensions;

  private ExtensionSet(Collection<? extends Extension> extensions) {
    this.extensions = List.copyOf(new LinkedHashSet<>(extensions));
  }

  /** No extension: the plain backward pass. */
  public static ExtensionSet none() {
    return NONE;
  }

  /** The given extensions, duplicates removed. */
  public static ExtensionSet of(Extension... extensions) {
    return new ExtensionSet(List.of(extensions));
  }

  /** The given extensions, duplicates removed. */
  public static ExtensionSet of(Collection<? extends Extension> extensions) {
    return new ExtensionSet(extensions);
  }

  /**
   * Parses a comma-separated list such as {@code batch_grad, batch_l2, diag_ggn_mc(samples=2,
   * seed=1)} (commas inside parentheses separate options); blank text gives the empty set. See
   * {@link Extensions#parse} for the names.
   */
  public static ExtensionSet parse(String text) {
    List<Extension> parsed = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ',';
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        String part = text.substring(start, i).strip();
        if (!part.isEmpty()) {
          parsed.add(Extensions.parse(part));
        }
        start = i + 1;
      }
    }
    return new ExtensionSet(parsed);
  }

  /** The extensions in order. */
  public List<Extension> asList() {
    return extensions;
  }

  /** True when no extension is selected. */
  public boolean isEmpty() {
    return extensions.isEmpty();
  }

  /** Number of extensions. */
  public int size() {
    return extensions.size();
  }

  /** Whether {@code extension} is selected. */
  public boolean contains(Extension extension) {
    return extensions.contains(extension);
  }

  /** The selected curvature extensions, in order. */
  public List<CurvatureExtension> curvature() {
    List<CurvatureExtension> result = new ArrayList<>();
    for (Extension extension : extensions) {
      if (extension instanceof CurvatureExtension curvature) {
        result.add(curvature);
      }
    }
    return result;
  }

  /** The selected first-order extensions, in order. */
  public List<Extension> firstOrder() {
    List<Extension> result = new ArrayList<>();
    for (Extension extension : extensions) {
      if (!extension.isCurvature()) {
        result.add(extension);
      }
    }
    return result;
  }

  /** A set without the given extensions. */
  public ExtensionSet without(Collection<? extends Extension> removed) {
    List<Extension> kept = new ArrayList<>(extensions);
    kept.removeAll(removed);
    return new ExtensionSet(kept);
  }

  @Override
  public Iterator<Extension> iterator() {
    return extensions.iterator();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExtensionSet set && extensions.equals(set.extensions);
  }

  @Override
  public int hashCode() {
    return extensions.hashCode();
  }

  /** The parseable text form, e.g. {@code batch_grad, diag_ggn_mc(samples=1, seed=0)}. */
  @Override
  public String toString() {
    return extensions.stream().map(Extension::toString).collect(Collectors.joining(", "));
  }
}
