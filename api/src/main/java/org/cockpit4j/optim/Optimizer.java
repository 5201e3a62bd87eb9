package org.cockpit4j.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.checkpoint.Checkpointable;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.nn.Parameter;

/**
 * Updates a fixed list of parameters from their gradients, one {@link #step()} per training step,
 * exactly as the PyTorch 1.13 optimizer of the same name (single-tensor path, one parameter group).
 *
 * <p>Ownership: {@link #step()} replaces each parameter's value with {@link Parameter#setValue}
 * (the old value is closed) and keeps its own state tensors (momentum buffers, moments). Both are
 * detached from every open {@link org.cockpit4j.tensor.TensorScope}, so {@code step()} may be
 * called inside a scope; temporaries of the update are freed before it returns. Closing the
 * optimizer frees its state, never the parameters.
 *
 * <p>The update direction of a step is not reported: whoever needs {@code θ_{k+1} − θ_k} keeps
 * {@code θ_k} (for example as a view, {@code value.reshape(value.shape())}, which shares the buffer
 * without copying) and subtracts.
 *
 * <p>Checkpoints: the default {@link Checkpointable} state is {@link #exportState()} (each buffer
 * stored in its parameter's dtype, exactly) with the current learning rate, restored through {@link
 * #importState}; an optimizer with more state overrides both.
 */
public interface Optimizer extends AutoCloseable, Checkpointable {

  /** The PyTorch name of the algorithm, lower case: {@code sgd} or {@code adam}. */
  String type();

  /** The parameters this optimizer updates, in order. */
  List<Parameter> parameters();

  /**
   * Updates every parameter from its current gradient. Fails with an {@link IllegalStateException}
   * naming the parameter when one has no gradient (run backward first).
   */
  void step();

  /** The learning rate the next {@link #step()} uses. */
  double learningRate();

  /** Sets the learning rate for the following steps (a schedule calls this before each step). */
  void setLearningRate(double learningRate);

  /** Number of steps taken so far (PyTorch's {@code state['step']} for Adam). */
  int stepCount();

  /**
   * The hyper-parameters under their PyTorch names ({@code lr}, {@code momentum}, {@code betas},
   * ...), in PyTorch's order, with the current learning rate: for provenance and logs.
   */
  Map<String, Object> hyperparameters();

  /** Copies the state (step counter and per-parameter buffers) to the host. */
  OptimizerState exportState();

  /**
   * Replaces the state with {@code state} (from {@link #exportState()}, a checkpoint or a reference
   * case), creating the buffers on each parameter's backend in its dtype. Fails naming the mismatch
   * when the type, the buffer names or the per-parameter sizes do not fit.
   */
  void importState(OptimizerState state);

  /**
   * Writes the type, the learning rate, the step counter and every buffer (per parameter, in the
   * parameter's dtype: bit for bit).
   */
  @Override
  default void saveState(StateWriter state) {
    OptimizerState exported = exportState();
    state.putString("type", type());
    state.putDouble("learning_rate", learningRate());
    state.putInt("step", exported.step());
    state.putInt("parameters", parameters().size());
    StateWriter buffers = state.child("buffers");
    exported
        .buffers()
        .forEach(
            (name, arrays) -> {
              StateWriter buffer = buffers.child(name);
              for (int i = 0; i < arrays.size(); i++) {
                buffer.putDoubles(
                    String.valueOf(i), arrays.get(i), parameters().get(i).value().dtype());
              }
            });
  }

  /**
   * Restores what {@link #saveState} wrote; fails naming the mismatch when the type or the number
   * of parameters differ (sizes are checked by {@link #importState}).
   */
  @Override
  default void restoreState(StateReader state) {
    String savedType = state.getString("type");
    if (!type().equals(savedType)) {
      throw state.error("the saved optimizer is " + savedType + ", this run's is " + type());
    }
    int count = state.getInt("parameters");
    if (count != parameters().size()) {
      throw state.error(
          "the saved optimizer updates " + count + " parameters, this one " + parameters().size());
    }
    StateReader buffers = state.child("buffers");
    Map<String, List<double[]>> arrays = new LinkedHashMap<>();
    for (String name : buffers.keys()) {
      StateReader buffer = buffers.child(name);
      List<double[]> perParameter = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        perParameter.add(buffer.getDoubles(String.valueOf(i)));
      }
      arrays.put(name, perParameter);
    }
    try {
      importState(new OptimizerState(type(), state.getInt("step"), arrays));
    } catch (IllegalArgumentException e) {
      throw state.error(e.getMessage());
    }
    setLearningRate(state.getDouble("learning_rate"));
  }

  /** Drops every parameter's gradient (sets it to null, closing it). */
  default void zeroGrad() {
    for (Parameter parameter : parameters()) {
      parameter.setGradient(null);
    }
  }

  /** Frees the state tensors; the parameters are untouched. */
  @Override
  void close();
}
