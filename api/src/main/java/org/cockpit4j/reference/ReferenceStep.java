package org.cockpit4j.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code steps}: everything evaluated at θ_k on batch k.
 *
 * @param globalStep k
 * @param inputs {@code [N, *input_shape]}
 * @param labels class indices (cross-entropy cases), else null
 * @param targets regression targets {@code [N, D]} (mse cases), else null
 * @param params θ_k, per parameter
 * @param forward the forward pass
 * @param backpack BackPACK results by key ({@code grad}, {@code batch_grad}, {@code batch_l2},
 *     {@code sum_grad_squared}, {@code variance}, {@code diag_ggn_exact}, {@code diag_h}), each per
 *     parameter, in file order
 * @param derived values derived from {@code batch_grad}
 * @param hessian exact Hessian facts
 * @param optimizerStateAfterUpdate Adam's state after the update, or null (SGD)
 * @param checks the generator's self-checks (informational), or null
 * @param rngSeedBeforeCockpitBackward PyTorch seed set before the cockpit backward, or null
 * @param cockpit {@code Cockpit.get_output()[k]} of the main cockpit, kept raw
 * @param cockpitVariants the variant cockpit's output, kept raw (may be null)
 */
public record ReferenceStep(
    int globalStep,
    TensorData inputs,
    int[] labels,
    TensorData targets,
    List<TensorData> params,
    ForwardValues forward,
    Map<String, List<TensorData>> backpack,
    DerivedValues derived,
    HessianFacts hessian,
    OptimizerState optimizerStateAfterUpdate,
    JsonNode checks,
    Long rngSeedBeforeCockpitBackward,
    JsonNode cockpit,
    JsonNode cockpitVariants) {

  /** Copies the collections (read-only). */
  public ReferenceStep {
    labels = labels == null ? null : labels.clone();
    params = List.copyOf(params);
    Map<String, List<TensorData>> copy = new LinkedHashMap<>();
    backpack.forEach((key, value) -> copy.put(key, List.copyOf(value)));
    backpack = Collections.unmodifiableMap(copy);
  }

  /** The labels (a copy), or null. */
  @Override
  public int[] labels() {
    return labels == null ? null : labels.clone();
  }

  /** Batch size N. */
  public int batchSize() {
    return inputs.shape().dim(0);
  }

  /** The BackPACK result {@code key}, failing with the keys present when it is missing. */
  public List<TensorData> backpack(String key) {
    List<TensorData> values = backpack.get(key);
    if (values == null) {
      throw new IllegalArgumentException(
          "Step "
              + globalStep
              + " has no backpack entry '"
              + key
              + "'; present: "
              + backpack.keySet());
    }
    return values;
  }
}
