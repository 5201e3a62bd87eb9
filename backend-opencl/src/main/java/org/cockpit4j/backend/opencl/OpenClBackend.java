package org.cockpit4j.backend.opencl;

import java.util.List;
import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BinaryOp;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.backend.ReduceOp;
import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.jocl.cl_mem;

/**
 * The OpenCL backend: tensors live in device buffers ({@code cl_mem}) across ops, and every op is
 * an OpenCL C kernel from the resources of this package, enqueued on one in-order queue. Only reads
 * ({@code toDoubleArray}, {@code item}), index checks of gather/scatter-add and {@link #finish()}
 * wait for the device.
 *
 * <p>float32 always; float64 where the device reports {@code cl_khr_fp64} ({@link #supports}).
 * Matrix products use a register-blocked vector kernel on CPU devices and a local-memory tiled
 * kernel on GPUs (option {@code gemm}). Create it through {@code Backends.create("opencl",
 * options)}; see {@link OpenClBackendProvider} for the options.
 */
public final class OpenClBackend implements Backend {
  private final OpenClContext context;
  private final boolean cpuGemm;

  /** A backend on the device chosen by {@code options} (see {@link OpenClBackendProvider}). */
  public OpenClBackend(Map<String, String> options) {
    OpenClOptions parsed = OpenClOptions.parse(options);
    DeviceInfo device = OpenClDevices.select(options);
    if (!device.compilerAvailable()) {
      throw new IllegalStateException(
          "OpenCL device " + device.describe() + " has no OpenCL C compiler");
    }
    this.context = OpenClContext.shared(device, device.fp64() && parsed.fp64());
    this.cpuGemm = parsed.gemm().equals("auto") ? device.isCpu() : parsed.gemm().equals("cpu");
    context.program(cpuGemm ? KernelFamily.GEMM_CPU : KernelFamily.GEMM_GPU, DType.FLOAT32);
  }

  /** Compiles every float32 program this backend uses (float64 ones compile on first use). */
  void compileFloat32Programs() {
    for (KernelFamily family : KernelFamily.values()) {
      if (family != (cpuGemm ? KernelFamily.GEMM_GPU : KernelFamily.GEMM_CPU)) {
        context.program(family, DType.FLOAT32);
      }
    }
  }

  @Override
  public String name() {
    return "opencl";
  }

  @Override
  public String deviceDescription() {
    return "OpenCL "
        + context.device().describe()
        + ", GEMM: "
        + (cpuGemm ? "register-blocked vector kernel (CPU)" : "local-memory tiled kernel (GPU)")
        + (context.device().fp64() && !context.fp64() ? ", fp64 disabled" : "");
  }

  @Override
  public boolean supports(DType dtype) {
    return dtype == DType.FLOAT32 || (dtype == DType.FLOAT64 && context.fp64());
  }

  /** Waits until every op enqueued so far has finished (for timing). */
  @Override
  public void synchronize() {
    context.finish();
  }

  // ---- helpers for the op classes -------------------------------------------------------------

  OpenClContext context() {
    return context;
  }

  /** Whether matrix products use the CPU-device kernel. */
  boolean cpuGemm() {
    return cpuGemm;
  }

  void requireSupported(DType dtype) {
    if (!supports(dtype)) {
      throw new UnsupportedDTypeException(dtype, context.device().name());
    }
  }

  /** A scratch device buffer for {@code elements} values of {@code dtype}; null when empty. */
  cl_mem allocate(long elements, DType dtype) {
    requireSupported(dtype);
    return elements == 0 ? null : context.allocate(elements * dtype.bytes());
  }

  /** A new tensor with an uninitialised buffer. */
  Tensor allocate(Shape shape, DType dtype) {
    requireSupported(dtype);
    long elements = shape.sizeAsInt();
    long bytes = elements * dtype.bytes();
    cl_mem mem = elements == 0 ? null : context.allocate(bytes, shape, dtype);
    return wrap(new OpenClStorage(mem, bytes), shape, dtype);
  }

  /** The largest buffer, in bytes, the device allows ({@code CL_DEVICE_MAX_MEM_ALLOC_SIZE}). */
  public long maxBufferBytes() {
    return context.device().maxAllocationBytes();
  }

  /** A new launch of kernel {@code name} of {@code family} compiled for {@code dtype}. */
  KernelLaunch launch(KernelFamily family, DType dtype, String name) {
    requireSupported(dtype);
    return new KernelLaunch(context, family, dtype, name);
  }

  // ---- creation and transfer ------------------------------------------------------------------

  @Override
  public Tensor fromArray(double[] data, Shape shape, DType dtype) {
    return Transfers.fromArray(this, data, shape, dtype);
  }

  @Override
  public Tensor fromArray(float[] data, Shape shape) {
    return Transfers.fromArray(this, data, shape);
  }

  @Override
  public Tensor full(Shape shape, DType dtype, double value) {
    return Transfers.full(this, shape, dtype, value);
  }

  @Override
  public double[] toDoubleArray(Tensor tensor) {
    return Transfers.toDoubleArray(this, tensor);
  }

  @Override
  public float[] toFloatArray(Tensor tensor) {
    return Transfers.toFloatArray(this, tensor);
  }

  @Override
  public Tensor cast(Tensor tensor, DType dtype) {
    return Transfers.cast(this, tensor, dtype);
  }

  @Override
  public Tensor copy(Tensor tensor) {
    return Transfers.copy(this, tensor);
  }

  // ---- elementwise ----------------------------------------------------------------------------

  @Override
  public Tensor unary(UnaryOp op, Tensor x, double p) {
    return Elementwise.unary(this, op, x, p);
  }

  @Override
  public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
    return Elementwise.binary(this, op, a, b);
  }

  // ---- reductions -----------------------------------------------------------------------------

  @Override
  public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
    return Reductions.reduce(this, op, x, axes, keepDims);
  }

  @Override
  public Tensor argMax(Tensor x, int axis) {
    return Reductions.argMax(this, x, axis);
  }

  // ---- data movement --------------------------------------------------------------------------

  @Override
  public Tensor permute(Tensor x, int... axes) {
    return Movement.permute(this, x, axes);
  }

  @Override
  public Tensor slice(Tensor x, int axis, int start, int end) {
    return Movement.slice(this, x, axis, start, end);
  }

  @Override
  public Tensor concat(List<Tensor> parts, int axis) {
    return Movement.concat(this, parts, axis);
  }

  @Override
  public Tensor gather(Tensor x, int axis, Tensor index) {
    return GatherScatter.gather(this, x, axis, index);
  }

  @Override
  public Tensor scatterAdd(Tensor index, Tensor source, int axis, Shape shape) {
    return GatherScatter.scatterAdd(this, index, source, axis, shape);
  }

  // ---- linear algebra -------------------------------------------------------------------------

  @Override
  public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    return MatMul.matmul(this, a, b, transposeA, transposeB);
  }

  // ---- convolution and pooling ----------------------------------------------------------------

  @Override
  public Tensor im2col(Tensor x, ConvGeometry geometry) {
    return Convolution.im2col(this, x, geometry);
  }

  @Override
  public Tensor col2im(Tensor columns, ConvGeometry geometry, int height, int width) {
    return Convolution.col2im(this, columns, geometry, height, width);
  }

  @Override
  public Tensor maxPoolIndices(Tensor x, ConvGeometry geometry) {
    return Convolution.maxPoolIndices(this, x, geometry);
  }

  // ---- random ---------------------------------------------------------------------------------

  @Override
  public Tensor randomUniform(Shape shape, DType dtype, long seed, long offset) {
    return RandomDraws.uniform(this, shape, dtype, seed, offset);
  }

  @Override
  public Tensor randomNormal(Shape shape, DType dtype, long seed, long offset) {
    return RandomDraws.normal(this, shape, dtype, seed, offset);
  }

  // ---- lifetime -------------------------------------------------------------------------------

  /**
   * Waits for the queued work. The context, queue and compiled programs are shared per device for
   * the life of the JVM (compiling is slow), so they stay.
   */
  @Override
  public void close() {
    context.finish();
  }

  @Override
  public String toString() {
    return "OpenClBackend[" + deviceDescription() + "]";
  }
}
