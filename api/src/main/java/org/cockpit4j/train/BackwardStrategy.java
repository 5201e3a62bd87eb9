package org.cockpit4j.train;

/**
 * How a training step of the {@link Trainer} computes its gradients, once the loss of step k has
 * been evaluated. The default is the plain backward pass; the Cockpit supplies one that runs the
 * backprop extensions its quantities need at tracked steps, and the plain pass otherwise.
 *
 * <p>Contract: on return every parameter of {@code context.parameters()} holds the gradient of the
 * mean loss at θ_k. The context's loss holds the forward pass of this step; tensors created during
 * the call belong to the step's scope unless the strategy detaches them.
 */
@FunctionalInterface
public interface BackwardStrategy {

  /** Sets every parameter's gradient for step {@code context.globalStep()}. */
  void backward(StepContext context);

  /** The plain backward pass: {@code model.backward(loss.backward(), false)}. */
  static BackwardStrategy plain() {
    return PlainBackward.INSTANCE;
  }
}
