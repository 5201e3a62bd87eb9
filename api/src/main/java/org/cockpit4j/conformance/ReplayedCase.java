package org.cockpit4j.conformance;

import java.util.List;
import org.cockpit4j.reference.TensorData;

/**
 * A reference case replayed by Cockpit4J.
 *
 * @param name the case name
 * @param parameterNames the model's parameter names, PyTorch style
 * @param steps each step's values, in order
 * @param finalParams θ after the last optimizer step
 */
public record ReplayedCase(
    String name,
    List<String> parameterNames,
    List<ReplayedStep> steps,
    List<TensorData> finalParams) {}
