package org.cockpit4j.quantity;

import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * A direction in the space of one parameter, onto which per-sample gradients are projected ({@link
 * PerSampleGradients#project}). Either a dense tensor shaped like the parameter, or, for a linear
 * weight, a scaled sum of outer products {@code scale·Σ_m u_m v_mᵀ} (the form a sum of per-sample
 * linear-layer gradients has), which projects without forming the {@code [O, I]} matrix.
 *
 * <p>A direction owns its tensors: close it when it is no longer needed. Tensors handed to the
 * factories must not belong to an open {@link org.cockpit4j.tensor.TensorScope} that closes before
 * the direction is used (detach them).
 */
public sealed interface ParameterDirection extends AutoCloseable
    permits ParameterDirection.Dense, ParameterDirection.OuterProductSum {

  /** A dense direction, shaped like the parameter. */
  static ParameterDirection dense(Tensor values) {
    return new Dense(values);
  }

  /**
   * Writes {@code direction} (null allowed) into {@code state}: its form and tensors, exactly (read
   * back with {@link #restore}).
   */
  static void save(StateWriter state, ParameterDirection direction) {
    if (direction == null) {
      state.putString("form", null);
    } else if (direction instanceof Dense dense) {
      state.putString("form", "dense");
      state.putTensor("values", dense.values());
    } else {
      OuterProductSum factors = (OuterProductSum) direction;
      state.putString("form", "outer_product_sum");
      state.putTensor("left", factors.left());
      state.putTensor("right", factors.right());
      state.putDouble("scale", factors.scale());
    }
  }

  /** The direction {@link #save} wrote (null if it was null), on the reader's backend. */
  static ParameterDirection restore(StateReader state) {
    String form = state.getString("form");
    if (form == null) {
      return null;
    }
    return switch (form) {
      case "dense" -> new Dense(state.getTensor("values"));
      case "outer_product_sum" ->
          new OuterProductSum(
              state.getTensor("left"), state.getTensor("right"), state.getDouble("scale"));
      default ->
          throw state.error(
              "unknown parameter direction form '" + form + "' (dense, outer_product_sum)");
    };
  }

  /** The squared Euclidean norm. */
  double squaredNorm();

  @Override
  void close();

  /**
   * A dense direction.
   *
   * @param values shaped like the parameter
   */
  record Dense(Tensor values) implements ParameterDirection {
    @Override
    public double squaredNorm() {
      try (Tensor squares = values.sumOfSquares()) {
        return squares.item();
      }
    }

    @Override
    public void close() {
      values.close();
    }
  }

  /**
   * {@code scale·Σ_m left_m right_mᵀ}: {@code left [M, O]}, {@code right [M, I]} for a weight
   * {@code [O, I]}.
   *
   * @param left the column factors, one row per term
   * @param right the row factors, one row per term
   * @param scale a scalar factor
   */
  record OuterProductSum(Tensor left, Tensor right, double scale) implements ParameterDirection {
    /** {@code ‖Σ_m u_m v_mᵀ‖² = Σ_{m,k} (u_m·u_k)(v_m·v_k)}, times {@code scale²}. */
    @Override
    public double squaredNorm() {
      try (TensorScope scope = TensorScope.open()) {
        Tensor gram = left.matmul(left, false, true).multiply(right.matmul(right, false, true));
        return gram.sum().item() * scale * scale;
      }
    }

    /**
     * The dense {@code [O, I]} matrix (for projections of per-sample gradients without factors).
     */
    public Tensor toDense() {
      try (TensorScope scope = TensorScope.open()) {
        return scope.keep(left.matmul(right, true, false).multiply(scale));
      }
    }

    @Override
    public void close() {
      left.close();
      right.close();
    }
  }
}
