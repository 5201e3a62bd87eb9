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
      case EXP:
        for (int i = from; i < end; i += length) {
          FloatVector v = FloatVector.fromArray(FS, x, i);
          v.lanewise(VectorOperators.EXP).intoArray(out, i);
        }
        if (end < to) {
          FloatVector v = FloatVector.fromArray(FS, tail, 0);
          v.lanewise(VectorOperators.EXP).intoArray(tail, 0);
        }
        break;
      case LOG:
        for (int i = from; i < end; i += length) {
          FloatVector v = FloatVector.fromArray(FS, x, i);
          v.lanewise(VectorOperators.LOG).intoArray(out, i);
        }
        if (end < to) {
          FloatVector v = FloatVector.fromArray(FS, tail, 0);
          v.lanewise(VectorOperators.LOG).intoArray(tail, 0);
        }
        break;
      case TANH:
        for (int i = from; i < end; i += length) {
          FloatVector v = FloatVector.fromArray(FS, x, i);
          v.lanewise(VectorOperators.TANH).intoArray(out, i);
        }
        if (end < to) {
          FloatVector v = FloatVector.fromArray(FS, tail, 0);
          v.lanewise(VectorOperators.TANH).intoArray(tail, 0);
        }
        break;
      case SIGMOID:
        for (int i = from; i < end; i += length) {
          FloatVector v = FloatVector.fromArray(FS, x, i);
          one.div(v.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(out, i);
        }
        if (end < to) {
          FloatVector v = FloatVector.fromArray(FS, tail, 0);
          one.div(v.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(tail, 0);
        }
        break;
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
      case POW:
        for (int i = from; i < end; i += length) {
          FloatVector v = FloatVector.fromArray(FS, x, i);
          (square ? v.mul(v) : v.lanewise(VectorOperators.POW, p)).intoArray(out, i);
        }
        if (end < to) {
          FloatVector v = FloatVector.fromArray(FS, tail, 0);
          (square ? v.mul(v) : v.lanewise(VectorOperators.POW, p)).intoArray(tail, 0);
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
      case EXP:
        for (int i = from; i < end; i += length) {
          DoubleVector v = DoubleVector.fromArray(DS, x, i);
          v.lanewise(VectorOperators.EXP).intoArray(out, i);
        }
        if (end < to) {
          DoubleVector v = DoubleVector.fromArray(DS, tail, 0);
          v.lanewise(VectorOperators.EXP).intoArray(tail, 0);
        }
        break;
      case LOG:
        for (int i = from; i < end; i += length) {
          DoubleVector v = DoubleVector.fromArray(DS, x, i);
          v.lanewise(VectorOperators.LOG).intoArray(out, i);
        }
        if (end < to) {
          DoubleVector v = DoubleVector.fromArray(DS, tail, 0);
          v.lanewise(VectorOperators.LOG).intoArray(tail, 0);
        }
        break;
      case TANH:
        for (int i = from; i < end; i += length) {
          DoubleVector v = DoubleVector.fromArray(DS, x, i);
          v.lanewise(VectorOperators.TANH).intoArray(out, i);
        }
        if (end < to) {
          DoubleVector v = DoubleVector.fromArray(DS, tail, 0);
          v.lanewise(VectorOperators.TANH).intoArray(tail, 0);
        }
        break;
      case SIGMOID:
        for (int i = from; i < end; i += length) {
          DoubleVector v = DoubleVector.fromArray(DS, x, i);
          one.div(v.neg().lanewise(VectorOperators.EXP).add(1.0)).intoArray(out, i);
        }
        if (end < to) {
          DoubleVector v = DoubleVector.fromArray(DS, tail, 0);
          one.div(v.neg().lanewise(VectorOperators.EXP).add(1.0)).intoArray(tail, 0);
        }
        break;
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
      case POW:
        for (int i = from; i < end; i += length) {
          DoubleVector v = DoubleVector.fromArray(DS, x, i);
          (square ? v.mul(v) : v.lanewise(VectorOperators.POW, p)).intoArray(out, i);
        }
        if (end < to) {
          DoubleVector v = DoubleVector.fromArray(DS, tail, 0);
          (square ? v.mul(v) : v.lanewise(VectorOperators.POW, p)).intoArray(tail, 0);
        }
        break;
      default:
        throw new IllegalArgumentException("Not a vectorised unary op: " + op);
    }
    System.arraycopy(tail, 0, out, end, to - end);
  }
}
