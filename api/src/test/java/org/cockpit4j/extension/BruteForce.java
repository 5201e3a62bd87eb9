package org.cockpit4j.extension;

import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.MseLoss;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Brute-force twins of the extensions, built only from ordinary forward and backward passes:
 * per-sample gradients from single-sample passes (or, for nets with dropout, from backward passes
 * of the batch's cached forward pass with the output gradient masked to one sample), the full
 * Hessian from central finite differences of exact gradients, output Jacobians from finite
 * differences of the outputs (or from one backward pass per output entry), and the GGN from them.
 *
 * <p>Finite differences use Richardson extrapolation of central differences, {@code (4 D(h/2) −
 * D(h))/3} with {@code h = 1e-4}, so their error is about 1e-13 of the scale in float64.
 */
public final class BruteForce {
  private static final double STEP = 1e-4;

  private BruteForce() {}

  /** {@code G_n = ∇ℓ_n / N} from one forward/backward pass per sample, {@code [N][D]}. */
  public static double[][] perSampleGradients(TinyNet net) {
    int batch = net.batchSize();
    Backend backend = net.backend();
    double[][] result = new double[batch][];
    for (int n = 0; n < batch; n++) {
      try (TensorScope scope = TensorScope.open()) {
        Tensor input = backend.slice(net.inputs(), 0, n, n + 1);
        Tensor target = backend.slice(net.targets(), 0, n, n + 1);
        net.loss().forward(net.model().forward(input), target);
        net.model().backward(net.loss().backward(), false);
        result[n] = scale(net.gradient(), 1.0 / batch);
      }
    }
    return result;
  }

  /**
   * {@code G_n} from the cached forward pass of the whole batch: one backward pass per sample with
   * the output gradient zeroed except for sample n (works with dropout: same masks).
   */
  public static double[][] perSampleGradientsOfCachedPass(TinyNet net) {
    int batch = net.batchSize();
    double[][] result = new double[batch][];
    try (TensorScope scope = TensorScope.open()) {
      Tensor delta = net.loss().backward();
      for (int n = 0; n < batch; n++) {
        Tensor masked = delta.multiply(sampleMask(delta.backend(), delta.shape(), n));
        net.model().backward(masked, false);
        result[n] = net.gradient();
      }
    }
    return result;
  }

  /** {@code ∇L(θ)} of the whole batch (sets θ, runs forward and backward). */
  public static double[] gradient(TinyNet net, double[] theta) {
    net.setTheta(theta);
    try (TensorScope scope = TensorScope.open()) {
      net.forward();
      net.model().backward(net.loss().backward(), false);
      return net.gradient();
    }
  }

  /** The network outputs {@code [N·C]} at θ. */
  public static double[] outputs(TinyNet net, double[] theta) {
    net.setTheta(theta);
    try (TensorScope scope = TensorScope.open()) {
      return net.model().forward(net.inputs()).toDoubleArray();
    }
  }

  /** The full Hessian {@code [D][D]} of L from finite differences of gradients (θ restored). */
  public static double[][] hessian(TinyNet net) {
    double[] theta = net.theta();
    int dimension = theta.length;
    double[][] columns = new double[dimension][];
    for (int j = 0; j < dimension; j++) {
      final int index = j;
      columns[j] = richardson(step -> gradient(net, shifted(theta, index, step)));
    }
    net.setTheta(theta);
    double[][] hessian = new double[dimension][dimension];
    for (int i = 0; i < dimension; i++) {
      for (int j = 0; j < dimension; j++) {
        hessian[i][j] = 0.5 * (columns[j][i] + columns[i][j]);
      }
    }
    return hessian;
  }

  /** Output Jacobians {@code [N][C][D]} from finite differences of the outputs (θ restored). */
  public static double[][][] outputJacobians(TinyNet net) {
    double[] theta = net.theta();
    int dimension = theta.length;
    int batch = net.batchSize();
    double[][] columns = new double[dimension][];
    for (int j = 0; j < dimension; j++) {
      final int index = j;
      columns[j] = richardson(step -> outputs(net, shifted(theta, index, step)));
    }
    net.setTheta(theta);
    int classes = columns[0].length / batch;
    double[][][] jacobians = new double[batch][classes][dimension];
    for (int j = 0; j < dimension; j++) {
      for (int n = 0; n < batch; n++) {
        for (int c = 0; c < classes; c++) {
          jacobians[n][c][j] = columns[j][n * classes + c];
        }
      }
    }
    return jacobians;
  }

  /**
   * Output Jacobians {@code [N][C][D]} of the cached forward pass: one ordinary backward pass per
   * output entry with a unit output gradient.
   */
  public static double[][][] outputJacobiansOfCachedPass(TinyNet net, int classes) {
    int batch = net.batchSize();
    double[][][] jacobians = new double[batch][classes][];
    Backend backend = net.backend();
    for (int n = 0; n < batch; n++) {
      for (int c = 0; c < classes; c++) {
        try (TensorScope scope = TensorScope.open()) {
          double[] unit = new double[batch * classes];
          unit[n * classes + c] = 1.0;
          net.model()
              .backward(backend.fromArray(unit, Shape.of(batch, classes), DType.FLOAT64), false);
          jacobians[n][c] = net.gradient();
        }
      }
    }
    return jacobians;
  }

  /**
   * The loss Hessians w.r.t. each sample's outputs {@code [N][C][C]} (with the 1/N of the mean),
   * from the state the loss cached in its last forward pass.
   */
  public static double[][][] lossHessians(TinyNet net) {
    int batch = net.batchSize();
    if (net.loss() instanceof CrossEntropyLoss crossEntropy) {
      double[] p = crossEntropy.probabilities().toDoubleArray();
      int classes = p.length / batch;
      double[][][] hessians = new double[batch][classes][classes];
      for (int n = 0; n < batch; n++) {
        for (int a = 0; a < classes; a++) {
          for (int b = 0; b < classes; b++) {
            double pa = p[n * classes + a];
            double pb = p[n * classes + b];
            hessians[n][a][b] = ((a == b ? pa : 0.0) - pa * pb) / batch;
          }
        }
      }
      return hessians;
    }
    if (net.loss() instanceof MseLoss mse) {
      int classes = mse.residuals().size() / batch;
      double[][][] hessians = new double[batch][classes][classes];
      for (int n = 0; n < batch; n++) {
        for (int a = 0; a < classes; a++) {
          hessians[n][a][a] = 2.0 / (batch * classes);
        }
      }
      return hessians;
    }
    throw new IllegalArgumentException("no loss Hessian for " + net.loss().type());
  }

  /** {@code G = Σ_n J_nᵀ H_n J_n} {@code [D][D]}. */
  public static double[][] ggn(double[][][] jacobians, double[][][] lossHessians) {
    int dimension = jacobians[0][0].length;
    double[][] ggn = new double[dimension][dimension];
    for (int n = 0; n < jacobians.length; n++) {
      int classes = jacobians[n].length;
      for (int a = 0; a < classes; a++) {
        for (int b = 0; b < classes; b++) {
          double h = lossHessians[n][a][b];
          if (h == 0) {
            continue;
          }
          for (int i = 0; i < dimension; i++) {
            double left = h * jacobians[n][a][i];
            for (int j = 0; j < dimension; j++) {
              ggn[i][j] += left * jacobians[n][b][j];
            }
          }
        }
      }
    }
    return ggn;
  }

  /** The diagonal of a square matrix. */
  public static double[] diagonal(double[][] matrix) {
    double[] diagonal = new double[matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      diagonal[i] = matrix[i][i];
    }
    return diagonal;
  }

  /** {@code M v}. */
  public static double[] multiply(double[][] matrix, double[] vector) {
    double[] result = new double[matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      double sum = 0;
      for (int j = 0; j < vector.length; j++) {
        sum += matrix[i][j] * vector[j];
      }
      result[i] = sum;
    }
    return result;
  }

  /** Splits a flat vector into per-parameter arrays of the given sizes. */
  public static double[][] split(double[] flat, List<Integer> sizes) {
    double[][] parts = new double[sizes.size()][];
    int offset = 0;
    for (int p = 0; p < parts.length; p++) {
      parts[p] = java.util.Arrays.copyOfRange(flat, offset, offset + sizes.get(p));
      offset += sizes.get(p);
    }
    return parts;
  }

  private interface Evaluation {
    double[] at(double step);
  }

  private static double[] richardson(Evaluation evaluation) {
    double[] coarse = centralDifference(evaluation, STEP);
    double[] fine = centralDifference(evaluation, STEP / 2);
    double[] result = new double[coarse.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = (4 * fine[i] - coarse[i]) / 3;
    }
    return result;
  }

  private static double[] centralDifference(Evaluation evaluation, double step) {
    double[] plus = evaluation.at(step);
    double[] minus = evaluation.at(-step);
    double[] result = new double[plus.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = (plus[i] - minus[i]) / (2 * step);
    }
    return result;
  }

  private static double[] shifted(double[] theta, int index, double step) {
    double[] copy = theta.clone();
    copy[index] += step;
    return copy;
  }

  private static double[] scale(double[] values, double factor) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i] * factor;
    }
    return result;
  }

  private static Tensor sampleMask(Backend backend, Shape shape, int sample) {
    double[] mask = new double[shape.sizeAsInt()];
    int perSample = mask.length / shape.dim(0);
    java.util.Arrays.fill(mask, sample * perSample, (sample + 1) * perSample, 1.0);
    return backend.fromArray(mask, shape, DType.FLOAT64);
  }
}
