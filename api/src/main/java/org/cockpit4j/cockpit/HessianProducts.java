package org.cockpit4j.cockpit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.extension.CurvatureProducts;
import org.cockpit4j.extension.PhaseTimings;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.quantity.HessianOperator;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * The Hessian of the step's loss as a {@link HessianOperator}: exact Hessian-vector products by the
 * extensions' R-operator ({@link CurvatureProducts}), vectors moved between host (float64) and the
 * parameters' backend and dtype.
 */
final class HessianProducts implements HessianOperator, AutoCloseable {
  private final CurvatureProducts.Point point;
  private final List<Parameter> modelParameters;
  private final List<Parameter> parameters;
  private final int dimension;
  private final PhaseTimings timings;
  private final Supplier<String> phase;
  private int count;

  /**
   * The Hessian block of {@code parameters} (all of the model's, or a subset) for {@code loss} at
   * the model's last forward pass; each product's time goes to {@code timings} (null: untimed)
   * under {@code phase.get() + " / hessian products"}.
   */
  HessianProducts(
      CurvatureProducts products,
      Loss loss,
      List<Parameter> modelParameters,
      List<Parameter> parameters,
      PhaseTimings timings,
      Supplier<String> phase) {
    this.timings = timings;
    this.phase = phase;
    this.point = products.at(loss);
    this.modelParameters = modelParameters;
    this.parameters = parameters;
    int total = 0;
    for (Parameter parameter : parameters) {
      total += parameter.size();
    }
    this.dimension = total;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public double[] apply(double[] vector) {
    if (vector.length != dimension) {
      throw new IllegalArgumentException(
          "A Hessian-vector product needs a vector of "
              + dimension
              + " entries, got "
              + vector.length);
    }
    long start = timings == null ? 0 : timings.start();
    double[] result = new double[dimension];
    try (TensorScope scope = TensorScope.open()) {
      Map<Parameter, Tensor> parts = new IdentityHashMap<>();
      int offset = 0;
      for (Parameter parameter : parameters) {
        parts.put(parameter, fromHost(parameter, vector, offset));
        offset += parameter.size();
      }
      List<Tensor> direction = new ArrayList<>();
      for (Parameter parameter : modelParameters) {
        Tensor part = parts.get(parameter);
        direction.add(part != null ? part : zeros(parameter));
      }
      long productStart = timings == null ? 0 : timings.start();
      List<Tensor> product = point.hessianVectorProduct(direction);
      if (timings != null) {
        timings.stop(phase.get() + " / hessian products / R-operator", productStart);
      }
      Map<Parameter, Tensor> byParameter = new IdentityHashMap<>();
      for (int i = 0; i < modelParameters.size(); i++) {
        byParameter.put(modelParameters.get(i), product.get(i));
      }
      offset = 0;
      for (Parameter parameter : parameters) {
        offset = toHost(byParameter.get(parameter), result, offset);
      }
    }
    count++;
    if (timings != null) {
      timings.stop(phase.get() + " / hessian products", start);
    }
    return result;
  }

  /** The entries {@code [offset, offset + size)} of {@code vector} as a tensor like the value. */
  private static Tensor fromHost(Parameter parameter, double[] vector, int offset) {
    Tensor value = parameter.value();
    Backend backend = value.backend();
    int size = parameter.size();
    if (value.dtype() == DType.FLOAT32) {
      float[] part = new float[size];
      inChunks(
          size,
          (from, to) -> {
            for (int k = from; k < to; k++) {
              part[k] = (float) vector[offset + k];
            }
          });
      return backend.fromArray(part, value.shape());
    }
    return backend.fromArray(
        Arrays.copyOfRange(vector, offset, offset + size), value.shape(), value.dtype());
  }

  private static Tensor zeros(Parameter parameter) {
    Tensor value = parameter.value();
    return value.backend().full(value.shape(), value.dtype(), 0.0);
  }

  /** Writes {@code tensor} into {@code result} from {@code offset}; returns the next offset. */
  private static int toHost(Tensor tensor, double[] result, int offset) {
    if (tensor.dtype() == DType.FLOAT32) {
      float[] values = tensor.toFloatArray();
      inChunks(
          values.length,
          (from, to) -> {
            for (int k = from; k < to; k++) {
              result[offset + k] = values[k];
            }
          });
      return offset + values.length;
    }
    double[] values = tensor.toDoubleArray();
    System.arraycopy(values, 0, result, offset, values.length);
    return offset + values.length;
  }

  private interface Range {
    void run(int from, int to);
  }

  private static final int CHUNK = 1 << 16;

  /** Runs {@code body} over {@code [0, length)} in chunks, in parallel for long vectors. */
  private static void inChunks(int length, Range body) {
    if (length <= CHUNK) {
      body.run(0, length);
      return;
    }
    IntStream.range(0, (length + CHUNK - 1) / CHUNK)
        .parallel()
        .forEach(chunk -> body.run(chunk * CHUNK, Math.min(length, (chunk + 1) * CHUNK)));
  }

  @Override
  public int productCount() {
    return count;
  }

  /** Frees what the products kept for this point. */
  @Override
  public void close() {
    point.close();
  }
}
