package org.cockpit4j.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer's state as plain host arrays, for checkpoints and for comparison with the reference
 * cases ({@code optimizer_state_after_update}).
 *
 * <p>Buffers carry PyTorch's state names: {@code momentum_buffer} for SGD with momentum, {@code
 * exp_avg} and {@code exp_avg_sq} for Adam. Each buffer is a list with one row-major array per
 * parameter, in the optimizer's parameter order. A buffer that does not exist yet (before the first
 * step) is simply absent from the map. The arrays are not copied: treat them as read-only.
 *
 * @param type the optimizer's {@link Optimizer#type()}
 * @param step number of steps taken ({@code state['step']})
 * @param buffers buffer name to per-parameter arrays, in insertion order
 */
public record OptimizerState(String type, int step, Map<String, List<double[]>> buffers) {

  /** Validates and freezes the map (its lists stay as given, in order). */
  public OptimizerState {
    if (step < 0) {
      throw new IllegalArgumentException("Optimizer step counter must be >= 0, got " + step);
    }
    Map<String, List<double[]>> frozen = new LinkedHashMap<>();
    buffers.forEach(
        (name, arrays) -> frozen.put(name, Collections.unmodifiableList(new ArrayList<>(arrays))));
    buffers = Collections.unmodifiableMap(frozen);
  }

  /** Whether the buffer {@code name} is present. */
  public boolean has(String name) {
    return buffers.containsKey(name);
  }

  /** The per-parameter arrays of buffer {@code name}; fails listing the present names. */
  public List<double[]> buffer(String name) {
    List<double[]> arrays = buffers.get(name);
    if (arrays == null) {
      throw new IllegalArgumentException(
          "The "
              + type
              + " optimizer state has no buffer '"
              + name
              + "'; it has "
              + buffers.keySet());
    }
    return arrays;
  }
}
