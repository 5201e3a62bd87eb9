package org.cockpit4j.quantity;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * The parameter values θ_k at one step, kept for a later comparison (Distance keeps θ_0, UpdateSize
 * and Alpha keep θ_k until step k + 1). Optimizers replace values rather than modify them, so a
 * snapshot is a set of views sharing the buffers: it copies nothing. Close it when done.
 */
public final class ParameterSnapshot implements AutoCloseable {
  private final List<Tensor> values;

  private ParameterSnapshot(List<Tensor> values) {
    this.values = values;
  }

  /** The current values of {@code parameters}. */
  public static ParameterSnapshot of(List<Parameter> parameters) {
    List<Tensor> values = new ArrayList<>();
    for (Parameter parameter : parameters) {
      Tensor value = parameter.value();
      values.add(TensorScope.detach(value.reshape(value.shape())));
    }
    return new ParameterSnapshot(values);
  }

  /** Writes the kept values (exact bits) as the list {@code values} of {@code state}. */
  public void saveState(StateWriter state) {
    state.emptyList("values");
    for (Tensor value : values) {
      state.addElement("values").putTensor("value", value);
    }
  }

  /**
   * A snapshot of the values {@link #saveState} wrote, on the reader's backend (owned by the
   * snapshot: close it).
   */
  public static ParameterSnapshot restore(StateReader state) {
    List<Tensor> restored = new ArrayList<>();
    for (StateReader entry : state.list("values")) {
      restored.add(entry.getTensor("value"));
    }
    return new ParameterSnapshot(restored);
  }

  /** Number of parameters. */
  public int size() {
    return values.size();
  }

  /** The kept value of parameter {@code index}. */
  public Tensor value(int index) {
    return values.get(index);
  }

  /**
   * Per parameter, ‖θ_p − θ_p(snapshot)‖₂ with the current values of {@code parameters}, from host
   * copies made once per set of values (the current values are copied once per step however many
   * snapshots compare with them).
   */
  public List<Double> distancesTo(List<Parameter> parameters) {
    checkSize(parameters);
    List<Double> distances = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      distances.add(
          Math.sqrt(HostCopies.squaredDistance(parameters.get(i).value(), values.get(i))));
    }
    return distances;
  }

  /**
   * Per parameter, the direction θ_p(now) − θ_p(snapshot) as a dense direction owned by the caller
   * (close each).
   */
  public List<ParameterDirection> differencesTo(List<Parameter> parameters) {
    checkSize(parameters);
    List<ParameterDirection> directions = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Tensor difference = parameters.get(i).value().subtract(values.get(i));
      directions.add(ParameterDirection.dense(TensorScope.detach(difference)));
    }
    return directions;
  }

  private void checkSize(List<Parameter> parameters) {
    if (parameters.size() != values.size()) {
      throw new IllegalArgumentException(
          "The snapshot holds "
              + values.size()
              + " parameters, but "
              + parameters.size()
              + " were given");
    }
  }

  @Override
  public void close() {
    for (Tensor value : values) {
      value.close();
    }
  }
}
