package org.cockpit4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.cockpit4j.backend.ConvGeometry;
import org.junit.jupiter.api.Test;

/**
 * One-plane im2col and col2im (the Vector API versions where the geometry allows, the plain loops
 * otherwise) against brute-force twins, on widths below, at and above one vector, and without
 * touching anything outside their plane.
 */
class ConvolutionPlaneTest {
  private static final ConvGeometry[] GEOMETRIES = {
    ConvGeometry.square(5, 1, 2),
    ConvGeometry.square(3, 1, 0),
    ConvGeometry.square(1, 1, 0),
    new ConvGeometry(2, 4, 1, 1, 0, 3, 1, 1),
    ConvGeometry.square(3, 2, 1)
  };
  private static final float SENTINEL = 12345f;

  private static float value(float[] x, int height, int width, int h, int w) {
    return h < 0 || h >= height || w < 0 || w >= width ? 0f : x[h * width + w];
  }

  @Test
  void planesMatchTheirDefinitions() {
    Random random = new Random(5);
    for (ConvGeometry g : GEOMETRIES) {
      for (int[] size : new int[][] {{6, 5}, {9, 17}, {20, 33}, {28, 28}}) {
        int height = size[0];
        int width = size[1];
        int ho = g.outputHeight(height);
        int wo = g.outputWidth(width);
        int rows = g.kernelHeight() * g.kernelWidth();
        float[] x = new float[height * width];
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) random.nextGaussian();
        }
        // The plane sits between sentinels at offset 7 of a larger array.
        float[] cols = new float[7 + rows * ho * wo + 40];
        java.util.Arrays.fill(cols, SENTINEL);
        Convolution.im2colPlane(x, 0, height, width, g, cols, 7);
        String what = g + " on " + height + "x" + width;
        for (int i = 0; i < 7; i++) {
          assertEquals(SENTINEL, cols[i], what);
        }
        for (int i = 7 + rows * ho * wo; i < cols.length; i++) {
          assertEquals(SENTINEL, cols[i], what);
        }
        double[] folded = new double[height * width];
        for (int kh = 0; kh < g.kernelHeight(); kh++) {
          for (int kw = 0; kw < g.kernelWidth(); kw++) {
            int row = kh * g.kernelWidth() + kw;
            for (int oh = 0; oh < ho; oh++) {
              for (int ow = 0; ow < wo; ow++) {
                int h = oh * g.strideHeight() - g.paddingHeight() + kh * g.dilationHeight();
                int w = ow * g.strideWidth() - g.paddingWidth() + kw * g.dilationWidth();
                float entry = cols[7 + (row * ho + oh) * wo + ow];
                assertEquals(value(x, height, width, h, w), entry, what);
                if (h >= 0 && h < height && w >= 0 && w < width) {
                  folded[h * width + w] += entry;
                }
              }
            }
          }
        }
        float[] image = new float[height * width + 3];
        java.util.Arrays.fill(image, 1f);
        Convolution.col2imPlane(cols, 7, g, height, width, image, 1);
        assertEquals(1f, image[0], what);
        assertEquals(1f, image[height * width + 1], what);
        for (int i = 0; i < height * width; i++) {
          assertEquals(1 + folded[i], image[1 + i], 1e-4 * (1 + Math.abs(folded[i])), what);
        }
      }
    }
  }

  @Test
  void rowsMayLieApartLeavingTheGapsAlone() {
    Random random = new Random(6);
    for (ConvGeometry g : GEOMETRIES) {
      int height = 14;
      int width = 14;
      int length = g.outputHeight(height) * g.outputWidth(width);
      int rows = g.kernelHeight() * g.kernelWidth();
      int stride = 2 * length;
      float[] x = new float[height * width];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) random.nextGaussian();
      }
      float[] dense = new float[rows * length];
      Convolution.im2colPlane(x, 0, height, width, g, dense, 0);
      float[] spread = new float[rows * stride];
      java.util.Arrays.fill(spread, SENTINEL);
      Convolution.im2colPlane(x, 0, height, width, g, spread, 0, stride);
      for (int r = 0; r < rows; r++) {
        for (int i = 0; i < length; i++) {
          assertEquals(dense[r * length + i], spread[r * stride + i], g.toString());
          assertEquals(SENTINEL, spread[r * stride + length + i], g + " gap");
        }
      }
      float[] fromDense = new float[height * width];
      float[] fromSpread = new float[height * width];
      Convolution.col2imPlane(dense, 0, g, height, width, fromDense, 0);
      Convolution.col2imPlane(spread, 0, stride, g, height, width, fromSpread, 0);
      assertArrayEquals(fromDense, fromSpread, 0f, g.toString());
    }
  }

  @Test
  void planesOfOnePaddedSizeButAnotherPaddingDoNotShareTheBorder() {
    // 10x9 padded by 2 and 14x13 padded by 0 are both 14x13 once padded.
    float[] small = new float[10 * 9];
    float[] large = new float[14 * 13];
    java.util.Arrays.fill(small, 1f);
    java.util.Arrays.fill(large, 2f);
    ConvGeometry padded = ConvGeometry.square(3, 1, 2);
    ConvGeometry unpadded = ConvGeometry.square(3, 1, 0);
    float[] first = new float[9 * 12 * 11];
    Convolution.im2colPlane(small, 0, 10, 9, padded, first, 0);
    float[] second = new float[9 * 12 * 11];
    Convolution.im2colPlane(large, 0, 14, 13, unpadded, second, 0);
    for (float v : second) {
      assertEquals(2f, v);
    }
    float[] again = new float[9 * 12 * 11];
    Convolution.im2colPlane(small, 0, 10, 9, padded, again, 0);
    assertArrayEquals(first, again, 0f);
  }
}
