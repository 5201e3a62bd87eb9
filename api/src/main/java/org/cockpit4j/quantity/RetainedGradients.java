package org.cockpit4j.quantity;

/**
 * Per-sample gradients of one parameter kept beyond their layer's part of the backward pass, in
 * their compact form (for a linear weight the output gradients and the inputs, not the {@code
 * N×O×I} gradients), so that they can be projected onto a direction known only later: Alpha
 * projects the gradients of θ_k onto the update θ_{k+1} − θ_k of an optimizer other than plain SGD.
 * Close it when done.
 */
public interface RetainedGradients extends AutoCloseable {

  /** {@code ⟨G_n, d⟩} for every sample n (the scaling of {@link PerSampleGradients}). */
  double[] project(ParameterDirection direction);

  @Override
  void close();
}
