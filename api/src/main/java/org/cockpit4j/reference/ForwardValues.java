package org.cockpit4j.reference;

/**
 * {@code steps[k].forward}: the forward pass at θ_k.
 *
 * @param loss the mean loss L
 * @param individualLosses ℓ_n, shape {@code [N]}
 * @param outputs network outputs (logits), shape {@code [N, C]}
 */
public record ForwardValues(double loss, TensorData individualLosses, TensorData outputs) {}
