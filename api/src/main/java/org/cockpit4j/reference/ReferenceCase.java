package org.cockpit4j.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.tensor.DType;

/**
 * A parsed reference case ({@code shared/reference/<case>.json}, see its {@code FORMAT.md}). Read
 * it with {@link ReferenceReader#read(Path)}.
 *
 * @param source the file it was read from (null when parsed from a tree)
 * @param formatVersion {@code format_version} (1)
 * @param name the {@code case} field (authoritative, not the file name)
 * @param description human summary
 * @param dtype computation dtype
 * @param seed case seed
 * @param model the network
 * @param loss the loss
 * @param optimizer the optimizer
 * @param batchSize N
 * @param numSteps number of training steps
 * @param parameters parameter tensors in {@code model.parameters()} order
 * @param initialParams θ_0, per parameter
 * @param finalParams θ after all steps, per parameter
 * @param cockpit the top-level {@code cockpit} meta object, raw
 * @param hessMaxEvSpread {@code hess_max_ev_power_iteration_spread_step0}, raw (may be null)
 * @param environment producer versions, raw (may be null)
 * @param steps the steps, in order of {@code global_step}
 */
public record ReferenceCase(
    Path source,
    int formatVersion,
    String name,
    String description,
    DType dtype,
    long seed,
    ModelSpec model,
    LossSpec loss,
    OptimizerSpec optimizer,
    int batchSize,
    int numSteps,
    List<ParameterSpec> parameters,
    List<TensorData> initialParams,
    List<TensorData> finalParams,
    JsonNode cockpit,
    JsonNode hessMaxEvSpread,
    JsonNode environment,
    List<ReferenceStep> steps) {

  /** Copies the lists (read-only). */
  public ReferenceCase {
    parameters = List.copyOf(parameters);
    initialParams = List.copyOf(initialParams);
    finalParams = List.copyOf(finalParams);
    steps = List.copyOf(steps);
  }

  /** D, the total number of parameter entries. */
  public int parameterCount() {
    int count = 0;
    for (ParameterSpec parameter : parameters) {
      count += parameter.numel();
    }
    return count;
  }

  /** True for a cross-entropy case (steps carry labels). */
  public boolean isClassification() {
    return loss.isCrossEntropy();
  }

  /** The main cockpit's quantity class names, in attachment order ({@code cockpit.quantities}). */
  public List<String> quantityNames() {
    List<String> names = new ArrayList<>();
    JsonNode quantities = cockpit.path("quantities");
    quantities.forEach(name -> names.add(name.asText()));
    return Collections.unmodifiableList(names);
  }

  /** {@code cockpit.refused_quantities}: quantity name → the error the original raised. */
  public Map<String, String> refusedQuantities() {
    Map<String, String> refused = new LinkedHashMap<>();
    JsonNode node = cockpit.path("refused_quantities");
    node.fieldNames().forEachRemaining(key -> refused.put(key, node.get(key).asText()));
    return Collections.unmodifiableMap(refused);
  }

  /**
   * {@code cockpit.alpha_update_direction}: {@code sgd_gradient} or {@code parameter_difference}.
   * Files written before the key existed follow the same rule, which this method applies: the SGD
   * gradient direction for zero-momentum SGD, the parameter difference otherwise.
   */
  public String alphaUpdateDirection() {
    JsonNode direction = cockpit.get("alpha_update_direction");
    if (direction != null && direction.isTextual()) {
      return direction.textValue();
    }
    return optimizer.isZeroMomentumSgd() ? "sgd_gradient" : "parameter_difference";
  }

  /** Step {@code k} (its {@code global_step} is k). */
  public ReferenceStep step(int k) {
    return steps.get(k);
  }

  @Override
  public String toString() {
    return "ReferenceCase[" + name + ", " + steps.size() + " steps, D=" + parameterCount() + "]";
  }
}
