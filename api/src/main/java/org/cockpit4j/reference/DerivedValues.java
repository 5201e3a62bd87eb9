package org.cockpit4j.reference;

/**
 * {@code steps[k].derived}: values the generator computed from BackPACK's {@code batch_grad}.
 *
 * @param batchDot {@code [N, N]}, {@code Σ_p ⟨G_n, G_m⟩}
 * @param batchL2Total {@code [N]}, {@code Σ_p ‖G_n‖²}
 */
public record DerivedValues(TensorData batchDot, TensorData batchL2Total) {}
