package org.cockpit4j.nn;

import org.cockpit4j.backend.ConvGeometry;

/**
 * Brute-force float64 twins of the layers and losses: direct loops over every index, written
 * straight from the PyTorch definitions, with no im2col, gather or matrix product.
 */
public final class BruteForce {
  private BruteForce() {}

  /** {@code y[n, o] = Σ_i x[n, i] w[o, i] + b[o]}; {@code bias} may be null. */
  public static double[] linear(double[] x, double[] w, double[] b, int n, int in, int out) {
    double[] y = new double[n * out];
    for (int s = 0; s < n; s++) {
      for (int o = 0; o < out; o++) {
        double sum = b == null ? 0 : b[o];
        for (int i = 0; i < in; i++) {
          sum += x[s * in + i] * w[o * in + i];
        }
        y[s * out + o] = sum;
      }
    }
    return y;
  }

  /**
   * Direct convolution {@code y[n,o,i,j] = b[o] + Σ_{c,a,e} w[o,c,a,e] xpad[n, c, i*sH + a*dH − pH,
   * j*sW + e*dW − pW]} (zero outside the input).
   */
  public static double[] conv2d(
      double[] x, double[] w, double[] b, int n, int c, int h, int wd, int o, ConvGeometry g) {
    int ho = g.outputHeight(h);
    int wo = g.outputWidth(wd);
    int kh = g.kernelHeight();
    int kw = g.kernelWidth();
    double[] y = new double[n * o * ho * wo];
    for (int s = 0; s < n; s++) {
      for (int oc = 0; oc < o; oc++) {
        for (int i = 0; i < ho; i++) {
          for (int j = 0; j < wo; j++) {
            double sum = b == null ? 0 : b[oc];
            for (int ic = 0; ic < c; ic++) {
              for (int a = 0; a < kh; a++) {
                for (int e = 0; e < kw; e++) {
                  int row = i * g.strideHeight() + a * g.dilationHeight() - g.paddingHeight();
                  int col = j * g.strideWidth() + e * g.dilationWidth() - g.paddingWidth();
                  if (row >= 0 && row < h && col >= 0 && col < wd) {
                    sum +=
                        w[((oc * c + ic) * kh + a) * kw + e]
                            * x[((s * c + ic) * h + row) * wd + col];
                  }
                }
              }
            }
            y[((s * o + oc) * ho + i) * wo + j] = sum;
          }
        }
      }
    }
    return y;
  }

  /** Max over each window, padding never winning (PyTorch pads with −∞). */
  public static double[] maxPool2d(double[] x, int planes, int h, int wd, ConvGeometry g) {
    return pool(x, planes, h, wd, g, true);
  }

  /** Average over each window with divisor {@code kH*kW} (padded zeros count). */
  public static double[] avgPool2d(double[] x, int planes, int h, int wd, ConvGeometry g) {
    return pool(x, planes, h, wd, g, false);
  }

  private static double[] pool(
      double[] x, int planes, int h, int wd, ConvGeometry g, boolean maximum) {
    int ho = g.outputHeight(h);
    int wo = g.outputWidth(wd);
    double[] y = new double[planes * ho * wo];
    for (int p = 0; p < planes; p++) {
      for (int i = 0; i < ho; i++) {
        for (int j = 0; j < wo; j++) {
          double acc = maximum ? Double.NEGATIVE_INFINITY : 0;
          for (int a = 0; a < g.kernelHeight(); a++) {
            for (int e = 0; e < g.kernelWidth(); e++) {
              int row = i * g.strideHeight() + a * g.dilationHeight() - g.paddingHeight();
              int col = j * g.strideWidth() + e * g.dilationWidth() - g.paddingWidth();
              boolean inside = row >= 0 && row < h && col >= 0 && col < wd;
              double value = inside ? x[(p * h + row) * wd + col] : 0;
              if (maximum) {
                if (inside) {
                  acc = Math.max(acc, value);
                }
              } else {
                acc += value;
              }
            }
          }
          y[(p * ho + i) * wo + j] = maximum ? acc : acc / (g.kernelHeight() * g.kernelWidth());
        }
      }
    }
    return y;
  }

  /** {@code ℓ_n = −log softmax(f_n)[y_n]}, computed with a max shift in plain loops. */
  public static double[] crossEntropy(double[] logits, double[] targets, int n, int classes) {
    double[] losses = new double[n];
    for (int s = 0; s < n; s++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < classes; k++) {
        max = Math.max(max, logits[s * classes + k]);
      }
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        sum += Math.exp(logits[s * classes + k] - max);
      }
      losses[s] = -(logits[s * classes + (int) targets[s]] - max - Math.log(sum));
    }
    return losses;
  }

  /** The mean of the values. */
  public static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
