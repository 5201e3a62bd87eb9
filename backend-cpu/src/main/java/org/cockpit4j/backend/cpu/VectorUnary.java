package org.cockpit4j.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.cockpit4j.backend.UnaryOp;

/**
 * Vector API versions of the unary ops that plain loops do slowly (transcendental functions,
 * comparisons). Every element, the ragged tail included, goes through the same vector code, so
 * results do not depend on how a range is split among threads. Loaded only when {@code
 * jdk.incubator.vector} is present.
 */
final class VectorUnary implements UnaryAccelerator {
  private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

  @Override
  public boolean handles(UnaryOp op) {
    switch (op) {
      case EXP:
      case LOG:
      case TANH:
      case SIGMOID:
      case STEP:
      case LEAKY_RELU:
      case LEAKY_RELU_DERIVATIVE:
      case GREATER_SCALAR:
      case EQUAL_SCALAR:
      case SQRT:
      case RECIPROCAL:
      case POW:
        return true;
      default:
        return false;
    }
  }

  @Override
  public void apply(UnaryOp op, double p, float[] x, float[] out, int from, int to) {
    int length = FS.length();
    int i = from;
    for (; i + length <= to; i += length) {
      apply(op, (float) p, FloatVector.fromArray(FS, x, i)).intoArray(out, i);
    }
    if (i < to) {
      float[] tail = new float[length];
      System.arraycopy(x, i, tail, 0, to - i);
      apply(op, (float) p, FloatVector.fromArray(FS, tail, 0)).intoArray(tail, 0);
      System.arraycopy(tail, 0, out, i, to - i);
    }
  }

  @Override
  public void apply(UnaryOp op, double p, double[] x, double[] out, int from, int to) {
    int length = DS.length();
    int i = from;
    for (; i + length <= to; i += length) {
      apply(op, p, DoubleVector.fromArray(DS, x, i)).intoArray(out, i);
    }
    if (i < to) {
      double[] tail = new double[length];
      System.arraycopy(x, i, tail, 0, to - i);
      apply(op, p, DoubleVector.fromArray(DS, tail, 0)).intoArray(tail, 0);
      System.arraycopy(tail, 0, out, i, to - i);
    }
  }

  private static FloatVector apply(UnaryOp op, float p, FloatVector v) {
    switch (op) {
      case EXP:
        return v.lanewise(VectorOperators.EXP);
      case LOG:
        return v.lanewise(VectorOperators.LOG);
      case TANH:
        return v.lanewise(VectorOperators.TANH);
      case SIGMOID:
        return FloatVector.broadcast(FS, 1f).div(v.neg().lanewise(VectorOperators.EXP).add(1f));
      case STEP:
        return FloatVector.zero(FS).blend(1f, v.compare(VectorOperators.GT, 0f));
      case LEAKY_RELU:
        return v.mul(p).blend(v, v.compare(VectorOperators.GT, 0f));
      case LEAKY_RELU_DERIVATIVE:
        return FloatVector.broadcast(FS, p).blend(1f, v.compare(VectorOperators.GT, 0f));
      case GREATER_SCALAR:
        return FloatVector.zero(FS).blend(1f, v.compare(VectorOperators.GT, p));
      case EQUAL_SCALAR:
        return FloatVector.zero(FS).blend(1f, v.compare(VectorOperators.EQ, p));
      case SQRT:
        return v.lanewise(VectorOperators.SQRT);
      case RECIPROCAL:
        return FloatVector.broadcast(FS, 1f).div(v);
      case POW:
        return p == 2f ? v.mul(v) : v.lanewise(VectorOperators.POW, p);
      default:
        throw new IllegalArgumentException("Not a vectorised unary op: " + op);
    }
  }

  private static DoubleVector apply(UnaryOp op, double p, DoubleVector v) {
    switch (op) {
      case EXP:
        return v.lanewise(VectorOperators.EXP);
      case LOG:
        return v.lanewise(VectorOperators.LOG);
      case TANH:
        return v.lanewise(VectorOperators.TANH);
      case SIGMOID:
        return DoubleVector.broadcast(DS, 1.0).div(v.neg().lanewise(VectorOperators.EXP).add(1.0));
      case STEP:
        return DoubleVector.zero(DS).blend(1.0, v.compare(VectorOperators.GT, 0.0));
      case LEAKY_RELU:
        return v.mul(p).blend(v, v.compare(VectorOperators.GT, 0.0));
      case LEAKY_RELU_DERIVATIVE:
        return DoubleVector.broadcast(DS, p).blend(1.0, v.compare(VectorOperators.GT, 0.0));
      case GREATER_SCALAR:
        return DoubleVector.zero(DS).blend(1.0, v.compare(VectorOperators.GT, p));
      case EQUAL_SCALAR:
        return DoubleVector.zero(DS).blend(1.0, v.compare(VectorOperators.EQ, p));
      case SQRT:
        return v.lanewise(VectorOperators.SQRT);
      case RECIPROCAL:
        return DoubleVector.broadcast(DS, 1.0).div(v);
      case POW:
        return p == 2.0 ? v.mul(v) : v.lanewise(VectorOperators.POW, p);
      default:
        throw new IllegalArgumentException("Not a vectorised unary op: " + op);
    }
  }
}
