package org.cockpit4j.backend;

import static org.cockpit4j.backend.ContractValues.assertClose;
import static org.cockpit4j.backend.ContractValues.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backend contract, part: the fused ops {@code matmulSum} and {@code col2imOfProduct}, against
 * the composed primitives they may replace (whose own twins are in {@link MatmulContract} and
 * {@link ConvolutionContract}). See {@link BackendContractTest}.
 */
public interface FusedOpsContract extends BackendContract {

  @ParameterizedTest
  @EnumSource(DType.class)
  default void matmulSumEqualsTheSumOfTheProducts(DType dtype) {
    // {batch, m, n, k}: a conv weight gradient (few rows, long inner axis) and odd sizes.
    int[][] sizes = {{5, 12, 30, 37}, {3, 9, 20, 200}, {4, 33, 17, 13}};
    long seed = 1;
    for (int[] size : sizes) {
      for (int variant = 0; variant < 4; variant++) {
        boolean transposeA = (variant & 2) != 0;
        boolean transposeB = (variant & 1) != 0;
        int batch = size[0];
        int m = size[1];
        int n = size[2];
        int k = size[3];
        Shape aShape = transposeA ? Shape.of(batch, k, m) : Shape.of(batch, m, k);
        Shape bShape = transposeB ? Shape.of(batch, n, k) : Shape.of(batch, k, n);
        Tensor a = tensor(values(aShape.sizeAsInt(), seed++, dtype), dtype, aShape.dims());
        Tensor b = tensor(values(bShape.sizeAsInt(), seed++, dtype), dtype, bShape.dims());
        Tensor sum = backend().matmulSum(a, b, transposeA, transposeB);
        assertEquals(Shape.of(m, n), sum.shape(), "matmulSum shape");
        Tensor products = backend().matmul(a, b, transposeA, transposeB);
        double[] expected =
            backend().reduce(ReduceOp.SUM, products, new int[] {0}, false).toDoubleArray();
        assertClose(
            expected,
            constant(expected.length, k * batch),
            sum,
            dtype,
            "matmulSum " + Arrays.toString(size) + " variant " + variant);
      }
    }
  }

  @Test
  default void matmulSumRejectsMismatchedBatches() {
    Tensor a = backend().full(Shape.of(2, 3, 4), DType.FLOAT32, 1);
    Tensor b = backend().full(Shape.of(3, 4, 5), DType.FLOAT32, 1);
    assertThrows(IllegalArgumentException.class, () -> backend().matmulSum(a, b, false, false));
    Tensor plain = backend().full(Shape.of(4, 5), DType.FLOAT32, 1);
    assertThrows(IllegalArgumentException.class, () -> backend().matmulSum(a, plain, false, false));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  default void col2imOfProductEqualsCol2imOfTheProduct(DType dtype) {
    ConvGeometry[] geometries = {
      ConvGeometry.square(5, 1, 2), ConvGeometry.square(3, 2, 1), ConvGeometry.square(2, 2, 0)
    };
    long seed = 10;
    for (ConvGeometry geometry : geometries) {
      for (int members : new int[] {1, 4}) {
        int channels = 3;
        int outChannels = 4;
        int height = 9;
        int width = 7;
        int window = geometry.kernelHeight() * geometry.kernelWidth();
        int positions = geometry.outputHeight(height) * geometry.outputWidth(width);
        Tensor weight =
            tensor(
                values(outChannels * channels * window, seed++, dtype),
                dtype,
                outChannels,
                channels * window);
        Tensor stack =
            tensor(
                values(members * outChannels * positions, seed++, dtype),
                dtype,
                members,
                outChannels,
                positions);
        Tensor fused = backend().col2imOfProduct(weight, stack, geometry, height, width);
        assertEquals(Shape.of(members, channels, height, width), fused.shape(), "fused shape");
        Tensor composed =
            backend().col2im(backend().matmul(weight, stack, true, false), geometry, height, width);
        double[] expected = composed.toDoubleArray();
        assertClose(
            expected,
            constant(expected.length, outChannels * window),
            fused,
            dtype,
            "col2imOfProduct " + geometry + " members " + members);
      }
    }
  }

  /** A magnitude scale for sums of {@code terms} products of values in [-1, 1). */
  private static double[] constant(int length, double terms) {
    double[] scale = new double[length];
    Arrays.fill(scale, terms);
    return scale;
  }
}
