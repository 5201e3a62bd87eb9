package org.cockpit4j.extension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cockpit4j.tensor.Tensor;

/**
 * What flows down between layers: the output gradient {@code δ} and, per curvature extension, its
 * list of factors. Factor objects may be shared between extensions (the exact loss factor of
 * diag_ggn_exact and diag_h); every tensor is closed once by {@link #close}.
 */
final class BackwardState {
  private static final BackwardState EMPTY = new BackwardState(null, Map.of());

  private final Tensor delta;
  private final Map<CurvatureExtension, List<Factor>> factors;

  BackwardState(Tensor delta, Map<CurvatureExtension, List<Factor>> factors) {
    this.delta = delta;
    this.factors = factors;
  }

  /** A state carrying nothing (below the last layer that needs anything). */
  static BackwardState empty() {
    return EMPTY;
  }

  Tensor delta() {
    return delta;
  }

  Map<CurvatureExtension, List<Factor>> factors() {
    return factors;
  }

  List<Factor> factors(Extension extension) {
    List<Factor> list = factors.get(extension);
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  /** The distinct factor objects over all extensions. */
  Set<Factor> distinctFactors() {
    Set<Factor> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<Factor> list : factors.values()) {
      distinct.addAll(list);
    }
    return distinct;
  }

  /** A state of views of this one (for containers that would otherwise return their input). */
  BackwardState views() {
    Map<Factor, Factor> mapped = new IdentityHashMap<>();
    Map<CurvatureExtension, List<Factor>> viewed = new LinkedHashMap<>();
    for (Map.Entry<CurvatureExtension, List<Factor>> entry : factors.entrySet()) {
      List<Factor> list = new ArrayList<>();
      for (Factor factor : entry.getValue()) {
        list.add(
            mapped.computeIfAbsent(
                factor, f -> new Factor(f.stack().reshape(f.stack().shape()), f.sign())));
      }
      viewed.put(entry.getKey(), list);
    }
    return new BackwardState(delta == null ? null : delta.reshape(delta.shape()), viewed);
  }

  /** Closes δ and every factor stack. */
  void close() {
    if (delta != null) {
      delta.close();
    }
    for (Factor factor : distinctFactors()) {
      factor.stack().close();
    }
  }
}
