package org.cockpit4j.backend.opencl;

import java.util.Locale;
import java.util.Map;

/**
 * The options of the {@code opencl} backend besides the device selection: {@code gemm} ({@code
 * auto}: by device type; {@code cpu}: the register-blocked vector kernel; {@code gpu}: the
 * local-memory tiled kernel) and {@code fp64} ({@code auto}: float64 where the device has it;
 * {@code off}: behave like a device without fp64). Options of other backends are ignored, since
 * {@code auto} passes the same map to whichever backend it picks.
 *
 * @param gemm {@code auto}, {@code cpu} or {@code gpu}
 * @param fp64 whether float64 may be used
 */
record OpenClOptions(String gemm, boolean fp64) {

  static OpenClOptions parse(Map<String, String> options) {
    String gemm = options.getOrDefault("gemm", "auto").trim().toLowerCase(Locale.ROOT);
    if (!gemm.equals("auto") && !gemm.equals("cpu") && !gemm.equals("gpu")) {
      throw new IllegalArgumentException(
          "opencl backend option gemm must be 'auto', 'cpu' or 'gpu', got '" + gemm + "'");
    }
    String fp64 = options.getOrDefault("fp64", "auto").trim().toLowerCase(Locale.ROOT);
    if (!fp64.equals("auto") && !fp64.equals("off")) {
      throw new IllegalArgumentException(
          "opencl backend option fp64 must be 'auto' or 'off', got '" + fp64 + "'");
    }
    return new OpenClOptions(gemm, fp64.equals("auto"));
  }
}
