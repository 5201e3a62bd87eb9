package org.cockpit4j.train;

/**
 * Code that runs inside every training step of a {@link Trainer}, in the order the hooks were
 * added: {@link #afterBackward} once the gradients of θ_k are set and before the optimizer updates
 * the parameters (where the Cockpit attaches), {@link #afterStep} right after the update.
 * Temporaries a hook creates belong to the step's tensor scope and are freed at the end of the
 * step.
 */
public interface StepHook {

  /** Called after the backward pass of step k, before the optimizer step. */
  default void afterBackward(StepContext context) {}

  /** Called after the optimizer step of step k (the parameters now hold θ_{k+1}). */
  default void afterStep(StepContext context) {}
}
