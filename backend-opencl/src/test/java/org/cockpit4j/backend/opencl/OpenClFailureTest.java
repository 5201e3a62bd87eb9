package org.cockpit4j.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cockpit4j.backend.DeviceFailureException;
import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Genuine OpenCL failures on the device (no simulated errors): a launch the device refuses, a
 * buffer larger than the device allows, a kernel that does not compile. Each fails with a {@link
 * DeviceFailureException} whose message is one paragraph naming the kernel or buffer, the shapes,
 * the device, the OpenCL error and a fix; the backend keeps working afterwards. Skipped where
 * OpenCL is unavailable. (A launch with missing arguments is not tested: kernel objects are shared
 * and keep the arguments of their last launch, whose buffers may be freed, and PoCL aborts the JVM
 * on those.)
 */
class OpenClFailureTest {
  private OpenClBackend backend;
  private TensorScope scope;

  @BeforeEach
  void open() {
    backend = (OpenClBackend) OpenClTestBackend.get();
    scope = TensorScope.open();
  }

  @AfterEach
  void close() {
    scope.close();
  }

  private String deviceName() {
    return backend.context().device().name();
  }

  private void assertOneParagraphWithAFix(String message) {
    assertTrue(message.contains(deviceName()), "names the device: " + message);
    assertTrue(message.contains("Fix: "), "gives a fix: " + message);
    assertTrue(message.contains("backend: {type: cpu}"), "offers the CPU backend: " + message);
    assertFalse(message.contains("\n"), "one paragraph: " + message);
  }

  @Test
  void aLaunchTheDeviceRefusesNamesTheKernelShapesSizesDeviceAndFix() {
    Tensor x = backend.fromArray(new double[] {1, -2, 3, -4, 5, -6}, Shape.of(2, 3), DType.FLOAT32);
    Tensor out = backend.allocate(x.shape(), x.dtype());
    long local = Long.highestOneBit(backend.context().device().maxWorkGroupSize()) * 2;
    KernelLaunch launch =
        backend
            .launch(KernelFamily.ELEMENTWISE, DType.FLOAT32, "unary_negate")
            .tensor(x)
            .tensor(out)
            .real(0)
            .integer(x.size());
    DeviceFailureException failure =
        assertThrows(
            DeviceFailureException.class, () -> launch.run(new long[] {local}, new long[] {local}));
    String message = failure.getMessage();
    assertTrue(message.contains("kernel 'unary_negate' (elementwise.cl, float32)"), message);
    assertTrue(message.contains("on tensors [2, 3], [2, 3]"), message);
    assertTrue(message.contains("local size [" + local + "]"), message);
    assertTrue(message.matches(".*CL_INVALID_WORK_(GROUP|ITEM)_SIZE.*"), message);
    assertTrue(message.contains("work-groups of at most"), message);
    assertOneParagraphWithAFix(message);
    assertArrayEquals(
        new double[] {-1, 2, -3, 4, -5, 6},
        backend.toDoubleArray(backend.unary(UnaryOp.NEGATE, x, 0)),
        "the backend works after the failure");
  }

  @Test
  void aBufferLargerThanTheDeviceAllowsNamesTheShapeAndTheLimit() {
    long limit = backend.maxBufferBytes();
    long rows = limit / (4L * 1024) + 1;
    Assumptions.assumeTrue(
        rows * 1024 <= Integer.MAX_VALUE,
        "the device allows buffers larger than the largest tensor (" + limit + " bytes)");
    Shape shape = Shape.of((int) rows, 1024);
    DeviceFailureException failure =
        assertThrows(DeviceFailureException.class, () -> backend.full(shape, DType.FLOAT32, 0));
    String message = failure.getMessage();
    assertTrue(message.contains("a float32 tensor of shape " + shape), message);
    assertTrue(message.contains("(" + rows * 1024 * 4 + " bytes)"), message);
    assertTrue(message.contains("buffers of at most " + limit + " bytes"), message);
    assertOneParagraphWithAFix(message);
  }

  @Test
  void aKernelThatDoesNotCompileNamesTheFileTheBuildLogDeviceAndFix() {
    String source = "__kernel void broken(__global float* x) { x[0] = undefined_name; }";
    DeviceFailureException failure =
        assertThrows(
            DeviceFailureException.class,
            () -> backend.context().build("broken.cl", source, DType.FLOAT32));
    String message = failure.getMessage();
    assertTrue(
        message.contains("OpenCL kernel file broken.cl (float32) failed to compile"), message);
    assertTrue(message.contains("undefined_name"), "the build log: " + message);
    assertOneParagraphWithAFix(message);
  }
}
