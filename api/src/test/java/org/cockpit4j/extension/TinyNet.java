package org.cockpit4j.extension;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.LossValue;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.tensor.Tensor;

/**
 * A tiny float64 network with a loss and one batch, for the brute-force comparisons. The
 * parameters, inputs and targets belong to the net (created outside any scope).
 *
 * @param name a readable name (test display)
 * @param model the network
 * @param loss the loss
 * @param inputs {@code [N, ...]}
 * @param targets class indices {@code [N]} or regression targets {@code [N, D]}
 * @param hasDropout whether repeated forward passes draw new masks (no finite differences then)
 */
public record TinyNet(
    String name, Sequential model, Loss loss, Tensor inputs, Tensor targets, boolean hasDropout) {

  /** The backend of the parameters. */
  public Backend backend() {
    return inputs.backend();
  }

  /** Batch size. */
  public int batchSize() {
    return inputs.dim(0);
  }

  /** Forward pass of the whole batch and the loss (inside the caller's scope). */
  public LossValue forward() {
    return loss.forward(model.forward(inputs), targets);
  }

  /** The parameters in order. */
  public List<Parameter> parameters() {
    return model.parameters();
  }

  /** Total number of parameter entries. */
  public int dimension() {
    return (int) model.parameterCount();
  }

  /** The parameter vector θ (concatenated, row-major). */
  public double[] theta() {
    return concatenate(parameterValues());
  }

  /** The parameter values, one array per parameter. */
  public List<double[]> parameterValues() {
    List<double[]> values = new ArrayList<>();
    for (Parameter parameter : parameters()) {
      values.add(parameter.value().toDoubleArray());
    }
    return values;
  }

  /** Sets θ (call with no scope open: the new values must outlive scopes). */
  public void setTheta(double[] theta) {
    List<double[]> values = new ArrayList<>();
    int offset = 0;
    for (Parameter parameter : parameters()) {
      double[] part = new double[parameter.size()];
      System.arraycopy(theta, offset, part, 0, part.length);
      offset += part.length;
      values.add(part);
    }
    model.setParameterValues(values);
  }

  /** The gradients of the last backward pass, concatenated. */
  public double[] gradient() {
    List<double[]> parts = new ArrayList<>();
    for (Parameter parameter : parameters()) {
      parts.add(parameter.gradient().toDoubleArray());
    }
    return concatenate(parts);
  }

  /** Concatenates arrays. */
  public static double[] concatenate(List<double[]> parts) {
    int total = 0;
    for (double[] part : parts) {
      total += part.length;
    }
    double[] all = new double[total];
    int offset = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, all, offset, part.length);
      offset += part.length;
    }
    return all;
  }

  @Override
  public String toString() {
    return name;
  }
}
