package org.cockpit4j.backend.cpu;

import java.util.Arrays;
import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BinaryOp;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.backend.CounterRandom;
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
  private static final int ELEMENTWISE_GRAIN = 32768;

  private final CpuThreads threads;
  private final Gemm gemm;
  private final String gemmDescription;
  private final UnaryAccelerator fastUnary;

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
  private Tensor wrapFloats(float[] data, Shape shape) {
    return wrap(CpuStorage.owned(data), shape, DType.FLOAT32);
  }

  /** Wraps an array this backend allocated and nobody else holds. */
  private Tensor wrapDoubles(double[] data, Shape shape) {
    return wrap(CpuStorage.owned(data), shape, DType.FLOAT64);
  }

  private Tensor wrapArray(Object data, Shape shape) {
    return data instanceof float[] f ? wrapFloats(f, shape) : wrapDoubles((double[]) data, shape);
  }

  /** An array for a result whose every element the caller writes (possibly recycled). */
  private static Object allocate(DType dtype, int size) {
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
    checkSameDtype("binary " + op, a, b);
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

  private static void checkSameDtype(String what, Tensor a, Tensor b) {
    if (a.dtype() != b.dtype()) {
      throw new IllegalArgumentException(
          what
              + " needs one dtype, got "
              + a.dtype()
              + " "
              + a.shape()
              + " and "
              + b.dtype()
              + " "
              + b.shape()
              + "; cast one of them first");
    }
  }

  // ---- reductions -----------------------------------------------------------------------------

  @Override
  public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
    Shape shape = x.shape();
    int rank = shape.rank();
    int[] dims = shape.dims();
    boolean[] reduced = new boolean[rank];
    for (int axis : axes) {
      int normalized = shape.normalizeAxis(axis);
      if (reduced[normalized]) {
        throw new IllegalArgumentException(
            "Axis " + axis + " appears twice in " + Arrays.toString(axes) + " for shape " + shape);
      }
      reduced[normalized] = true;
    }
    int[] outDims;
    if (keepDims) {
      outDims = dims.clone();
      for (int i = 0; i < rank; i++) {
        if (reduced[i]) {
          outDims[i] = 1;
        }
      }
    } else {
      outDims = new int[rank - axes.length];
      int j = 0;
      for (int i = 0; i < rank; i++) {
        if (!reduced[i]) {
          outDims[j++] = dims[i];
        }
      }
    }
    Shape outShape = new Shape(outDims);
    // Plan [outer, reduced, inner] when the reduced axes (ignoring extent-1 axes) are adjacent;
    // otherwise move them to the end first.
    int first = -1;
    int last = -1;
    boolean adjacent = true;
    for (int i = 0; i < rank; i++) {
      if (dims[i] == 1 || !reduced[i]) {
        continue;
      }
      if (first < 0) {
        first = i;
      } else {
        for (int k = last + 1; k < i; k++) {
          if (!reduced[k] && dims[k] != 1) {
            adjacent = false;
          }
        }
      }
      last = i;
    }
    Object data = CpuStorage.array(x);
    int outer;
    int count;
    int inner;
    if (first < 0) {
      outer = shape.sizeAsInt();
      count = 1;
      inner = 1;
    } else if (adjacent) {
      outer = 1;
      count = 1;
      inner = 1;
      for (int i = 0; i < rank; i++) {
        if (i < first) {
          outer *= dims[i];
        } else if (i <= last) {
          count *= dims[i];
        } else {
          inner *= dims[i];
        }
      }
    } else {
      int[] order = new int[rank];
      int j = 0;
      outer = 1;
      count = 1;
      for (int i = 0; i < rank; i++) {
        if (!reduced[i]) {
          order[j++] = i;
          outer *= dims[i];
        }
      }
      for (int i = 0; i < rank; i++) {
        if (reduced[i]) {
          order[j++] = i;
          count *= dims[i];
        }
      }
      inner = 1;
      Object moved = allocate(x.dtype(), shape.sizeAsInt());
      Permutation.permute(threads, data, dims, order, moved);
      data = moved;
    }
    Object out = allocate(x.dtype(), outShape.sizeAsInt());
    int reducedCount = count;
    int outerCount = outer;
    int innerCount = inner;
    Object source = data;
    if (outer < 4 && count >= 4 * LongRowReduction.BLOCK && inner == 1) {
      // A few long rows (a full reduction): fixed blocks in parallel (whatever the thread count,
      // so that the result does not depend on it).
      for (int o = 0; o < outer; o++) {
        double value = LongRowReduction.reduce(threads, op, source, o * count, count);
        if (out instanceof float[] f) {
          f[o] = (float) value;
        } else {
          ((double[]) out)[o] = value;
        }
      }
    } else if (outer < threads.threads() && inner >= 2048) {
      // A few wide blocks (e.g. a sum over the batch axis): split the inner positions.
      threads.parallelFor(
          inner,
          Math.max(256, ELEMENTWISE_GRAIN / Math.max(1, outer * count)),
          (c, from, to) ->
              reduceRange(op, source, reducedCount, innerCount, out, 0, outerCount, from, to));
    } else {
      int grain = Math.max(1, ELEMENTWISE_GRAIN / Math.max(1, count * inner));
      threads.parallelFor(
          outer,
          grain,
          (c, from, to) ->
              reduceRange(op, source, reducedCount, innerCount, out, from, to, 0, innerCount));
    }
    return wrapArray(out, outShape);
  }

  private static void reduceRange(
      ReduceOp op,
      Object x,
      int reduced,
      int inner,
      Object out,
      int from,
      int to,
      int innerFrom,
      int innerTo) {
    if (x instanceof float[] f) {
      Reductions.reduce(op, f, reduced, inner, (float[]) out, from, to, innerFrom, innerTo);
    } else {
      Reductions.reduce(
          op, (double[]) x, reduced, inner, (double[]) out, from, to, innerFrom, innerTo);
    }
  }

  @Override
  public Tensor argMax(Tensor x, int axis) {
    Shape shape = x.shape();
    int a = shape.normalizeAxis(axis);
    int[] dims = shape.dims();
    int count = dims[a];
    if (count == 0) {
      throw new IllegalArgumentException(
          "argMax over axis " + axis + " of shape " + shape + " which is empty");
    }
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= dims[i];
    }
    int inner = shape.sizeFrom(a + 1);
    int[] outDims = new int[dims.length - 1];
    for (int i = 0, j = 0; i < dims.length; i++) {
      if (i != a) {
        outDims[j++] = dims[i];
      }
    }
    double[] values = toDoubleArrayView(x);
    Object out = allocate(x.dtype(), outer * inner);
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * count * inner + i;
        int best = 0;
        double bestValue = values[base];
        for (int r = 1; r < count; r++) {
          double v = values[base + r * inner];
          if (v > bestValue || (Double.isNaN(v) && !Double.isNaN(bestValue))) {
            best = r;
            bestValue = v;
          }
        }
        if (out instanceof float[] f) {
          f[o * inner + i] = best;
        } else {
          ((double[]) out)[o * inner + i] = best;
        }
      }
    }
    return wrapArray(out, new Shape(outDims));
  }

  /** The elements as doubles, without a copy for float64 tensors (read only). */
  private double[] toDoubleArrayView(Tensor x) {
    Object data = CpuStorage.array(x);
    return data instanceof double[] d ? d : toDoubleArray(x);
  }

  // ---- data movement --------------------------------------------------------------------------

  @Override
  public Tensor permute(Tensor x, int... axes) {
    int rank = x.rank();
    if (axes.length != rank) {
      throw new IllegalArgumentException(
          "permute of shape "
              + x.shape()
              + " needs "
              + rank
              + " axes, got "
              + Arrays.toString(axes));
    }
    int[] normalized = new int[rank];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < rank; i++) {
      int axis = x.shape().normalizeAxis(axes[i]);
      if (seen[axis]) {
        throw new IllegalArgumentException(
            "permute axes " + Arrays.toString(axes) + " repeat axis " + axes[i]);
      }
      seen[axis] = true;
      normalized[i] = axis;
    }
    int[] dims = x.shape().dims();
    Object out = allocate(x.dtype(), x.size());
    Permutation.permute(threads, CpuStorage.array(x), dims, normalized, out);
    return wrapArray(out, new Shape(Permutation.permutedDims(dims, normalized)));
  }

  @Override
  public Tensor slice(Tensor x, int axis, int start, int end) {
    Shape shape = x.shape();
    int a = shape.normalizeAxis(axis);
    int[] dims = shape.dims();
    if (start < 0 || end < start || end > dims[a]) {
      throw new IllegalArgumentException(
          "slice ["
              + start
              + ", "
              + end
              + ") is out of range for axis "
              + axis
              + " of shape "
              + shape
              + "; need 0 <= start <= end <= "
              + dims[a]);
    }
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= dims[i];
    }
    int inner = shape.sizeFrom(a + 1);
    int[] outDims = dims.clone();
    outDims[a] = end - start;
    Shape outShape = new Shape(outDims);
    Object out = allocate(x.dtype(), outShape.sizeAsInt());
    Object data = CpuStorage.array(x);
    int run = (end - start) * inner;
    for (int o = 0; o < outer; o++) {
      System.arraycopy(data, (o * dims[a] + start) * inner, out, o * run, run);
    }
    return wrapArray(out, outShape);
  }

  @Override
  public Tensor concat(List<Tensor> parts, int axis) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("concat needs at least one tensor");
    }
    Tensor first = parts.get(0);
    Shape firstShape = first.shape();
    int a = firstShape.normalizeAxis(axis);
    int[] outDims = firstShape.dims();
    int total = 0;
    for (Tensor part : parts) {
      checkSameDtype("concat", first, part);
      int[] dims = part.shape().dims();
      boolean compatible = dims.length == outDims.length;
      for (int i = 0; compatible && i < dims.length; i++) {
        compatible = i == a || dims[i] == outDims[i];
      }
      if (!compatible) {
        throw new IllegalArgumentException(
            "concat along axis "
                + axis
                + " needs equal extents on every other axis, got "
                + firstShape
                + " and "
                + part.shape());
      }
      total += dims[a];
    }
    outDims[a] = total;
    Shape outShape = new Shape(outDims);
    Object out = allocate(first.dtype(), outShape.sizeAsInt());
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= outDims[i];
    }
    int inner = firstShape.sizeFrom(a + 1);
    int outRun = total * inner;
    int position = 0;
    for (Tensor part : parts) {
      Object data = CpuStorage.array(part);
      int run = part.dim(a) * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(data, o * run, out, o * outRun + position, run);
      }
      position += run;
    }
    return wrapArray(out, outShape);
  }

  /**
   * Fails naming the first invalid index value if any kernel met one ({@code firstBad} holds its
   * flat position, or {@link Integer#MAX_VALUE}).
   */
  private static void checkIndices(
      java.util.concurrent.atomic.AtomicInteger firstBad, Tensor index, int bound, String what) {
    int position = firstBad.get();
    if (position != Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          what
              + ": index value "
              + IndexKernels.value(CpuStorage.array(index), position)
              + " at flat position "
              + position
              + " of index shape "
              + index.shape()
              + " is not an integer in [0, "
              + bound
              + ")");
    }
  }

  /** Records the flat position {@code bad} (if not -1) as a candidate for the first invalid one. */
  private static void noteBad(java.util.concurrent.atomic.AtomicInteger firstBad, int bad) {
    if (bad >= 0) {
      firstBad.accumulateAndGet(bad, Math::min);
    }
  }

  private static void checkIndexShape(String what, Shape index, Shape other, int axis) {
    boolean compatible = index.rank() == other.rank();
    for (int i = 0; compatible && i < index.rank(); i++) {
      compatible = i == axis || index.dim(i) == other.dim(i);
    }
    if (!compatible) {
      throw new IllegalArgumentException(
          what
              + ": index shape "
              + index
              + " must have the rank of "
              + other
              + " and its extents on every axis but "
              + axis);
    }
  }

  @Override
  public Tensor gather(Tensor x, int axis, Tensor index) {
    int a = x.shape().normalizeAxis(axis);
    checkIndexShape("gather", index.shape(), x.shape(), a);
    int count = x.dim(a);
    int picked = index.dim(a);
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= x.dim(i);
    }
    int inner = x.shape().sizeFrom(a + 1);
    Object data = CpuStorage.array(x);
    Object idx = CpuStorage.array(index);
    Object out = allocate(x.dtype(), index.size());
    java.util.concurrent.atomic.AtomicInteger firstBad =
        new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
    threads.parallelFor(
        outer,
        Math.max(1, ELEMENTWISE_GRAIN / Math.max(1, picked * inner)),
        (c, from, to) ->
            noteBad(
                firstBad,
                data instanceof float[] f
                    ? IndexKernels.gather(f, count, inner, idx, picked, (float[]) out, from, to)
                    : IndexKernels.gather(
                        (double[]) data, count, inner, idx, picked, (double[]) out, from, to)));
    checkIndices(firstBad, index, count, "gather along axis " + axis + " of " + x.shape());
    return wrapArray(out, index.shape());
  }

  @Override
  public Tensor scatterAdd(Tensor index, Tensor source, int axis, Shape shape) {
    if (!index.shape().equals(source.shape())) {
      throw new IllegalArgumentException(
          "scatterAdd needs index and source of one shape, got "
              + index.shape()
              + " and "
              + source.shape());
    }
    int a = shape.normalizeAxis(axis);
    checkIndexShape("scatterAdd into " + shape, index.shape(), shape, a);
    int count = shape.dim(a);
    int picked = index.dim(a);
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= shape.dim(i);
    }
    int inner = shape.sizeFrom(a + 1);
    Object data = CpuStorage.array(source);
    Object idx = CpuStorage.array(index);
    Object out = allocate(source.dtype(), shape.sizeAsInt()); // rows zeroed by the kernel
    java.util.concurrent.atomic.AtomicInteger firstBad =
        new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
    threads.parallelFor(
        outer,
        Math.max(1, ELEMENTWISE_GRAIN / Math.max(1, picked * inner)),
        (c, from, to) ->
            noteBad(
                firstBad,
                data instanceof float[] f
                    ? IndexKernels.scatterAdd(f, count, inner, idx, picked, (float[]) out, from, to)
                    : IndexKernels.scatterAdd(
                        (double[]) data, count, inner, idx, picked, (double[]) out, from, to)));
    checkIndices(firstBad, index, count, "scatterAdd along axis " + axis + " into " + shape);
    return wrapArray(out, shape);
  }

  // ---- linear algebra -------------------------------------------------------------------------

  @Override
  public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    checkSameDtype("matmul", a, b);
    MatMulPlan plan = MatMulPlan.of(a.shape(), b.shape(), transposeA, transposeB);
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
    checkSameDtype("matmulSum", a, b);
    if (a.rank() != 3 || b.rank() != 3 || a.dtype() != DType.FLOAT32 || !gemm.supportsLayouts()) {
      return Backend.super.matmulSum(a, b, transposeA, transposeB);
    }
    MatMulPlan plan = MatMulPlan.of(a.shape(), b.shape(), transposeA, transposeB);
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

  private static void checkImage(String what, Tensor x) {
    if (x.rank() != 4) {
      throw new IllegalArgumentException(
          what + " needs an NCHW tensor of rank 4, got shape " + x.shape());
    }
  }

  @Override
  public Tensor im2col(Tensor x, ConvGeometry geometry) {
    checkImage("im2col", x);
    int n = x.dim(0);
    int channels = x.dim(1);
    int height = x.dim(2);
    int width = x.dim(3);
    int ho = geometry.outputHeight(height);
    int wo = geometry.outputWidth(width);
    int window = geometry.kernelHeight() * geometry.kernelWidth();
    Shape outShape = Shape.of(n, channels * window, ho * wo);
    CpuStorage.array(x); // fails now, not later, for a freed or foreign input
    Unfolding unfolding =
        new Unfolding((CpuStorage) x.storage(), x.shape().dims(), geometry, threads);
    // Computed only when read: the convolution products unfold member by member instead.
    return wrap(CpuStorage.unfolded(unfolding), outShape, x.dtype());
  }

  @Override
  public Tensor col2im(Tensor columns, ConvGeometry geometry, int height, int width) {
    int window = geometry.kernelHeight() * geometry.kernelWidth();
    int ho = geometry.outputHeight(height);
    int wo = geometry.outputWidth(width);
    if (columns.rank() != 3 || columns.dim(1) % window != 0 || columns.dim(2) != ho * wo) {
      throw new IllegalArgumentException(
          "col2im needs columns [N, C*"
              + window
              + ", "
              + (ho * wo)
              + "] for a "
              + height
              + "x"
              + width
              + " image and "
              + geometry
              + ", got shape "
              + columns.shape());
    }
    int n = columns.dim(0);
    int channels = columns.dim(1) / window;
    Shape outShape = Shape.of(n, channels, height, width);
    Object out = allocate(columns.dtype(), outShape.sizeAsInt()); // planes zeroed below
    Object data = CpuStorage.array(columns);
    int planeIn = window * ho * wo;
    int planeOut = height * width;
    threads.parallelFor(
        n * channels,
        Math.max(1, ELEMENTWISE_GRAIN / Math.max(1, planeIn)),
        (c, from, to) -> {
          for (int plane = from; plane < to; plane++) {
            if (out instanceof float[] o) {
              Arrays.fill(o, plane * planeOut, (plane + 1) * planeOut, 0f);
            } else {
              Arrays.fill((double[]) out, plane * planeOut, (plane + 1) * planeOut, 0.0);
            }
            if (data instanceof float[] f) {
              Convolution.col2imPlane(
                  f, plane * planeIn, geometry, height, width, (float[]) out, plane * planeOut);
            } else {
              Convolution.col2imPlane(
                  (double[]) data,
                  plane * planeIn,
                  geometry,
                  height,
                  width,
                  (double[]) out,
                  plane * planeOut);
            }
          }
        });
    return wrapArray(out, outShape);
  }

  /**
   * {@inheritDoc}
   *
   * <p>For float32 stacks of at least one member per thread, each thread multiplies one member at a
   * time into a scratch that stays in cache and folds it at once; otherwise the two ops are
   * composed.
   */
  @Override
  public Tensor col2imOfProduct(
      Tensor weight, Tensor stack, ConvGeometry geometry, int height, int width) {
    checkSameDtype("col2imOfProduct", weight, stack);
    int window = geometry.kernelHeight() * geometry.kernelWidth();
    boolean fusable =
        weight.dtype() == DType.FLOAT32
            && gemm.supportsLayouts()
            && weight.rank() == 2
            && stack.rank() == 3
            && stack.dim(0) >= threads.threads()
            && stack.dim(1) == weight.dim(0)
            && weight.dim(1) % window == 0
            && stack.dim(2) == geometry.outputHeight(height) * geometry.outputWidth(width);
    if (!fusable) {
      return Backend.super.col2imOfProduct(weight, stack, geometry, height, width);
    }
    int members = stack.dim(0);
    int outChannels = weight.dim(0);
    int kernelSize = weight.dim(1);
    int positions = stack.dim(2);
    int channels = kernelSize / window;
    int plane = height * width;
    float[] w = CpuStorage.floats(weight);
    float[] s = CpuStorage.floats(stack);
    float[] out = ArrayPool.floats(members * channels * plane);
    MatrixLayout weightTransposed = MatrixLayout.operand(outChannels, kernelSize, 0, true);
    threads.parallelFor(
        members,
        1,
        (chunk, from, to) -> {
          // Two members side by side: fewer ragged column panels than one at a time.
          float[] columns = ArrayPool.floats(kernelSize * 2 * positions);
          for (int member = from; member < to; member += 2) {
            int count = Math.min(2, to - member);
            int columnCount = count * positions;
            gemm.multiply(
                weightTransposed,
                w,
                MatrixLayout.columnBatch(
                    count,
                    outChannels,
                    positions,
                    member * outChannels * positions,
                    outChannels * positions),
                s,
                MatrixLayout.dense(kernelSize, columnCount, 0),
                columns,
                false,
                false);
            for (int m = 0; m < count; m++) {
              int target = (member + m) * channels * plane;
              Arrays.fill(out, target, target + channels * plane, 0f);
              for (int c = 0; c < channels; c++) {
                Convolution.col2imPlane(
                    columns,
                    c * window * columnCount + m * positions,
                    columnCount,
                    geometry,
                    height,
                    width,
                    out,
                    target + c * plane);
              }
            }
          }
          ArrayPool.recycle(columns);
        });
    return wrapFloats(out, Shape.of(members, channels, height, width));
  }

  @Override
  public Tensor maxPoolIndices(Tensor x, ConvGeometry geometry) {
    checkImage("maxPoolIndices", x);
    int n = x.dim(0);
    int channels = x.dim(1);
    int height = x.dim(2);
    int width = x.dim(3);
    int ho = geometry.outputHeight(height);
    int wo = geometry.outputWidth(width);
    Shape outShape = Shape.of(n, channels, ho, wo);
    Object out = allocate(x.dtype(), outShape.sizeAsInt());
    Object data = CpuStorage.array(x);
    int planeIn = height * width;
    int planeOut = ho * wo;
    threads.parallelFor(
        n * channels,
        Math.max(1, ELEMENTWISE_GRAIN / Math.max(1, planeIn)),
        (c, from, to) -> {
          for (int plane = from; plane < to; plane++) {
            if (data instanceof float[] f) {
              Convolution.maxPoolPlane(
                  f, plane * planeIn, height, width, geometry, (float[]) out, plane * planeOut);
            } else {
              Convolution.maxPoolPlane(
                  (double[]) data,
                  plane * planeIn,
                  height,
                  width,
                  geometry,
                  (double[]) out,
                  plane * planeOut);
            }
          }
        });
    return wrapArray(out, outShape);
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
