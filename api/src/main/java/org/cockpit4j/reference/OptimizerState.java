package org.cockpit4j.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code steps[k].optimizer_state_after_update} (Adam cases): the optimizer state right after the
 * update θ_k → θ_{k+1}.
 *
 * @param step the optimizer's step counter (k + 1)
 * @param buffers per-parameter state tensors by key ({@code exp_avg}, {@code exp_avg_sq}), in file
 *     order
 */
public record OptimizerState(long step, Map<String, List<TensorData>> buffers) {

  /** Copies the map (read-only). */
  public OptimizerState {
    Map<String, List<TensorData>> copy = new LinkedHashMap<>();
    buffers.forEach((key, value) -> copy.put(key, List.copyOf(value)));
    buffers = Collections.unmodifiableMap(copy);
  }

  /** Adam's first moments m (per parameter), or null when absent. */
  public List<TensorData> expAvg() {
    return buffers.get("exp_avg");
  }

  /** Adam's second moments v (per parameter), or null when absent. */
  public List<TensorData> expAvgSq() {
    return buffers.get("exp_avg_sq");
  }
}
