package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.ConvGeometry;

/** im2col, col2im and max-pool window search on NCHW arrays, one (n, c) plane at a time. */
final class Convolution {
  private Convolution() {}

  /** First output column {@code ow} with {@code w0 + ow*stride >= 0}. */
  static int firstInside(int w0, int stride) {
    return w0 >= 0 ? 0 : (-w0 + stride - 1) / stride;
  }

  /** One past the last output column {@code ow < wo} with {@code w0 + ow*stride < width}. */
  static int endInside(int w0, int stride, int width, int wo) {
    return w0 >= width ? 0 : Math.min(wo, (width - 1 - w0) / stride + 1);
  }

  /**
   * Unfolds channel plane {@code x[xOff..]} ({@code height x width}) into the {@code kH*kW} rows
   * starting at {@code cols[colOff..]}, each of {@code ho*wo} columns. The rows must be zero
   * beforehand (padding positions are skipped, not written).
   */
  static void im2colPlane(
      float[] x, int xOff, int height, int width, ConvGeometry g, float[] cols, int colOff) {
    int ho = g.outputHeight(height);
    int wo = g.outputWidth(width);
    int sw = g.strideWidth();
    int row = colOff;
    for (int kh = 0; kh < g.kernelHeight(); kh++) {
      for (int kw = 0; kw < g.kernelWidth(); kw++) {
        int w0 = kw * g.dilationWidth() - g.paddingWidth();
        int lo = firstInside(w0, sw);
        int hi = endInside(w0, sw, width, wo);
        int dst = row;
        for (int oh = 0; oh < ho; oh++, dst += wo) {
          int h = oh * g.strideHeight() - g.paddingHeight() + kh * g.dilationHeight();
          if (h < 0 || h >= height || lo >= hi) {
            continue;
          }
          int src = xOff + h * width + w0;
          if (sw == 1) {
            System.arraycopy(x, src + lo, cols, dst + lo, hi - lo);
          } else {
            for (int ow = lo; ow < hi; ow++) {
              cols[dst + ow] = x[src + ow * sw];
            }
          }
        }
        row += ho * wo;
      }
    }
  }

  static void im2colPlane(
      double[] x, int xOff, int height, int width, ConvGeometry g, double[] cols, int colOff) {
    int ho = g.outputHeight(height);
    int wo = g.outputWidth(width);
    int sw = g.strideWidth();
    int row = colOff;
    for (int kh = 0; kh < g.kernelHeight(); kh++) {
      for (int kw = 0; kw < g.kernelWidth(); kw++) {
        int w0 = kw * g.dilationWidth() - g.paddingWidth();
        int lo = firstInside(w0, sw);
        int hi = endInside(w0, sw, width, wo);
        int dst = row;
        for (int oh = 0; oh < ho; oh++, dst += wo) {
          int h = oh * g.strideHeight() - g.paddingHeight() + kh * g.dilationHeight();
          if (h < 0 || h >= height || lo >= hi) {
            continue;
          }
          int src = xOff + h * width + w0;
          if (sw == 1) {
            System.arraycopy(x, src + lo, cols, dst + lo, hi - lo);
          } else {
            for (int ow = lo; ow < hi; ow++) {
              cols[dst + ow] = x[src + ow * sw];
            }
          }
        }
        row += ho * wo;
      }
    }
  }

  /** The adjoint of {@link #im2colPlane}: adds the rows back into plane {@code x[xOff..]}. */
  static void col2imPlane(
      float[] cols, int colOff, ConvGeometry g, int height, int width, float[] x, int xOff) {
    int ho = g.outputHeight(height);
    int wo = g.outputWidth(width);
    int sw = g.strideWidth();
    int row = colOff;
    for (int kh = 0; kh < g.kernelHeight(); kh++) {
      for (int kw = 0; kw < g.kernelWidth(); kw++) {
        int w0 = kw * g.dilationWidth() - g.paddingWidth();
        int lo = firstInside(w0, sw);
        int hi = endInside(w0, sw, width, wo);
        int src = row;
        for (int oh = 0; oh < ho; oh++, src += wo) {
          int h = oh * g.strideHeight() - g.paddingHeight() + kh * g.dilationHeight();
          if (h < 0 || h >= height) {
            continue;
          }
          int dst = xOff + h * width + w0;
          if (sw == 1) {
            for (int ow = lo; ow < hi; ow++) {
              x[dst + ow] += cols[src + ow];
            }
          } else {
            for (int ow = lo; ow < hi; ow++) {
              x[dst + ow * sw] += cols[src + ow];
            }
          }
        }
        row += ho * wo;
      }
    }
  }

  static void col2imPlane(
      double[] cols, int colOff, ConvGeometry g, int height, int width, double[] x, int xOff) {
    int ho = g.outputHeight(height);
    int wo = g.outputWidth(width);
    int sw = g.strideWidth();
    int row = colOff;
    for (int kh = 0; kh < g.kernelHeight(); kh++) {
      for (int kw = 0; kw < g.kernelWidth(); kw++) {
        int w0 = kw * g.dilationWidth() - g.paddingWidth();
        int lo = firstInside(w0, sw);
        int hi = endInside(w0, sw, width, wo);
        int src = row;
        for (int oh = 0; oh < ho; oh++, src += wo) {
          int h = oh * g.strideHeight() - g.paddingHeight() + kh * g.dilationHeight();
          if (h < 0 || h >= height) {
            continue;
          }
          int dst = xOff + h * width + w0;
          if (sw == 1) {
            for (int ow = lo; ow < hi; ow++) {
              x[dst + ow] += cols[src + ow];
            }
          } else {
            for (int ow = lo; ow < hi; ow++) {
              x[dst + ow * sw] += cols[src + ow];
            }
          }
        }
        row += ho * wo;
      }
    }
  }

  /**
   * Writes, for each window of plane {@code x[xOff..]}, the flat index {@code h*width + w} of its
   * largest element (first on ties; padding never wins) to {@code out[outOff..]}.
   */
  static void maxPoolPlane(
      float[] x, int xOff, int height, int width, ConvGeometry g, float[] out, int outOff) {
    int ho = g.outputHeight(height);
    int wo = g.outputWidth(width);
    for (int oh = 0; oh < ho; oh++) {
      for (int ow = 0; ow < wo; ow++) {
        int best = -1;
        float bestValue = 0f;
        for (int kh = 0; kh < g.kernelHeight(); kh++) {
          int h = oh * g.strideHeight() - g.paddingHeight() + kh * g.dilationHeight();
          if (h < 0 || h >= height) {
            continue;
          }
          for (int kw = 0; kw < g.kernelWidth(); kw++) {
            int w = ow * g.strideWidth() - g.paddingWidth() + kw * g.dilationWidth();
            if (w < 0 || w >= width) {
              continue;
            }
            float v = x[xOff + h * width + w];
            if (best < 0 || v > bestValue || (Float.isNaN(v) && !Float.isNaN(bestValue))) {
              best = h * width + w;
              bestValue = v;
            }
          }
        }
        out[outOff + oh * wo + ow] = best;
      }
    }
  }

  static void maxPoolPlane(
      double[] x, int xOff, int height, int width, ConvGeometry g, double[] out, int outOff) {
    int ho = g.outputHeight(height);
    int wo = g.outputWidth(width);
    for (int oh = 0; oh < ho; oh++) {
      for (int ow = 0; ow < wo; ow++) {
        int best = -1;
        double bestValue = 0.0;
        for (int kh = 0; kh < g.kernelHeight(); kh++) {
          int h = oh * g.strideHeight() - g.paddingHeight() + kh * g.dilationHeight();
          if (h < 0 || h >= height) {
            continue;
          }
          for (int kw = 0; kw < g.kernelWidth(); kw++) {
            int w = ow * g.strideWidth() - g.paddingWidth() + kw * g.dilationWidth();
            if (w < 0 || w >= width) {
              continue;
            }
            double v = x[xOff + h * width + w];
            if (best < 0 || v > bestValue || (Double.isNaN(v) && !Double.isNaN(bestValue))) {
              best = h * width + w;
              bestValue = v;
            }
          }
        }
        out[outOff + oh * wo + ow] = best;
      }
    }
  }
}
