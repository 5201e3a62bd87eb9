package org.cockpit4j.backend.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenCL C programs, one file per kernel family under {@code
 * src/main/resources/org/cockpit4j/backend/opencl}; each is compiled after {@code common.cl}, once
 * per element type and context.
 */
enum KernelFamily {
  ELEMENTWISE("elementwise.cl"),
  REDUCE("reduce.cl"),
  MOVEMENT("movement.cl"),
  GATHER_SCATTER("gather_scatter.cl"),
  GEMM_CPU("gemm_cpu.cl"),
  GEMM_GPU("gemm_gpu.cl"),
  IM2COL("im2col.cl"),
  POOLING("pooling.cl"),
  RANDOM("random.cl");

  private final String file;

  KernelFamily(String file) {
    this.file = file;
  }

  /** The resource file name. */
  String file() {
    return file;
  }

  /** {@code common.cl} followed by this family's source. */
  String source() {
    return resource("common.cl") + "\n" + resource(file);
  }

  private static String resource(String name) {
    try (InputStream in = KernelFamily.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "OpenCL kernel source " + name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read OpenCL kernel source " + name, e);
    }
  }
}
