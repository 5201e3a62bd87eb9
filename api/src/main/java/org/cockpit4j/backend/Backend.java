package org.cockpit4j.backend;

import java.util.List;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Storage;
import org.cockpit4j.tensor.Tensor;

/**
 * The primitive operations a compute device must offer; everything else (softmax, losses,
 * convolution, pooling, every backprop extension) is composed from these once, above the SPI.
 *
 * <p>Contract for every method: inputs belong to this backend and are contiguous row-major; the
 * result is a new tensor (inputs are never modified) with the inputs' dtype unless stated; shape
 * mismatches fail with an {@link IllegalArgumentException} naming the shapes. Results are
 * deterministic for a fixed thread count. {@code BackendContractTest} in the api test-jar is the
 * executable form of this contract.
 */
public interface Backend extends AutoCloseable {

  /** Short name used to select this backend ({@code cpu}, {@code opencl}). */
  String name();

  /** Human-readable description of the device (for provenance and {@code cockpit list}). */
  String deviceDescription();

  /** Whether tensors of {@code dtype} can be created on this device. */
  boolean supports(DType dtype);

  // ---- creation and transfer --------------------------------------------------------------

  /** A tensor holding {@code data} (row-major), converted to {@code dtype}. */
  Tensor fromArray(double[] data, Shape shape, DType dtype);

  /** A float32 tensor holding {@code data} (row-major). */
  Tensor fromArray(float[] data, Shape shape);

  /** A tensor filled with {@code value}. */
  Tensor full(Shape shape, DType dtype, double value);

  /** The elements, row-major, widened to double. */
  double[] toDoubleArray(Tensor tensor);

  /** The elements, row-major, as float (narrowed for float64). */
  float[] toFloatArray(Tensor tensor);

  /** A copy converted to {@code dtype}. */
  Tensor cast(Tensor tensor, DType dtype);

  /** A copy of the tensor. */
  Tensor copy(Tensor tensor);

  // ---- elementwise --------------------------------------------------------------------------

  /** Elementwise {@code op(x)}, with scalar parameter {@code p} where the op takes one. */
  Tensor unary(UnaryOp op, Tensor x, double p);

  /** Elementwise {@code op(a, b)} with NumPy broadcasting of the shapes. */
  Tensor binary(BinaryOp op, Tensor a, Tensor b);

  // ---- reductions ---------------------------------------------------------------------------

  /**
   * Reduces over {@code axes} (distinct, negative counts from the end; empty reduces nothing). With
   * {@code keepDims} the reduced axes stay with extent 1. Sums accumulate in at least the tensor's
   * precision in a fixed order.
   */
  Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims);

  /**
   * Index of the largest element along {@code axis} (first one on ties), as values of x's dtype.
   */
  Tensor argMax(Tensor x, int axis);

  // ---- data movement ------------------------------------------------------------------------

  /** Reorders the axes: result axis {@code i} is input axis {@code axes[i]}. */
  Tensor permute(Tensor x, int... axes);

  /** Elements {@code start..end-1} along {@code axis}. */
  Tensor slice(Tensor x, int axis, int start, int end);

  /** Concatenation along {@code axis}; all parts agree on every other axis. */
  Tensor concat(List<Tensor> parts, int axis);

  /**
   * {@code out[..., i, ...] = x[..., index[..., i, ...], ...]} along {@code axis}: {@code index}
   * has x's rank and extents except along {@code axis}, and holds integer values in x's dtype.
   */
  Tensor gather(Tensor x, int axis, Tensor index);

  /**
   * The adjoint of {@link #gather}: a zero tensor of {@code shape} to which each {@code source}
   * element is added at its {@code index} along {@code axis} (repeated indices accumulate).
   */
  Tensor scatterAdd(Tensor index, Tensor source, int axis, Shape shape);

  // ---- linear algebra -----------------------------------------------------------------------

  /**
   * Matrix product {@code op(a) op(b)} where op transposes the last two axes when asked. Operands
   * have rank 2 or 3; a rank-3 operand is a batch, and a rank-2 operand is shared by every member
   * of the other's batch. Result: {@code [M, N]} or {@code [B, M, N]}.
   */
  Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB);

  /**
   * The sum over a batch of matrix products, {@code Σ_i op(a[i]) op(b[i])}, for rank-3 operands of
   * one batch size: {@code [M, N]}. The same as summing {@link #matmul} over axis 0 (the default);
   * a backend may compute it without storing the per-member products (a convolution's weight
   * gradient).
   */
  default Tensor matmulSum(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    if (a.rank() != 3 || b.rank() != 3) {
      throw new IllegalArgumentException(
          "matmulSum needs two batches (rank 3), got " + a.shape() + " and " + b.shape());
    }
    try (Tensor products = matmul(a, b, transposeA, transposeB)) {
      return reduce(ReduceOp.SUM, products, new int[] {0}, false);
    }
  }

  // ---- convolution and pooling (NCHW) -------------------------------------------------------

  /**
   * Unfolds {@code x [N, C, H, W]} into {@code [N, C*kH*kW, Ho*Wo]}, rows ordered (c, kh, kw),
   * columns (ho, wo), zero padding (like {@code torch.nn.functional.unfold}).
   */
  Tensor im2col(Tensor x, ConvGeometry geometry);

  /**
   * The adjoint of {@link #im2col}: folds {@code [N, C*kH*kW, Ho*Wo]} back into {@code [N, C,
   * height, width]}, adding overlapping contributions.
   */
  Tensor col2im(Tensor columns, ConvGeometry geometry, int height, int width);

  /**
   * The transposed convolution {@code col2im(matmul(weight, stack, true, false), geometry, height,
   * width)} of a stack {@code [L, O, Ho*Wo]} with a weight matrix {@code [O, C*kH*kW]}: {@code [L,
   * C, height, width]}. The default composes the two ops; a backend may fuse them so that the
   * unfolded product {@code [L, C*kH*kW, Ho*Wo]} is never stored whole.
   */
  default Tensor col2imOfProduct(
      Tensor weight, Tensor stack, ConvGeometry geometry, int height, int width) {
    try (Tensor columns = matmul(weight, stack, true, false)) {
      return col2im(columns, geometry, height, width);
    }
  }

  /**
   * For each max-pooling window of {@code x [N, C, H, W]}: the flat index {@code h*W + w} of its
   * largest element (first on ties; padding never wins), shape {@code [N, C, Ho, Wo]}, integer
   * values in x's dtype. Pooling then is a gather and its backward a scatter-add.
   */
  Tensor maxPoolIndices(Tensor x, ConvGeometry geometry);

  // ---- random -------------------------------------------------------------------------------

  /** Element i is {@link CounterRandom#uniform}(seed, offset + i), rounded to dtype. */
  Tensor randomUniform(Shape shape, DType dtype, long seed, long offset);

  /** Element i is {@link CounterRandom#normal}(seed, offset + i), rounded to dtype. */
  Tensor randomNormal(Shape shape, DType dtype, long seed, long offset);

  // ---- lifetime -----------------------------------------------------------------------------

  /** Wraps a backend buffer as a tensor owned by the current {@code TensorScope}, if any. */
  default Tensor wrap(Storage storage, Shape shape, DType dtype) {
    return Tensor.wrap(this, storage, shape, dtype);
  }

  /**
   * Waits until every operation issued so far has finished on the device. Asynchronous backends
   * (OpenCL) implement it; timing code calls it before reading the clock.
   */
  default void synchronize() {}

  /** Releases device resources (compiled programs, queues, thread pools). */
  @Override
  default void close() {}
}
