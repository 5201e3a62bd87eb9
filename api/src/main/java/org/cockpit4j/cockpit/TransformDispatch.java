package org.cockpit4j.cockpit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.extension.PhaseTimings;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.quantity.GradientTransform;
import org.cockpit4j.quantity.PerSampleGradients;

/**
 * Runs the transforms of the current tracked step on each parameter's per-sample gradients and
 * keeps their results by parameter. Rules of {@link PerSampleTransforms} call {@link #run}; the
 * Cockpit prepares and reads it. Compared by identity.
 */
public final class TransformDispatch {
  private final Map<Parameter, Integer> indices = new IdentityHashMap<>();
  private List<GradientTransform<?>> transforms = List.of();
  private final Map<GradientTransform<?>, Object[]> results = new IdentityHashMap<>();
  private final Map<GradientTransform<?>, String> phases = new IdentityHashMap<>();
  private PhaseTimings timings;

  TransformDispatch(List<Parameter> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      indices.put(parameters.get(i), i);
    }
  }

  /** Times each transform from now on (null: stop). */
  void setTimings(PhaseTimings phaseTimings) {
    this.timings = phaseTimings;
  }

  /** Prepares a step with {@code stepTransforms}; forgets the previous step's results. */
  void begin(List<GradientTransform<?>> stepTransforms) {
    begin(stepTransforms, Map.of());
  }

  /**
   * Prepares a step with {@code stepTransforms}, timed under the names of the quantities in {@code
   * owners}; forgets the previous step's results.
   */
  void begin(List<GradientTransform<?>> stepTransforms, Map<GradientTransform<?>, String> owners) {
    transforms = List.copyOf(stepTransforms);
    results.clear();
    phases.clear();
    for (GradientTransform<?> transform : transforms) {
      phases.put(
          transform,
          "backward / rule "
              + PerSampleTransforms.NAME
              + " / transform "
              + owners.getOrDefault(transform, "?"));
    }
    for (GradientTransform<?> transform : transforms) {
      results.put(transform, new Object[indices.size()]);
    }
  }

  /**
   * Runs every transform of the step on {@code gradients}; parameters the Cockpit does not track
   * are ignored.
   */
  public void run(PerSampleGradients gradients) {
    Integer index = indices.get(gradients.parameter());
    if (index == null) {
      return;
    }
    for (GradientTransform<?> transform : transforms) {
      long start = timings == null ? 0 : timings.start();
      results.get(transform)[index] = transform.apply(gradients);
      if (timings != null) {
        timings.stop(phases.get(transform), start);
      }
    }
  }

  /** The results of {@code transform} by parameter index (null where no rule delivered). */
  @SuppressWarnings("unchecked") // each slot holds what this transform returned
  <R> List<R> results(GradientTransform<R> transform) {
    Object[] slots = results.get(transform);
    if (slots == null) {
      throw new IllegalStateException(
          "The transform "
              + transform
              + " was not requested at this step; ask for it in the quantity's Needs");
    }
    List<R> list = new ArrayList<>();
    for (Object slot : slots) {
      list.add((R) slot);
    }
    return Collections.unmodifiableList(list);
  }

  /** Drops the step's transforms and results. */
  void end() {
    transforms = List.of();
    results.clear();
  }
}
