package org.cockpit4j.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.cockpit4j.backend.UnaryOp;

/**
 * Vector API versions of the unary ops that plain loops do slowly (comparisons, square roots,
 * reciprocals). Every element, the ragged tail included, goes through the same vector code, so
 * results do not depend on how a range is split among threads. Loaded only when {@code
 * jdk.incubator.vector} is present.
 *
 * <p>Only ops whose result is exactly defined (IEEE comparisons, square root, division) are here.
 * The Vector API's transcendental functions ({@code EXP}, {@code LOG}, {@code TANH}, {@code POW})
 * are computed by a short-vector math library once the JIT compiles the loop and by {@code Math}
 * per lane before that, and the two differ in the last bits: results would depend on when the
 * compiler ran, and two runs of one experiment would drift apart. Those ops take the scalar path,
 * whose {@code Math}/{@code StrictMath} calls give the same bits compiled or not.
 */
final class VectorUnary implements UnaryAccelerator {
  private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

  @Override
  public boolean handles(UnaryOp op) {
    switch (op) {
      case STEP:
      case LEAKY_RELU:
      case LEAKY_RELU_DERIVATIVE:
      case GREATER_SCALAR:
      case EQUAL_SCALAR:
      case SQRT:
      case RECIPROCAL:
        return true;
      default:
        return false;
    }
  }

  @Override
  public void apply(UnaryOp op, double parameter, float[] x, float[] out, int from, int to) {
    float p = (float) parameter;
    boolean square = p == 2;
    FloatVector zero = FloatVector.zero(FS);
    FloatVector one = FloatVector.broadcast(FS, 1f);
    FloatVector slope = FloatVector.broadcast(FS, p);
    int length = FS.length();
    int end = from + (to - from) / length * length;
    // Every element, the ragged tail included (through a padded copy), goes through the same
    // vector code. One loop per op keeps the vectors in registers (no boxing).
    float[] tail = new float[length];
    System.arraycopy(x, end, tail, 0, to - end);
    switch (op) {
      case STEP:
        for (int i = from; i < end; i += length) {
          FloatVector v = FloatVector.fromArray(FS, x, i);
          zero.blend(1f, v.compare(VectorOperators.GT, 0f)).intoArray(out, i);
        }
        if (end < to) {
          FloatVector v = FloatVector.fromArray(FS, tail, 0);
          zero.blend(1f, v.compare(VectorOperators.GT, 0f)).intoArray(tail, 0);
        }
        break;
      case LEAKY_RELU:
        for (int i = from; i < end; i += length) {
          FloatVector v = FloatVector.fromArray(FS, x, i);
          v.mul(p).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(out, i);
        }
        if (end < to) {
          FloatVector v = FloatVector.fromArray(FS, tail, 0);
          v.mul(p).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(tail, 0);
        }
        break;
      case LEAKY_RELU_DERIVATIVE:
        for (int i = from; i < end; i += length) {
          FloatVector v = FloatVector.fromArray(FS, x, i);
          slope.blend(1f, v.compare(VectorOperators.GT, 0f)).intoArray(out, i);
        }
        if (end < to) {
          FloatVector v = FloatVector.fromArray(FS, tail, 0);
          slope.blend(1f, v.compare(VectorOperators.GT, 0f)).intoArray(tail, 0);
        }
        break;
      case GREATER_SCALAR:
        for (int i = from; i < end; i += length) {
          FloatVector v = FloatVector.fromArray(FS, x, i);
          zero.blend(1f, v.compare(VectorOperators.GT, p)).intoArray(out, i);
        }
        if (end < to) {
          FloatVector v = FloatVector.fromArray(FS, tail, 0);
          zero.blend(1f, v.compare(VectorOperators.GT, p)).intoArray(tail, 0);
        }
        break;
      case EQUAL_SCALAR:
        for (int i = from; i < end; i += length) {
          FloatVector v = FloatVector.fromArray(FS, x, i);
          zero.blend(1f, v.compare(VectorOperators.EQ, p)).intoArray(out, i);
        }
        if (end < to) {
          FloatVector v = FloatVector.fromArray(FS, tail, 0);
          zero.blend(1f, v.compare(VectorOperators.EQ, p)).intoArray(tail, 0);
        }
        break;
      case SQRT:
        for (int i = from; i < end; i += length) {
          FloatVector v = FloatVector.fromArray(FS, x, i);
          v.lanewise(VectorOperators.SQRT).intoArray(out, i);
        }
        if (end < to) {
          FloatVector v = FloatVector.fromArray(FS, tail, 0);
          v.lanewise(VectorOperators.SQRT).intoArray(tail, 0);
        }
        break;
      case RECIPROCAL:
        for (int i = from; i < end; i += length) {
          FloatVector v = FloatVector.fromArray(FS, x, i);
          one.div(v).intoArray(out, i);
        }
        if (end < to) {
          FloatVector v = FloatVector.fromArray(FS, tail, 0);
          one.div(v).intoArray(tail, 0);
        }
        break;
      default:
        throw new IllegalArgumentException("Not a vectorised unary op: " + op);
    }
    System.arraycopy(tail, 0, out, end, to - end);
  }

  @Override
  public void apply(UnaryOp op, double parameter, double[] x, double[] out, int from, int to) {
    double p = parameter;
    boolean square = p == 2;
    DoubleVector zero = DoubleVector.zero(DS);
    DoubleVector one = DoubleVector.broadcast(DS, 1.0);
    DoubleVector slope = DoubleVector.broadcast(DS, p);
    int length = DS.length();
    int end = from + (to - from) / length * length;
    // Every element, the ragged tail included (through a padded copy), goes through the same
    // vector code. One loop per op keeps the vectors in registers (no boxing).
    double[] tail = new double[length];
    System.arraycopy(x, end, tail, 0, to - end);
    switch (op) {
      case STEP:
        for (int i = from; i < end; i += length) {
          DoubleVector v = DoubleVector.fromArray(DS, x, i);
          zero.blend(1.0, v.compare(VectorOperators.GT, 0.0)).intoArray(out, i);
        }
        if (end < to) {
          DoubleVector v = DoubleVector.fromArray(DS, tail, 0);
          zero.blend(1.0, v.compare(VectorOperators.GT, 0.0)).intoArray(tail, 0);
        }
        break;
      case LEAKY_RELU:
        for (int i = from; i < end; i += length) {
          DoubleVector v = DoubleVector.fromArray(DS, x, i);
          v.mul(p).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(out, i);
        }
        if (end < to) {
          DoubleVector v = DoubleVector.fromArray(DS, tail, 0);
          v.mul(p).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(tail, 0);
        }
        break;
      case LEAKY_RELU_DERIVATIVE:
        for (int i = from; i < end; i += length) {
          DoubleVector v = DoubleVector.fromArray(DS, x, i);
          slope.blend(1.0, v.compare(VectorOperators.GT, 0.0)).intoArray(out, i);
        }
        if (end < to) {
          DoubleVector v = DoubleVector.fromArray(DS, tail, 0);
          slope.blend(1.0, v.compare(VectorOperators.GT, 0.0)).intoArray(tail, 0);
        }
        break;
      case GREATER_SCALAR:
        for (int i = from; i < end; i += length) {
          DoubleVector v = DoubleVector.fromArray(DS, x, i);
          zero.blend(1.0, v.compare(VectorOperators.GT, p)).intoArray(out, i);
        }
        if (end < to) {
          DoubleVector v = DoubleVector.fromArray(DS, tail, 0);
          zero.blend(1.0, v.compare(VectorOperators.GT, p)).intoArray(tail, 0);
        }
        break;
      case EQUAL_SCALAR:
        for (int i = from; i < end; i += length) {
          DoubleVector v = DoubleVector.fromArray(DS, x, i);
          zero.blend(1.0, v.compare(VectorOperators.EQ, p)).intoArray(out, i);
        }
        if (end < to) {
          DoubleVector v = DoubleVector.fromArray(DS, tail, 0);
          zero.blend(1.0, v.compare(VectorOperators.EQ, p)).intoArray(tail, 0);
        }
        break;
      case SQRT:
        for (int i = from; i < end; i += length) {
          DoubleVector v = DoubleVector.fromArray(DS, x, i);
          v.lanewise(VectorOperators.SQRT).intoArray(out, i);
        }
        if (end < to) {
          DoubleVector v = DoubleVector.fromArray(DS, tail, 0);
          v.lanewise(VectorOperators.SQRT).intoArray(tail, 0);
        }
        break;
      case RECIPROCAL:
        for (int i = from; i < end; i += length) {
          DoubleVector v = DoubleVector.fromArray(DS, x, i);
          one.div(v).intoArray(out, i);
        }
        if (end < to) {
          DoubleVector v = DoubleVector.fromArray(DS, tail, 0);
          one.div(v).intoArray(tail, 0);
        }
        break;
      default:
        throw new IllegalArgumentException("Not a vectorised unary op: " + op);
    }
    System.arraycopy(tail, 0, out, end, to - end);
  }
}
