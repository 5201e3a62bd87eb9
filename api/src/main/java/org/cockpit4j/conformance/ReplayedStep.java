package org.cockpit4j.conformance;

import java.util.List;
import java.util.Map;
import org.cockpit4j.reference.HessianFacts;
import org.cockpit4j.reference.TensorData;

/**
 * What Cockpit4J computed at one step of a reference case, in the case file's terms.
 *
 * @param globalStep k
 * @param params θ_k per parameter
 * @param loss the mean loss L
 * @param individualLosses ℓ_n
 * @param outputs the network outputs
 * @param backpack BackPACK key ({@code grad}, {@code batch_grad}, ...) → per-parameter values
 * @param batchDot Σ_p ⟨G_n, G_m⟩, {@code [N, N]}
 * @param batchL2Total Σ_p ‖G_n‖², {@code [N]}
 * @param hessian facts of the exact Hessian, assembled from Hessian-vector products
 * @param optimizerState the optimizer's buffers after this step's update (name → per parameter)
 * @param optimizerStep the optimizer's step counter after the update
 */
public record ReplayedStep(
    int globalStep,
    List<TensorData> params,
    double loss,
    TensorData individualLosses,
    TensorData outputs,
    Map<String, List<TensorData>> backpack,
    TensorData batchDot,
    TensorData batchL2Total,
    HessianFacts hessian,
    Map<String, List<TensorData>> optimizerState,
    long optimizerStep) {}
