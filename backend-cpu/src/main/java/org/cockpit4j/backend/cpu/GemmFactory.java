package org.cockpit4j.backend.cpu;

/**
 * Picks the GEMM implementation: the Vector API kernel when {@code jdk.incubator.vector} is in the
 * boot layer (loaded reflectively, so this class never links against the incubator module), the
 * plain-Java one otherwise or when {@code scalar} is asked for.
 */
final class GemmFactory {
  private GemmFactory() {}

  /** The chosen implementation and a short description of it. */
  record Choice(Gemm gemm, String description) {}

  /** Whether the Vector API module is present at run time. */
  static boolean vectorApiPresent() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  static Choice choose(CpuThreads threads, String preference) {
    if (!"scalar".equals(preference) && vectorApiPresent()) {
      try {
        Class<?> type = Class.forName("org.cockpit4j.backend.cpu.VectorGemm");
        Gemm gemm = (Gemm) type.getDeclaredConstructor(CpuThreads.class).newInstance(threads);
        return new Choice(gemm, gemm.toString());
      } catch (ReflectiveOperationException | LinkageError e) {
        return new Choice(
            new ScalarGemm(threads), "plain Java (Vector API kernel failed to load: " + e + ")");
      }
    }
    return new Choice(
        new ScalarGemm(threads),
        "plain Java"
            + (vectorApiPresent()
                ? ""
                : " (run with --add-modules jdk.incubator.vector for the fast kernel)"));
  }
}
