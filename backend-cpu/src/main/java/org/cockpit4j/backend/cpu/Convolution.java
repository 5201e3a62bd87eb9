package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.ConvGeometry;

/** im2col, col2im and max-pool window search on NCHW arrays, one (n, c) plane at a time. */
final class Convolution {
  private Convolution() {}

  /** Faster float32 planes for some geometries (the Vector API ones, {@link VectorPlanes}). */
  interface PlaneKernels {
    /** {@link #im2colPlane}, or false (nothing written) when the geometry is not handled. */
    boolean im2col(
        float[] x,
        int xOff,
        int height,
        int width,
        ConvGeometry g,
        float[] cols,
        int colOff,
        int rowStride);

    /** {@link #col2imPlane}, or false (nothing written) when the geometry is not handled. */
    boolean col2im(
        float[] cols,
        int colOff,
        int rowStride,
        ConvGeometry g,
        int height,
        int width,
        float[] x,
        int xOff);
  }

  private static final PlaneKernels FAST = loadFast();

  private static PlaneKernels loadFast() {
    if (GemmFactory.vectorApiPresent()) {
      try {
        return (PlaneKernels)
            Class.forName("org.cockpit4j.backend.cpu.VectorPlanes")
                .getDeclaredConstructor()
                .newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        // Fall through to the plain loops.
      }
    }
    return null;
  }

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
   * starting at {@code cols[colOff..]}, each of {@code ho*wo} columns; padding positions are
   * written as zeros, so the rows may hold anything beforehand.
   */
  static void im2colPlane(
      float[] x, int xOff, int height, int width, ConvGeometry g, float[] cols, int colOff) {
    im2colPlane(
        x, xOff, height, width, g, cols, colOff, g.outputHeight(height) * g.outputWidth(width));
  }

  /**
   * {@link #im2colPlane} with the unfolded rows {@code rowStride} elements apart (at least {@code
   * ho*wo}; the gaps are left alone), e.g. two members' rows side by side.
   */
  static void im2colPlane(
      float[] x,
      int xOff,
      int height,
      int width,
      ConvGeometry g,
      float[] cols,
      int colOff,
      int rowStride) {
    if (FAST != null && FAST.im2col(x, xOff, height, width, g, cols, colOff, rowStride)) {
      return;
    }
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
            java.util.Arrays.fill(cols, dst, dst + wo, 0f);
            continue;
          }
          int src = xOff + h * width + w0;
          java.util.Arrays.fill(cols, dst, dst + lo, 0f);
          if (sw == 1) {
            System.arraycopy(x, src + lo, cols, dst + lo, hi - lo);
          } else {
            for (int ow = lo; ow < hi; ow++) {
              cols[dst + ow] = x[src + ow * sw];
            }
          }
          java.util.Arrays.fill(cols, dst + hi, dst + wo, 0f);
        }
        row += rowStride;
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
            java.util.Arrays.fill(cols, dst, dst + wo, 0.0);
            continue;
          }
          int src = xOff + h * width + w0;
          java.util.Arrays.fill(cols, dst, dst + lo, 0.0);
          if (sw == 1) {
            System.arraycopy(x, src + lo, cols, dst + lo, hi - lo);
          } else {
            for (int ow = lo; ow < hi; ow++) {
              cols[dst + ow] = x[src + ow * sw];
            }
          }
          java.util.Arrays.fill(cols, dst + hi, dst + wo, 0.0);
        }
        row += ho * wo;
      }
    }
  }

  /** The adjoint of {@link #im2colPlane}: adds the rows back into plane {@code x[xOff..]}. */
  static void col2imPlane(
      float[] cols, int colOff, ConvGeometry g, int height, int width, float[] x, int xOff) {
    col2imPlane(
        cols, colOff, g.outputHeight(height) * g.outputWidth(width), g, height, width, x, xOff);
  }

  /** {@link #col2imPlane} with the unfolded rows {@code rowStride} elements apart. */
  static void col2imPlane(
      float[] cols,
      int colOff,
      int rowStride,
      ConvGeometry g,
      int height,
      int width,
      float[] x,
      int xOff) {
    if (FAST != null && FAST.col2im(cols, colOff, rowStride, g, height, width, x, xOff)) {
      return;
    }
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
        row += rowStride;
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
    if (isPlainTwoByTwo(g)) {
      maxPoolTwoByTwo(x, xOff, width, ho, wo, out, outOff);
      return;
    }
    int dh = g.dilationHeight();
    int dw = g.dilationWidth();
    int sw = g.strideWidth();
    int kernelWidth = g.kernelWidth();
    // For each kernel column: the output columns whose window column lies inside the image.
    int[] owLos = new int[kernelWidth];
    int[] owHis = new int[kernelWidth];
    for (int kw = 0; kw < kernelWidth; kw++) {
      int w0 = kw * dw - g.paddingWidth();
      owLos[kw] = firstInside(w0, sw);
      owHis[kw] = endInside(w0, sw, width, wo);
    }
    int[] best = new int[wo];
    float[] max = new float[wo];
    for (int oh = 0; oh < ho; oh++) {
      int h0 = oh * g.strideHeight() - g.paddingHeight();
      int khLo = firstInside(h0, dh);
      int khHi = endInside(h0, dh, height, g.kernelHeight());
      // Pass 1: the maximum of every window of this output row (NaN if any is NaN).
      java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
      for (int kh = khLo; kh < khHi; kh++) {
        int rowBase = xOff + (h0 + kh * dh) * width;
        for (int kw = 0; kw < kernelWidth; kw++) {
          int w0 = kw * dw - g.paddingWidth();
          for (int ow = owLos[kw]; ow < owHis[kw]; ow++) {
            max[ow] = Math.max(max[ow], x[rowBase + w0 + ow * sw]);
          }
        }
      }
      // Pass 2: visiting the windows backwards, the last hit is the first position of the max.
      java.util.Arrays.fill(best, -1);
      for (int kh = khHi - 1; kh >= khLo; kh--) {
        int h = h0 + kh * dh;
        int rowBase = xOff + h * width;
        for (int kw = kernelWidth - 1; kw >= 0; kw--) {
          int w0 = kw * dw - g.paddingWidth();
          for (int ow = owLos[kw]; ow < owHis[kw]; ow++) {
            int w = w0 + ow * sw;
            float v = x[rowBase + w];
            float m = max[ow];
            best[ow] = (v == m | (v != v & m != m)) ? h * width + w : best[ow];
          }
        }
      }
      int target = outOff + oh * wo;
      for (int ow = 0; ow < wo; ow++) {
        out[target + ow] = best[ow];
      }
    }
  }

  static void maxPoolPlane(
      double[] x, int xOff, int height, int width, ConvGeometry g, double[] out, int outOff) {
    int ho = g.outputHeight(height);
    int wo = g.outputWidth(width);
    if (isPlainTwoByTwo(g)) {
      maxPoolTwoByTwo(x, xOff, width, ho, wo, out, outOff);
      return;
    }
    int dh = g.dilationHeight();
    int dw = g.dilationWidth();
    int sw = g.strideWidth();
    int kernelWidth = g.kernelWidth();
    // For each kernel column: the output columns whose window column lies inside the image.
    int[] owLos = new int[kernelWidth];
    int[] owHis = new int[kernelWidth];
    for (int kw = 0; kw < kernelWidth; kw++) {
      int w0 = kw * dw - g.paddingWidth();
      owLos[kw] = firstInside(w0, sw);
      owHis[kw] = endInside(w0, sw, width, wo);
    }
    int[] best = new int[wo];
    double[] max = new double[wo];
    for (int oh = 0; oh < ho; oh++) {
      int h0 = oh * g.strideHeight() - g.paddingHeight();
      int khLo = firstInside(h0, dh);
      int khHi = endInside(h0, dh, height, g.kernelHeight());
      // Pass 1: the maximum of every window of this output row (NaN if any is NaN).
      java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
      for (int kh = khLo; kh < khHi; kh++) {
        int rowBase = xOff + (h0 + kh * dh) * width;
        for (int kw = 0; kw < kernelWidth; kw++) {
          int w0 = kw * dw - g.paddingWidth();
          for (int ow = owLos[kw]; ow < owHis[kw]; ow++) {
            max[ow] = Math.max(max[ow], x[rowBase + w0 + ow * sw]);
          }
        }
      }
      // Pass 2: visiting the windows backwards, the last hit is the first position of the max.
      java.util.Arrays.fill(best, -1);
      for (int kh = khHi - 1; kh >= khLo; kh--) {
        int h = h0 + kh * dh;
        int rowBase = xOff + h * width;
        for (int kw = kernelWidth - 1; kw >= 0; kw--) {
          int w0 = kw * dw - g.paddingWidth();
          for (int ow = owLos[kw]; ow < owHis[kw]; ow++) {
            int w = w0 + ow * sw;
            double v = x[rowBase + w];
            double m = max[ow];
            best[ow] = (v == m | (v != v & m != m)) ? h * width + w : best[ow];
          }
        }
      }
      int target = outOff + oh * wo;
      for (int ow = 0; ow < wo; ow++) {
        out[target + ow] = best[ow];
      }
    }
  }

  /** Whether {@code g} is the common 2x2 window with stride 2, no padding and no dilation. */
  static boolean isPlainTwoByTwo(ConvGeometry g) {
    return g.kernelHeight() == 2
        && g.kernelWidth() == 2
        && g.strideHeight() == 2
        && g.strideWidth() == 2
        && g.paddingHeight() == 0
        && g.paddingWidth() == 0
        && g.dilationHeight() == 1
        && g.dilationWidth() == 1;
  }

  /** {@link #maxPoolPlane} for 2x2 windows with stride 2, unrolled and branch-free. */
  private static void maxPoolTwoByTwo(
      float[] x, int xOff, int width, int ho, int wo, float[] out, int outOff) {
    for (int oh = 0; oh < ho; oh++) {
      int target = outOff + oh * wo;
      for (int ow = 0; ow < wo; ow++) {
        int i00 = 2 * oh * width + 2 * ow;
        int s = xOff + i00;
        float v00 = x[s];
        float v01 = x[s + 1];
        float v10 = x[s + width];
        float v11 = x[s + width + 1];
        float m = Math.max(Math.max(v00, v01), Math.max(v10, v11));
        // Backwards, so that the first position holding the maximum (or a NaN) wins.
        int index = i00 + width + 1;
        index = (v10 == m | v10 != v10) ? i00 + width : index;
        index = (v01 == m | v01 != v01) ? i00 + 1 : index;
        index = (v00 == m | v00 != v00) ? i00 : index;
        out[target + ow] = index;
      }
    }
  }

  /** {@link #maxPoolPlane} for 2x2 windows with stride 2, unrolled and branch-free. */
  private static void maxPoolTwoByTwo(
      double[] x, int xOff, int width, int ho, int wo, double[] out, int outOff) {
    for (int oh = 0; oh < ho; oh++) {
      int target = outOff + oh * wo;
      for (int ow = 0; ow < wo; ow++) {
        int i00 = 2 * oh * width + 2 * ow;
        int s = xOff + i00;
        double v00 = x[s];
        double v01 = x[s + 1];
        double v10 = x[s + width];
        double v11 = x[s + width + 1];
        double m = Math.max(Math.max(v00, v01), Math.max(v10, v11));
        int index = i00 + width + 1;
        index = (v10 == m | v10 != v10) ? i00 + width : index;
        index = (v01 == m | v01 != v01) ? i00 + 1 : index;
        index = (v00 == m | v00 != v00) ? i00 : index;
        out[target + ow] = index;
      }
    }
  }
}
