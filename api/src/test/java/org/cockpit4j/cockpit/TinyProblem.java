package org.cockpit4j.cockpit;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.data.Batch;
import org.cockpit4j.nn.Conv2d;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.Flatten;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.LossValue;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.nn.Tanh;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * A tiny float64 classification problem for Cockpit tests, with brute-force twins of what the
 * backprop extensions compute: per-sample gradients by one backward pass per sample, and the
 * Hessian by central differences of gradients (no extension, no R-operator involved).
 *
 * <p>Network: Conv2d(1→2, 2×2) on [1, 3, 3], Tanh, Flatten, Linear(8→3) — a dense (convolution) and
 * an outer-product (linear) weight, two biases, and a curved activation. Cross-entropy, batch
 * {@link #BATCH}, a fixed batch per step.
 */
public final class TinyProblem {
  /** Samples per batch. */
  public static final int BATCH = 5;

  private static final int CLASSES = 3;

  private final Backend backend;
  private final long seed;

  /** A problem on {@code backend}, data and initial parameters from {@code seed}. */
  public TinyProblem(Backend backend, long seed) {
    this.backend = backend;
    this.seed = seed;
  }

  /** The backend. */
  public Backend backend() {
    return backend;
  }

  /** A fresh model with the seed's initial parameters. */
  public Sequential model() {
    Initializer init = new Initializer(backend, DType.FLOAT64, seed);
    return new Sequential(
        new Conv2d(init, 1, 2, 2, 1, 0), new Tanh(), new Flatten(), new Linear(init, 8, CLASSES));
  }

  /** The loss. */
  public Loss loss() {
    return new CrossEntropyLoss();
  }

  /** The host data of batch {@code step}: inputs [N·9] then labels [N]. */
  public double[][] data(int step) {
    double[] inputs = new double[BATCH * 9];
    double[] labels = new double[BATCH];
    java.util.Random random = new java.util.Random(seed * 1000 + step);
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = random.nextGaussian();
    }
    for (int n = 0; n < BATCH; n++) {
      labels[n] = random.nextInt(CLASSES);
    }
    return new double[][] {inputs, labels};
  }

  /** Batch {@code step} on the backend (in the current scope). */
  public Batch batch(int step) {
    double[][] data = data(step);
    return new Batch(
        backend.fromArray(data[0], Shape.of(BATCH, 1, 3, 3), DType.FLOAT64),
        backend.fromArray(data[1], Shape.of(BATCH), DType.FLOAT64));
  }

  /** The current parameter values, flattened and concatenated. */
  public static double[] flatValues(List<Parameter> parameters) {
    List<double[]> parts = new ArrayList<>();
    for (Parameter parameter : parameters) {
      parts.add(parameter.value().toDoubleArray());
    }
    return concatenate(parts);
  }

  /** Sets the parameters from a flat vector. */
  public static void setFlatValues(List<Parameter> parameters, double[] values) {
    int offset = 0;
    for (Parameter parameter : parameters) {
      double[] part = new double[parameter.size()];
      System.arraycopy(values, offset, part, 0, part.length);
      parameter.setValues(part);
      offset += part.length;
    }
  }

  /** Concatenates arrays. */
  public static double[] concatenate(List<double[]> parts) {
    int total = 0;
    for (double[] part : parts) {
      total += part.length;
    }
    double[] all = new double[total];
    int offset = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, all, offset, part.length);
      offset += part.length;
    }
    return all;
  }

  /**
   * The loss and flat gradient of {@code model} on samples {@code [from, to)} of batch {@code
   * step}.
   */
  @SuppressWarnings("try")
  public double[] gradient(Sequential model, int step, int from, int to, double[] lossOut) {
    double[][] data = data(step);
    int count = to - from;
    double[] inputs = new double[count * 9];
    System.arraycopy(data[0], from * 9, inputs, 0, inputs.length);
    double[] labels = new double[count];
    System.arraycopy(data[1], from, labels, 0, count);
    Loss loss = loss();
    try (TensorScope scope = TensorScope.open()) {
      Tensor output =
          model.forward(backend.fromArray(inputs, Shape.of(count, 1, 3, 3), DType.FLOAT64));
      LossValue value =
          loss.forward(output, backend.fromArray(labels, Shape.of(count), DType.FLOAT64));
      model.backward(loss.backward(), false);
      if (lossOut != null) {
        lossOut[0] = value.value();
      }
      List<double[]> parts = new ArrayList<>();
      for (Parameter parameter : model.parameters()) {
        parts.add(parameter.gradient().toDoubleArray());
        parameter.setGradient(null);
      }
      return concatenate(parts);
    }
  }

  /** The network outputs (logits) of batch {@code step} at the model's point, [N][C]. */
  @SuppressWarnings("try")
  public double[][] outputs(Sequential model, int step) {
    double[][] data = data(step);
    try (TensorScope scope = TensorScope.open()) {
      double[] flat =
          model
              .forward(backend.fromArray(data[0], Shape.of(BATCH, 1, 3, 3), DType.FLOAT64))
              .toDoubleArray();
      double[][] outputs = new double[BATCH][CLASSES];
      for (int n = 0; n < BATCH; n++) {
        System.arraycopy(flat, n * CLASSES, outputs[n], 0, CLASSES);
      }
      return outputs;
    }
  }

  /**
   * The diagonal of the generalized Gauss-Newton matrix {@code (1/N) Σ_n J_nᵀ (diag(p_n) − p_n
   * p_nᵀ) J_n} with output Jacobians {@code J_n} by central differences.
   */
  public double[] ggnDiagonal(Sequential model, int step) {
    double[] theta = flatValues(model.parameters());
    double[][] logits = outputs(model, step);
    double h = 1e-6;
    double[] diagonal = new double[theta.length];
    for (int j = 0; j < theta.length; j++) {
      double[] shifted = theta.clone();
      shifted[j] += h;
      setFlatValues(model.parameters(), shifted);
      double[][] plus = outputs(model, step);
      shifted[j] = theta[j] - h;
      setFlatValues(model.parameters(), shifted);
      double[][] minus = outputs(model, step);
      for (int n = 0; n < BATCH; n++) {
        double[] p = softmax(logits[n]);
        double[] column = new double[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
          column[c] = (plus[n][c] - minus[n][c]) / (2 * h);
        }
        double quadratic = 0;
        for (int c = 0; c < CLASSES; c++) {
          for (int d = 0; d < CLASSES; d++) {
            double curvature = (c == d ? p[c] : 0) - p[c] * p[d];
            quadratic += column[c] * curvature * column[d];
          }
        }
        diagonal[j] += quadratic / BATCH;
      }
    }
    setFlatValues(model.parameters(), theta);
    return diagonal;
  }

  private static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double logit : logits) {
      max = Math.max(max, logit);
    }
    double total = 0;
    double[] p = new double[logits.length];
    for (int c = 0; c < logits.length; c++) {
      p[c] = Math.exp(logits[c] - max);
      total += p[c];
    }
    for (int c = 0; c < logits.length; c++) {
      p[c] /= total;
    }
    return p;
  }

  /** The true per-sample gradients ∇ℓ_n at the model's point, [N][D]: one pass per sample. */
  public double[][] perSampleGradients(Sequential model, int step) {
    double[][] gradients = new double[BATCH][];
    for (int n = 0; n < BATCH; n++) {
      gradients[n] = gradient(model, step, n, n + 1, null);
    }
    return gradients;
  }

  /** The individual losses ℓ_n at the model's point. */
  public double[] individualLosses(Sequential model, int step) {
    double[] losses = new double[BATCH];
    double[] value = new double[1];
    for (int n = 0; n < BATCH; n++) {
      gradient(model, step, n, n + 1, value);
      losses[n] = value[0];
    }
    return losses;
  }

  /** The Hessian of the mean loss by central differences of gradients ({@code h = 1e-5}). */
  public double[][] hessian(Sequential model, int step) {
    double[] theta = flatValues(model.parameters());
    int dimension = theta.length;
    double[][] hessian = new double[dimension][dimension];
    double h = 1e-5;
    for (int j = 0; j < dimension; j++) {
      double[] shifted = theta.clone();
      shifted[j] += h;
      setFlatValues(model.parameters(), shifted);
      double[] plus = gradient(model, step, 0, BATCH, null);
      shifted[j] = theta[j] - h;
      setFlatValues(model.parameters(), shifted);
      double[] minus = gradient(model, step, 0, BATCH, null);
      for (int i = 0; i < dimension; i++) {
        hessian[i][j] = (plus[i] - minus[i]) / (2 * h);
      }
    }
    setFlatValues(model.parameters(), theta);
    for (int i = 0; i < dimension; i++) {
      for (int j = 0; j < i; j++) {
        double mean = (hessian[i][j] + hessian[j][i]) / 2;
        hessian[i][j] = mean;
        hessian[j][i] = mean;
      }
    }
    return hessian;
  }
}
