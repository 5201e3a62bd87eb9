package org.cockpit4j.nn;

import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * A trainable tensor with its gradient. The value is replaced (not mutated) by optimizers; the
 * previous value is closed. Names follow PyTorch's {@code model.parameters()} naming, e.g. {@code
 * 0.weight}, {@code 4.bias}.
 */
public final class Parameter {
  private final String name;
  private final String kind;
  private Tensor value;
  private Tensor gradient;

  /**
   * @param name PyTorch-style name ({@code <layer index>.<kind>})
   * @param kind {@code weight} or {@code bias}
   * @param value initial value; the parameter takes ownership
   */
  public Parameter(String name, String kind, Tensor value) {
    this.name = name;
    this.kind = kind;
    this.value = value;
  }

  public String name() {
    return name;
  }

  /** {@code weight} or {@code bias}. */
  public String kind() {
    return kind;
  }

  public Tensor value() {
    return value;
  }

  public Shape shape() {
    return value.shape();
  }

  public int size() {
    return value.size();
  }

  /** Replaces the value, closing the old one (unless it is the same tensor). */
  public void setValue(Tensor newValue) {
    if (!newValue.shape().equals(value.shape())) {
      throw new IllegalArgumentException(
          "Parameter "
              + name
              + " has shape "
              + value.shape()
              + "; a value of shape "
              + newValue.shape()
              + " cannot replace it");
    }
    if (newValue != value) {
      value.close();
      value = newValue;
    }
  }

  /** The gradient of the last backward pass, or null before the first one. */
  public Tensor gradient() {
    return gradient;
  }

  /** Replaces the gradient, closing the old one. */
  public void setGradient(Tensor newGradient) {
    if (newGradient != null && !newGradient.shape().equals(value.shape())) {
      throw new IllegalArgumentException(
          "Gradient of shape "
              + newGradient.shape()
              + " does not match parameter "
              + name
              + " of shape "
              + value.shape());
    }
    if (gradient != null && gradient != newGradient) {
      gradient.close();
    }
    gradient = newGradient;
  }

  @Override
  public String toString() {
    return name + value.shape();
  }
}
