package org.cockpit4j.extension;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.cockpit4j.backend.cpu.CpuBackend;
import org.cockpit4j.tensor.DType;
import org.junit.jupiter.api.Test;

/**
 * Prints the overhead of each extension on mnist_mlp (batch 128, float32). Not part of the fast
 * suite: run with {@code -Dcockpit4j.benchmark=true -Dtest=ExtensionSpeedCheck} (optionally {@code
 * -Dcockpit4j.benchmark.model=fmnist_2c2d}).
 */
class ExtensionSpeedCheck {

  @Test
  void printOverheads() {
    assumeTrue(Boolean.getBoolean("cockpit4j.benchmark"), "set -Dcockpit4j.benchmark=true");
    String model = System.getProperty("cockpit4j.benchmark.model", "mnist_mlp");
    int batch = Integer.getInteger("cockpit4j.benchmark.batch", 128);
    String sets =
        System.getProperty(
            "cockpit4j.benchmark.sets",
            "batch_l2;batch_dot;sum_grad_squared;variance;batch_grad;"
                + "batch_l2,batch_dot,sum_grad_squared,variance;diag_ggn_mc;diag_ggn_exact;diag_h");
    int repetitions = Integer.getInteger("cockpit4j.benchmark.repetitions", 15);
    try (CpuBackend backend = new CpuBackend()) {
      System.out.println(model + " batch " + batch + " float32, " + backend.deviceDescription());
      for (String set : sets.split(";")) {
        ExtensionBenchmark.Report report =
            ExtensionBenchmark.runModel(
                backend, model, DType.FLOAT32, batch, ExtensionSet.parse(set), 5, repetitions);
        System.out.println(report);
      }
    }
  }
}
