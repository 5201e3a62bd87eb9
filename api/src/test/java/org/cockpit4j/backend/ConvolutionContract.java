package org.cockpit4j.backend;

import static org.cockpit4j.backend.ContractValues.assertClose;
import static org.cockpit4j.backend.ContractValues.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backend contract, part: im2col, col2im and max-pooling indices. See {@link
 * BackendContractTest}.
 */
public interface ConvolutionContract extends BackendContract {

  ConvGeometry[] GEOMETRIES = {
    ConvGeometry.square(3, 1, 1),
    ConvGeometry.square(2, 2, 0),
    ConvGeometry.square(5, 1, 2),
    new ConvGeometry(3, 2, 2, 1, 1, 0, 1, 2),
    new ConvGeometry(2, 3, 1, 2, 0, 1, 2, 1),
    ConvGeometry.square(1, 1, 0)
  };

  private static double[] im2colTwin(double[] x, int n, int c, int h, int w, ConvGeometry g) {
    int ho = g.outputHeight(h);
    int wo = g.outputWidth(w);
    int kh = g.kernelHeight();
    int kw = g.kernelWidth();
    double[] out = new double[n * c * kh * kw * ho * wo];
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        for (int i = 0; i < kh; i++) {
          for (int j = 0; j < kw; j++) {
            int row = (ch * kh + i) * kw + j;
            for (int oh = 0; oh < ho; oh++) {
              for (int ow = 0; ow < wo; ow++) {
                int hh = oh * g.strideHeight() - g.paddingHeight() + i * g.dilationHeight();
                int ww = ow * g.strideWidth() - g.paddingWidth() + j * g.dilationWidth();
                double v =
                    hh >= 0 && hh < h && ww >= 0 && ww < w
                        ? x[((b * c + ch) * h + hh) * w + ww]
                        : 0;
                out[((b * c * kh * kw) + row) * ho * wo + oh * wo + ow] = v;
              }
            }
          }
        }
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  default void im2colAndCol2imMatchTheirDefinitions(DType dtype) {
    int n = 2;
    int c = 3;
    int h = 7;
    int w = 6;
    double[] x = values(n * c * h * w, 60, dtype);
    Tensor tx = tensor(x, dtype, n, c, h, w);
    long seed = 61;
    for (ConvGeometry g : GEOMETRIES) {
      int ho = g.outputHeight(h);
      int wo = g.outputWidth(w);
      int window = g.kernelHeight() * g.kernelWidth();
      double[] expected = im2colTwin(x, n, c, h, w, g);
      Tensor cols = backend().im2col(tx, g);
      assertEquals(Shape.of(n, c * window, ho * wo), cols.shape(), g.toString());
      assertArrayEquals(expected, cols.toDoubleArray(), 0.0, g.toString());
      // col2im is the adjoint: scatter each column entry back to its source pixel.
      double[] y = values(expected.length, seed++, dtype);
      double[] folded = new double[x.length];
      double[] scale = new double[x.length];
      double[] ones = new double[x.length];
      for (int i = 0; i < ones.length; i++) {
        ones[i] = i + 1; // identify the source pixel of every column entry
      }
      double[] sources = im2colTwin(ones, n, c, h, w, g);
      for (int i = 0; i < sources.length; i++) {
        if (sources[i] != 0) {
          folded[(int) sources[i] - 1] += y[i];
          scale[(int) sources[i] - 1] += Math.abs(y[i]);
        }
      }
      Tensor image = backend().col2im(tensor(y, dtype, n, c * window, ho * wo), g, h, w);
      assertEquals(Shape.of(n, c, h, w), image.shape());
      assertClose(folded, scale, image, dtype, "col2im " + g);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> backend().im2col(tensor(x, dtype, n * c, h * w), GEOMETRIES[0]));
    Tensor wrong = backend().full(Shape.of(2, 10, 42), dtype, 0);
    assertThrows(
        IllegalArgumentException.class, () -> backend().col2im(wrong, GEOMETRIES[0], h, w));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  default void maxPoolIndicesPickTheFirstLargestInsideTheImage(DType dtype) {
    int n = 2;
    int c = 2;
    int h = 6;
    int w = 5;
    double[] x = values(n * c * h * w, 70, dtype);
    for (int i = 0; i < x.length; i += 7) {
      x[i] = -5; // negative values so that zero padding would win if it took part
    }
    x[0] = 0.9;
    x[1] = 0.9; // a tie inside the first window
    ConvGeometry[] geometries = {
      ConvGeometry.square(2, 2, 0),
      ConvGeometry.square(3, 1, 1),
      new ConvGeometry(3, 2, 2, 2, 1, 1, 1, 1),
      new ConvGeometry(2, 2, 1, 1, 0, 0, 2, 2)
    };
    double[] negative = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      negative[i] = -Math.abs(x[i]) - 1;
    }
    for (double[] data : new double[][] {x, negative}) {
      Tensor tx = tensor(data, dtype, n, c, h, w);
      for (ConvGeometry g : geometries) {
        int ho = g.outputHeight(h);
        int wo = g.outputWidth(w);
        double[] expected = new double[n * c * ho * wo];
        for (int plane = 0; plane < n * c; plane++) {
          for (int oh = 0; oh < ho; oh++) {
            for (int ow = 0; ow < wo; ow++) {
              int best = -1;
              double bestValue = 0;
              for (int i = 0; i < g.kernelHeight(); i++) {
                for (int j = 0; j < g.kernelWidth(); j++) {
                  int hh = oh * g.strideHeight() - g.paddingHeight() + i * g.dilationHeight();
                  int ww = ow * g.strideWidth() - g.paddingWidth() + j * g.dilationWidth();
                  if (hh < 0 || hh >= h || ww < 0 || ww >= w) {
                    continue;
                  }
                  double v = data[plane * h * w + hh * w + ww];
                  if (best < 0 || v > bestValue) {
                    best = hh * w + ww;
                    bestValue = v;
                  }
                }
              }
              expected[(plane * ho + oh) * wo + ow] = best;
            }
          }
        }
        Tensor result = backend().maxPoolIndices(tx, g);
        assertEquals(Shape.of(n, c, ho, wo), result.shape());
        assertArrayEquals(expected, result.toDoubleArray(), 0.0, g.toString());
      }
    }
  }
}
