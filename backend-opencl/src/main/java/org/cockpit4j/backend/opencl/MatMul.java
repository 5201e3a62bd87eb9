package org.cockpit4j.backend.opencl;

import org.cockpit4j.backend.MatMulShape;
import org.cockpit4j.backend.OperandChecks;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Tensor;
import org.jocl.CL;
import org.jocl.cl_mem;

/**
 * Matrix products. CPU devices: both operands are packed into panels (gemm_cpu.cl) and a
 * register-blocked vector kernel computes 8 x 32 (float32) or 8 x 16 (float64) blocks, one per
 * work-item. GPUs: a 64 x 64 local-memory tiled kernel (gemm_gpu.cl) reading the operands through
 * strides. Both add the k products of each element in increasing order with fma, so they agree bit
 * for bit. A batch times a shared right operand without transposed left operand is run as one tall
 * product.
 */
final class MatMul {
  /** Rows per CPU-kernel block (TM in gemm_cpu.cl). */
  private static final int CPU_ROWS = 8;

  /** Edge of the GPU kernel's block of C and its work-group edge (TS, RTS in gemm_gpu.cl). */
  private static final int GPU_TILE = 64;

  private static final int GPU_GROUP = 16;

  private MatMul() {}

  static Tensor matmul(
      OpenClBackend backend, Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    OperandChecks.sameDtype("matmul", a, b);
    MatMulShape shape = MatMulShape.of(a.shape(), b.shape(), transposeA, transposeB);
    Tensor out = backend.allocate(shape.resultShape(), a.dtype());
    if (shape.m() == 0 || shape.n() == 0 || shape.batch() < 0 || out.size() == 0) {
      return out;
    }
    if (shape.k() == 0) {
      Transfers.fill(backend, OpenClStorage.of(out), out.size(), a.dtype(), 0.0);
      return out;
    }
    if (shape.aBatched() && !shape.bBatched() && !transposeA) {
      // [B, m, k] x [k, n]: one [B*m, k] x [k, n] product with the same row-major result.
      shape =
          new MatMulShape(
              0,
              false,
              false,
              shape.batch() * shape.m(),
              shape.n(),
              shape.k(),
              false,
              transposeB,
              shape.resultShape());
    }
    if (backend.cpuGemm() || !gpuKernelFits(backend, a.dtype())) {
      cpu(backend, shape, a, b, out);
    } else {
      gpu(backend, shape, a, b, out);
    }
    return out;
  }

  private static boolean gpuKernelFits(OpenClBackend backend, DType dtype) {
    DeviceInfo device = backend.context().device();
    return device.maxWorkGroupSize() >= GPU_GROUP * GPU_GROUP
        && device.localMemoryBytes() >= 16L * (2 * GPU_TILE + 1) * dtype.bytes();
  }

  private static void cpu(OpenClBackend backend, MatMulShape s, Tensor a, Tensor b, Tensor out) {
    DType dtype = a.dtype();
    int columns = dtype == DType.FLOAT32 ? 32 : 16; // TN in gemm_cpu.cl
    int tilesM = (s.m() + CPU_ROWS - 1) / CPU_ROWS;
    int tilesN = (s.n() + columns - 1) / columns;
    int aBatches = s.aBatched() ? s.batch() : 1;
    int bBatches = s.bBatched() ? s.batch() : 1;
    int aPanel = tilesM * s.k() * CPU_ROWS;
    int bPanel = tilesN * s.k() * columns;
    cl_mem packedA = backend.allocate((long) aBatches * aPanel, dtype);
    cl_mem packedB = backend.allocate((long) bBatches * bPanel, dtype);
    backend
        .launch(KernelFamily.GEMM_CPU, dtype, "pack_a")
        .tensor(a)
        .buffer(packedA)
        .integer(s.m())
        .integer(s.k())
        .integer(tilesM)
        .integer(aBatches)
        .integer(s.transposeA() ? 1 : s.k())
        .integer(s.transposeA() ? s.m() : 1)
        .integer(s.m() * s.k())
        .run1d(aBatches * tilesM * blocks(s.k()));
    backend
        .launch(KernelFamily.GEMM_CPU, dtype, "pack_b")
        .tensor(b)
        .buffer(packedB)
        .integer(s.n())
        .integer(s.k())
        .integer(tilesN)
        .integer(bBatches)
        .integer(s.transposeB() ? 1 : s.n())
        .integer(s.transposeB() ? s.k() : 1)
        .integer(s.k() * s.n())
        .run1d(bBatches * tilesN * blocks(s.k()));
    backend
        .launch(KernelFamily.GEMM_CPU, dtype, "gemm_packed")
        .buffer(packedA)
        .buffer(packedB)
        .tensor(out)
        .integer(s.m())
        .integer(s.n())
        .integer(s.k())
        .integer(s.aBatched() ? aPanel : 0)
        .integer(s.bBatched() ? bPanel : 0)
        .run(new long[] {tilesM, tilesN, s.products()}, new long[] {1, 1, 1});
    CL.clReleaseMemObject(packedA);
    CL.clReleaseMemObject(packedB);
  }

  /** Packing work-items per panel: blocks of KB = 16 consecutive k (KB in gemm_cpu.cl). */
  private static int blocks(int k) {
    return (k + 15) / 16;
  }

  private static void gpu(OpenClBackend backend, MatMulShape s, Tensor a, Tensor b, Tensor out) {
    long groupsN = (s.n() + GPU_TILE - 1) / GPU_TILE;
    long groupsM = (s.m() + GPU_TILE - 1) / GPU_TILE;
    backend
        .launch(KernelFamily.GEMM_GPU, a.dtype(), "gemm_tiled")
        .tensor(a)
        .tensor(b)
        .tensor(out)
        .integer(s.m())
        .integer(s.n())
        .integer(s.k())
        .integer(s.transposeA() ? 1 : s.k())
        .integer(s.transposeA() ? s.m() : 1)
        .integer(s.aBatched() ? s.m() * s.k() : 0)
        .integer(s.transposeB() ? 1 : s.n())
        .integer(s.transposeB() ? s.k() : 1)
        .integer(s.bBatched() ? s.k() * s.n() : 0)
        .run(
            new long[] {groupsN * GPU_GROUP, groupsM * GPU_GROUP, s.products()},
            new long[] {GPU_GROUP, GPU_GROUP, 1});
  }
}
