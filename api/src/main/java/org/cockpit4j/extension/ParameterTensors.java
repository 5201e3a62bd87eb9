package org.cockpit4j.extension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Tensor;

/**
 * One tensor per parameter (by identity), shaped like the parameter: a direction {@code v} or a
 * result such as {@code Hv}.
 */
public final class ParameterTensors {
  private final Map<Parameter, Tensor> values = new LinkedHashMap<>();

  /** An empty map. */
  public ParameterTensors() {}

  /**
   * Pairs {@code parameters} with {@code tensors} (same order), checking the shapes; the tensors
   * are not copied.
   */
  public static ParameterTensors of(List<Parameter> parameters, List<Tensor> tensors) {
    if (parameters.size() != tensors.size()) {
      throw new IllegalArgumentException(
          "expected one tensor per parameter ("
              + parameters.size()
              + " parameters), got "
              + tensors.size()
              + " tensors");
    }
    ParameterTensors result = new ParameterTensors();
    for (int i = 0; i < parameters.size(); i++) {
      result.put(parameters.get(i), tensors.get(i));
    }
    return result;
  }

  /** The tensor of {@code parameter}, or null when it has none. */
  public Tensor get(Parameter parameter) {
    return values.get(parameter);
  }

  /** Sets the tensor of {@code parameter}, checking its shape. */
  public void put(Parameter parameter, Tensor tensor) {
    if (!tensor.shape().equals(parameter.shape())) {
      throw new IllegalArgumentException(
          "parameter "
              + parameter.name()
              + " has shape "
              + parameter.shape()
              + ", got a tensor of shape "
              + tensor.shape());
    }
    values.put(parameter, tensor);
  }

  /** The tensors of {@code parameters} in that order; fails naming a missing one. */
  public List<Tensor> inOrder(List<Parameter> parameters) {
    List<Tensor> ordered = new ArrayList<>();
    for (Parameter parameter : parameters) {
      Tensor tensor = values.get(parameter);
      if (tensor == null) {
        throw new IllegalStateException("no tensor for parameter " + parameter.name());
      }
      ordered.add(tensor);
    }
    return ordered;
  }

  /** Number of parameters with a tensor. */
  public int size() {
    return values.size();
  }
}
