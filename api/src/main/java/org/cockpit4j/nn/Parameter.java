package org.cockpit4j.nn;

import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * A trainable tensor with its gradient. The value is replaced (not mutated) by optimizers; the
 * previous value is closed. Names follow PyTorch's {@code model.parameters()} naming, e.g. {@code
 * 0.weight}, {@code 4.bias}.
 *
 * <p>A layer creates its parameters named by their kind ({@code weight}, {@code bias}); each
 * container that adopts the layer prepends its path segment with {@link #prependToName} ({@code
 * Sequential} the layer index and a dot, {@code Residual} {@code inner.}), so that the names of a
 * finished model are the full PyTorch paths such as {@code 2.inner.0.weight}.
 */
public final class Parameter {
  private String name;
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

  /** The full PyTorch-style name, e.g. {@code 3.weight}. */
  public String name() {
    return name;
  }

  /**
   * Prepends a container's path segment to the name ({@code "2."} turns {@code weight} into {@code
   * 2.weight}). Called by containers when they adopt a layer; not for general use.
   */
  public void prependToName(String prefix) {
    name = prefix + name;
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

  /**
   * Replaces the value by {@code values} (row-major, PyTorch layout) on the same backend and with
   * the same dtype, closing the old value.
   */
  public void setValues(double[] values) {
    if (values.length != value.size()) {
      throw new IllegalArgumentException(
          "Parameter "
              + name
              + " of shape "
              + value.shape()
              + " needs "
              + value.size()
              + " values, got "
              + values.length);
    }
    setValue(value.backend().fromArray(values, value.shape(), value.dtype()));
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
