package org.cockpit4j.optim;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * One named per-parameter state buffer of an optimizer ({@code momentum_buffer}, {@code exp_avg},
 * ...): a tensor per parameter, or null before it exists. The buffer owns its tensors: setting one
 * detaches it from every open scope and closes the one it replaces.
 */
final class StateBuffer {
  private final String name;
  private final Tensor[] tensors;

  StateBuffer(String name, int parameterCount) {
    this.name = name;
    this.tensors = new Tensor[parameterCount];
  }

  String name() {
    return name;
  }

  /** The tensor of parameter {@code index}, or null. */
  Tensor get(int index) {
    return tensors[index];
  }

  /** Replaces the tensor of parameter {@code index}, taking ownership of {@code tensor}. */
  void set(int index, Tensor tensor) {
    TensorScope.detach(tensor);
    Tensor old = tensors[index];
    tensors[index] = tensor;
    if (old != null && old != tensor) {
      old.close();
    }
  }

  /** Whether no parameter has a tensor yet. */
  boolean isEmpty() {
    for (Tensor tensor : tensors) {
      if (tensor != null) {
        return false;
      }
    }
    return true;
  }

  /** The tensors copied to the host (null where there is none). */
  List<double[]> toHost() {
    List<double[]> arrays = new ArrayList<>(tensors.length);
    for (Tensor tensor : tensors) {
      arrays.add(tensor == null ? null : tensor.toDoubleArray());
    }
    return arrays;
  }

  /**
   * Replaces every tensor with one made from {@code arrays} on its parameter's backend and dtype (a
   * null array clears that entry). Fails naming the parameter when a size does not match.
   */
  void load(List<double[]> arrays, List<Parameter> parameters) {
    if (arrays.size() != parameters.size()) {
      throw new IllegalArgumentException(
          "Optimizer buffer '"
              + name
              + "' has "
              + arrays.size()
              + " entries but the optimizer has "
              + parameters.size()
              + " parameters");
    }
    for (int i = 0; i < arrays.size(); i++) {
      double[] data = arrays.get(i);
      Parameter parameter = parameters.get(i);
      if (data != null && data.length != parameter.size()) {
        throw new IllegalArgumentException(
            "Optimizer buffer '"
                + name
                + "' has "
                + data.length
                + " values for parameter "
                + parameter.name()
                + " of shape "
                + parameter.shape()
                + " ("
                + parameter.size()
                + " values)");
      }
    }
    for (int i = 0; i < arrays.size(); i++) {
      double[] data = arrays.get(i);
      if (data == null) {
        clear(i);
      } else {
        Tensor value = parameters.get(i).value();
        set(i, value.backend().fromArray(data, value.shape(), value.dtype()));
      }
    }
  }

  private void clear(int index) {
    if (tensors[index] != null) {
      tensors[index].close();
      tensors[index] = null;
    }
  }

  /** Closes every tensor. */
  void clear() {
    for (int i = 0; i < tensors.length; i++) {
      clear(i);
    }
  }
}
