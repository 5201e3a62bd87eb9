package org.cockpit4j.train;

/** The plain backward pass of a training step: no input gradient, no extension. */
enum PlainBackward implements BackwardStrategy {
  INSTANCE;

  @Override
  public void backward(StepContext context) {
    context.model().backward(context.loss().backward(), false);
  }

  @Override
  public String toString() {
    return "plain backward";
  }
}
