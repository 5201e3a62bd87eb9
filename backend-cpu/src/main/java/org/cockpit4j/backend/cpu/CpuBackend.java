package org.cockpit4j.backend.cpu;

import java.util.Arrays;
import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BinaryOp;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.backend.MatMulShape;
import org.cockpit4j.backend.OperandChecks;
import org.cockpit4j.backend.ReduceOp;
import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * The pure-Java reference backend: float32 tensors are {@code float[]}, float64 tensors {@code
 * double[]}. Work is split over a fixed pool of daemon threads in a fixed partition, and every
 * result element is accumulated in an order that does not depend on the split, so results are
 * bit-identical for any thread count (they may differ between the Vector API kernels and the
 * plain-Java fallback). Matrix products use a packed, blocked Vector API kernel when {@code
 * jdk.incubator.vector} is present and a plain-Java one otherwise.
 */
public final class CpuBackend implements Backend {
  /** Elements below which an elementwise op stays on the calling thread. */
  static final int ELEMENTWISE_GRAIN = 32768;

  private final CpuThreads threads;
  private final Gemm gemm;
  private final String gemmDescription;
  private final UnaryAccelerator fastUnary;
  private final ReductionOps reductions;
  private final MovementOps movement;
  private final ConvolutionOps convolution;

  /** A backend using {@code threads} threads (the calling thread included). */
  public CpuBackend(int threads) {
    this(threads, System.getProperty("cockpit4j.cpu.gemm", "auto"));
  }

  /**
   * A backend using {@code threads} threads and the kernels {@code gemm}: {@code auto} (the Vector
   * API ones when available), or {@code scalar} (plain Java only, for testing the fallback).
   */
  public CpuBackend(int threads, String gemm) {
    if (!"auto".equals(gemm) && !"scalar".equals(gemm)) {
      throw new IllegalArgumentException(
          "cpu backend option gemm must be 'auto' or 'scalar', got '" + gemm + "'");
    }
    this.threads = new CpuThreads(threads);
    GemmFactory.Choice choice = GemmFactory.choose(this.threads, gemm);
    this.gemm = choice.gemm();
    this.gemmDescription = choice.description();
    this.fastUnary = UnaryAccelerator.load(!"scalar".equals(gemm));
    this.reductions = new ReductionOps(this, this.threads);
    this.movement = new MovementOps(this, this.threads);
    this.convolution = new ConvolutionOps(this, this.threads, this.gemm);
  }

  /** A backend using one thread per available processor. */
  public CpuBackend() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** Number of threads this backend computes with. */
  public int threads() {
    return threads.threads();
  }

  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public String deviceDescription() {
    return "Java "
        + Runtime.version()
        + " on "
        + System.getProperty("os.arch")
        + ", "
        + threads.threads()
        + " thread(s), GEMM: "
        + gemmDescription;
  }

  @Override
  public boolean supports(DType dtype) {
    return dtype == DType.FLOAT32 || dtype == DType.FLOAT64;
  }

  // ---- creation and transfer ------------------------------------------------------------------

  /** Wraps an array this backend allocated and nobody else holds. */
  Tensor wrapFloats(float[] data, Shape shape) {
    return wrap(CpuStorage.owned(data), shape, DType.FLOAT32);
  }

  /** Wraps an array this backend allocated and nobody else holds. */
  Tensor wrapDoubles(double[] data, Shape shape) {
    return wrap(CpuStorage.owned(data), shape, DType.FLOAT64);
  }

  Tensor wrapArray(Object data, Shape shape) {
    return data instanceof float[] f ? wrapFloats(f, shape) : wrapDoubles((double[]) data, shape);
  }

  /** An array for a result whose every element the caller writes (possibly recycled). */
  static Object allocate(DType dtype, int size) {
    return ArrayPool.array(dtype == DType.FLOAT32, size);
  }

  private static void checkLength(int length, Shape shape) {
    if (length != shape.size()) {
      throw new IllegalArgumentException(
          "Data of length " + length + " does not fill shape " + shape + " (" + shape.size() + ")");
    }
  }

  @Override
  public Tensor fromArray(double[] data, Shape shape, DType dtype) {
    checkLength(data.length, shape);
    if (dtype == DType.FLOAT64) {
      return wrapDoubles(data.clone(), shape);
    }
    float[] floats = new float[data.length];
    for (int i = 0; i < data.length; i++) {
      floats[i] = (float) data[i];
    }
    return wrapFloats(floats, shape);
  }

  @Override
  public Tensor fromArray(float[] data, Shape shape) {
    checkLength(data.length, shape);
    return wrapFloats(data.clone(), shape);
  }

  @Override
  public Tensor full(Shape shape, DType dtype, double value) {
    int size = shape.sizeAsInt();
    if (dtype == DType.FLOAT32) {
      float[] data = ArrayPool.floats(size);
      Arrays.fill(data, (float) value);
      return wrapFloats(data, shape);
    }
    double[] data = ArrayPool.doubles(size);
    Arrays.fill(data, value);
    return wrapDoubles(data, shape);
  }

  @Override
  public double[] toDoubleArray(Tensor tensor) {
    Object data = CpuStorage.array(tensor);
    if (data instanceof double[] d) {
      return d.clone();
    }
    float[] f = (float[]) data;
    double[] out = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = f[i];
    }
    return out;
  }

  @Override
  public float[] toFloatArray(Tensor tensor) {
    Object data = CpuStorage.array(tensor);
    if (data instanceof float[] f) {
      return f.clone();
    }
    double[] d = (double[]) data;
    float[] out = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (float) d[i];
    }
    return out;
  }

  @Override
  public Tensor cast(Tensor tensor, DType dtype) {
    if (dtype == tensor.dtype()) {
      return copy(tensor);
    }
    return dtype == DType.FLOAT32
        ? wrapFloats(toFloatArray(tensor), tensor.shape())
        : wrapDoubles(toDoubleArray(tensor), tensor.shape());
  }

  @Override
  public Tensor copy(Tensor tensor) {
    Object data = CpuStorage.array(tensor);
    int size = tensor.size();
    Object out = allocate(tensor.dtype(), size);
    System.arraycopy(data, 0, out, 0, size);
    return wrapArray(out, tensor.shape());
  }

  // ---- elementwise ----------------------------------------------------------------------------

  @Override
  public Tensor unary(UnaryOp op, Tensor x, double p) {
    int size = x.size();
    Object data = CpuStorage.array(x);
    boolean fast = fastUnary.handles(op);
    if (data instanceof float[] xf) {
      float[] out = ArrayPool.floats(size);
      threads.parallelFor(
          size,
          ELEMENTWISE_GRAIN,
          (c, from, to) -> {
            if (fast) {
              fastUnary.apply(op, p, xf, out, from, to);
            } else {
              UnaryKernels.apply(op, p, xf, out, from, to);
            }
          });
      return wrapFloats(out, x.shape());
    }
    double[] xd = (double[]) data;
    double[] out = ArrayPool.doubles(size);
    threads.parallelFor(
        size,
        ELEMENTWISE_GRAIN,
        (c, from, to) -> {
          if (fast) {
            fastUnary.apply(op, p, xd, out, from, to);
          } else {
            UnaryKernels.apply(op, p, xd, out, from, to);
          }
        });
    return wrapDoubles(out, x.shape());
  }

  @Override
  public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
    OperandChecks.sameDtype("binary " + op, a, b);
    Broadcast plan = Broadcast.plan(a.shape(), b.shape());
    int size = plan.outShape.sizeAsInt();
    Object out = allocate(a.dtype(), size);
    Object aData = CpuStorage.array(a);
    Object bData = CpuStorage.array(b);
    if (size == 0) {
      return wrapArray(out, plan.outShape);
    }
    if (plan.rows == 1) {
      threads.parallelFor(
          plan.inner,
          ELEMENTWISE_GRAIN,
          (c, from, to) ->
              runBinary(
                  op,
                  aData,
                  from * plan.aStep,
                  plan.aStep,
                  bData,
                  from * plan.bStep,
                  plan.bStep,
                  out,
                  from,
                  to - from));
    } else {
      threads.parallelFor(
          plan.rows,
          Math.max(1, ELEMENTWISE_GRAIN / plan.inner),
          (c, from, to) -> {
            for (int row = from; row < to; row++) {
              runBinary(
                  op,
                  aData,
                  plan.rowOffset(plan.aStrides, row),
                  plan.aStep,
                  bData,
                  plan.rowOffset(plan.bStrides, row),
                  plan.bStep,
                  out,
                  row * plan.inner,
                  plan.inner);
            }
          });
    }
    return wrapArray(out, plan.outShape);
  }

  private static void runBinary(
      BinaryOp op,
      Object a,
      int ai,
      int aStep,
      Object b,
      int bi,
      int bStep,
      Object out,
      int o,
      int n) {
    if (a instanceof float[] af) {
      BinaryKernels.run(op, af, ai, aStep, (float[]) b, bi, bStep, (float[]) out, o, n);
    } else {
      BinaryKernels.run(op, (double[]) a, ai, aStep, (double[]) b, bi, bStep, (double[]) out, o, n);
    }
  }

  // ---- reductions -----------------------------------------------------------------------------

  @Override
  public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
    return reductions.reduce(op, x, axes, keepDims);
  }

  @Override
  public Tensor argMax(Tensor x, int axis) {
    return reductions.argMax(x, axis);
  }

  // ---- data movement --------------------------------------------------------------------------

  @Override
  public Tensor permute(Tensor x, int... axes) {
    return movement.permute(x, axes);
  }

  @Override
  public Tensor slice(Tensor x, int axis, int start, int end) {
    return movement.slice(x, axis, start, end);
  }

  @Override
  public Tensor concat(List<Tensor> parts, int axis) {
    return movement.concat(parts, axis);
  }

  @Override
  public Tensor gather(Tensor x, int axis, Tensor index) {
    return movement.gather(x, axis, index);
  }

  @Override
  public Tensor scatterAdd(Tensor index, Tensor source, int axis, Shape shape) {
    return movement.scatterAdd(index, source, axis, shape);
  }

  // ---- linear algebra -------------------------------------------------------------------------

  @Override
  public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    OperandChecks.sameDtype("matmul", a, b);
    MatMulShape plan = MatMulShape.of(a.shape(), b.shape(), transposeA, transposeB);
    Unfolding unfolded = CpuStorage.unfolding(b);
    if (unfolded != null
        && a.rank() == 2
        && !transposeA
        && !transposeB
        && isWhole(unfolded, b)
        && unfolded.batch >= threads.threads()
        && a.dtype() == DType.FLOAT32
        && gemm.supportsLayouts()) {
      // A convolution's forward product: unfold member by member instead of storing X.
      float[] out = ArrayPool.floats(plan.resultShape().sizeAsInt());
      UnfoldedProducts.forward(threads, gemm, CpuStorage.floats(a), plan.m(), unfolded, out);
      return wrapFloats(out, plan.resultShape());
    }
    Object out = allocate(a.dtype(), plan.resultShape().sizeAsInt());
    BatchedMatMul.run(threads, gemm, plan, CpuStorage.array(a), CpuStorage.array(b), out);
    return wrapArray(out, plan.resultShape());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Float32 batches are one product whose depth runs over every member (no per-member products
   * are stored); other cases compose {@link #matmul} and a sum.
   */
  @Override
  public Tensor matmulSum(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    OperandChecks.sameDtype("matmulSum", a, b);
    if (a.rank() != 3 || b.rank() != 3 || a.dtype() != DType.FLOAT32 || !gemm.supportsLayouts()) {
      return Backend.super.matmulSum(a, b, transposeA, transposeB);
    }
    MatMulShape plan = MatMulShape.of(a.shape(), b.shape(), transposeA, transposeB);
    Shape shape = Shape.of(plan.m(), plan.n());
    float[] out = ArrayPool.floats(shape.sizeAsInt());
    Unfolding unfolded = CpuStorage.unfolding(b);
    if (unfolded != null && !transposeA && transposeB && isWhole(unfolded, b)) {
      // A convolution's weight gradient: unfold member by member instead of reading X.
      UnfoldedProducts.weightGradient(threads, gemm, CpuStorage.floats(a), plan.m(), unfolded, out);
    } else {
      BatchedMatMul.sumOfProducts(gemm, plan, CpuStorage.floats(a), CpuStorage.floats(b), out);
    }
    return wrapFloats(out, shape);
  }

  /** Whether {@code t} is the whole float32 unfolded input {@code u} describes (not a reshape). */
  private static boolean isWhole(Unfolding u, Tensor t) {
    return t.dtype() == DType.FLOAT32
        && t.shape().equals(Shape.of(u.batch, u.rows(), u.positions))
        && u.floats();
  }

  // ---- convolution and pooling ----------------------------------------------------------------

  @Override
  public Tensor im2col(Tensor x, ConvGeometry geometry) {
    return convolution.im2col(x, geometry);
  }

  @Override
  public Tensor col2im(Tensor columns, ConvGeometry geometry, int height, int width) {
    return convolution.col2im(columns, geometry, height, width);
  }

  @Override
  public Tensor col2imOfProduct(
      Tensor weight, Tensor stack, ConvGeometry geometry, int height, int width) {
    return convolution.col2imOfProduct(weight, stack, geometry, height, width);
  }

  @Override
  public Tensor maxPoolIndices(Tensor x, ConvGeometry geometry) {
    return convolution.maxPoolIndices(x, geometry);
  }

  /** The default, unfused {@code col2imOfProduct}: a product, then {@code col2im}. */
  Tensor composedCol2imOfProduct(
      Tensor weight, Tensor stack, ConvGeometry geometry, int height, int width) {
    return Backend.super.col2imOfProduct(weight, stack, geometry, height, width);
  }

  // ---- random ---------------------------------------------------------------------------------

  @Override
  public Tensor randomUniform(Shape shape, DType dtype, long seed, long offset) {
    return random(shape, dtype, seed, offset, false);
  }

  @Override
  public Tensor randomNormal(Shape shape, DType dtype, long seed, long offset) {
    return random(shape, dtype, seed, offset, true);
  }

  private Tensor random(Shape shape, DType dtype, long seed, long offset, boolean normal) {
    int size = shape.sizeAsInt();
    Object out = allocate(dtype, size);
    threads.parallelFor(
        size,
        4096,
        (c, from, to) -> {
          for (int i = from; i < to; i++) {
            double v =
                normal
                    ? CounterRandom.normal(seed, offset + i)
                    : CounterRandom.uniform(seed, offset + i);
            if (out instanceof float[] f) {
              f[i] = (float) v;
            } else {
              ((double[]) out)[i] = v;
            }
          }
        });
    return wrapArray(out, shape);
  }

  // ---- lifetime -------------------------------------------------------------------------------

  @Override
  public void close() {
    threads.close();
  }

  @Override
  public String toString() {
    return "CpuBackend[" + deviceDescription() + "]";
  }
}
