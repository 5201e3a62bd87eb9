package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.ConvGeometry;

/** im2col, col2im and max-pool window search on NCHW arrays, one (n, c) plane at a time. */
final class Convolution {
  private Convolution() {}

  /**
   * Unfolds channel plane {@code x[xOff..]} ({@code height x width}) into the {@code kH*kW} rows
   * starting at {@code cols[colOff..]}, each of {@code ho*wo} columns.
   */
  static void im2colPlane(
      float[] x, int xOff, int height, int width, ConvGeometry g, float[] cols, int colOff) {
    int ho = g.outputHeight(height);
    int wo = g.outputWidth(width);
    int row = colOff;
    for (int kh = 0; kh < g.kernelHeight(); kh++) {
      for (int kw = 0; kw < g.kernelWidth(); kw++) {
        int dst = row;
        for (int oh = 0; oh < ho; oh++) {
          int h = oh * g.strideHeight() - g.paddingHeight() + kh * g.dilationHeight();
          if (h < 0 || h >= height) {
            java.util.Arrays.fill(cols, dst, dst + wo, 0f);
            dst += wo;
            continue;
          }
          int src = xOff + h * width;
          int w0 = kw * g.dilationWidth() - g.paddingWidth();
          int sw = g.strideWidth();
          for (int ow = 0; ow < wo; ow++) {
            int w = w0 + ow * sw;
            cols[dst++] = (w >= 0 && w < width) ? x[src + w] : 0f;
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
    int row = colOff;
    for (int kh = 0; kh < g.kernelHeight(); kh++) {
      for (int kw = 0; kw < g.kernelWidth(); kw++) {
        int dst = row;
        for (int oh = 0; oh < ho; oh++) {
          int h = oh * g.strideHeight() - g.paddingHeight() + kh * g.dilationHeight();
          if (h < 0 || h >= height) {
            java.util.Arrays.fill(cols, dst, dst + wo, 0.0);
            dst += wo;
            continue;
          }
          int src = xOff + h * width;
          int w0 = kw * g.dilationWidth() - g.paddingWidth();
          int sw = g.strideWidth();
          for (int ow = 0; ow < wo; ow++) {
            int w = w0 + ow * sw;
            cols[dst++] = (w >= 0 && w < width) ? x[src + w] : 0.0;
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
    int row = colOff;
    for (int kh = 0; kh < g.kernelHeight(); kh++) {
      for (int kw = 0; kw < g.kernelWidth(); kw++) {
        int src = row;
        for (int oh = 0; oh < ho; oh++) {
          int h = oh * g.strideHeight() - g.paddingHeight() + kh * g.dilationHeight();
          if (h < 0 || h >= height) {
            src += wo;
            continue;
          }
          int dst = xOff + h * width;
          int w0 = kw * g.dilationWidth() - g.paddingWidth();
          int sw = g.strideWidth();
          for (int ow = 0; ow < wo; ow++, src++) {
            int w = w0 + ow * sw;
            if (w >= 0 && w < width) {
              x[dst + w] += cols[src];
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
    int row = colOff;
    for (int kh = 0; kh < g.kernelHeight(); kh++) {
      for (int kw = 0; kw < g.kernelWidth(); kw++) {
        int src = row;
        for (int oh = 0; oh < ho; oh++) {
          int h = oh * g.strideHeight() - g.paddingHeight() + kh * g.dilationHeight();
          if (h < 0 || h >= height) {
            src += wo;
            continue;
          }
          int dst = xOff + h * width;
          int w0 = kw * g.dilationWidth() - g.paddingWidth();
          int sw = g.strideWidth();
          for (int ow = 0; ow < wo; ow++, src++) {
            int w = w0 + ow * sw;
            if (w >= 0 && w < width) {
              x[dst + w] += cols[src];
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
