package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.UnaryOp;

/** Faster kernels for some unary ops (the Vector API ones when that module is present). */
interface UnaryAccelerator {

  /** Whether {@link #apply} computes {@code op}. */
  boolean handles(UnaryOp op);

  /** {@code out[i] = op(x[i])} for {@code i} in {@code [from, to)}. */
  void apply(UnaryOp op, double p, float[] x, float[] out, int from, int to);

  /** {@code out[i] = op(x[i])} for {@code i} in {@code [from, to)}. */
  void apply(UnaryOp op, double p, double[] x, double[] out, int from, int to);

  /** Loads the Vector API accelerator when the module is present, else one handling nothing. */
  static UnaryAccelerator load(boolean useVectorApi) {
    if (useVectorApi && GemmFactory.vectorApiPresent()) {
      try {
        return (UnaryAccelerator)
            Class.forName("org.cockpit4j.backend.cpu.VectorUnary")
                .getDeclaredConstructor()
                .newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        // Fall through to the plain loops.
      }
    }
    return new UnaryAccelerator() {
      @Override
      public boolean handles(UnaryOp op) {
        return false;
      }

      @Override
      public void apply(UnaryOp op, double p, float[] x, float[] out, int from, int to) {
        throw new UnsupportedOperationException(op.name());
      }

      @Override
      public void apply(UnaryOp op, double p, double[] x, double[] out, int from, int to) {
        throw new UnsupportedOperationException(op.name());
      }
    };
  }
}
