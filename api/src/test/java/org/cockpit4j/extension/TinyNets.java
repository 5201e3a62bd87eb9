package org.cockpit4j.extension;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.model.LayerRegistry;
import org.cockpit4j.model.LayerSpec;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.Identity;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.LeakyReLU;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.nn.MseLoss;
import org.cockpit4j.nn.ReLU;
import org.cockpit4j.nn.Residual;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.nn.Tanh;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * The tiny float64 nets of the extension tests; together they cover every built-in layer (Linear
 * with and without bias, Conv2d with stride, padding, dilation and without bias, MaxPool2d,
 * AvgPool2d with padding, ReLU, LeakyReLU, Sigmoid, Tanh, Flatten, Dropout, Identity, Residual,
 * nested Sequential) and both losses.
 */
public final class TinyNets {
  private TinyNets() {}

  /** Names of the nets, for parameterized tests. */
  public static List<String> names() {
    return List.of("mlp_sigmoid_tanh_ce", "residual_nested_mse", "conv_pool_ce", "dropout_ce");
  }

  /** Names of the nets without dropout (finite differences need repeatable forward passes). */
  public static List<String> deterministicNames() {
    return List.of("mlp_sigmoid_tanh_ce", "residual_nested_mse", "conv_pool_ce");
  }

  /** Builds the net {@code name} on {@code backend}. */
  public static TinyNet build(String name, Backend backend) {
    return switch (name) {
      case "mlp_sigmoid_tanh_ce" -> mlp(backend);
      case "residual_nested_mse" -> residual(backend);
      case "conv_pool_ce" -> conv(backend);
      case "dropout_ce" -> dropout(backend);
      default -> throw new IllegalArgumentException("unknown tiny net " + name);
    };
  }

  private static Sequential fromSpecs(Initializer init, List<LayerSpec> specs) {
    return LayerRegistry.builtIn().buildSequential(specs, init);
  }

  private static TinyNet mlp(Backend backend) {
    Initializer init = new Initializer(backend, DType.FLOAT64, 11);
    Sequential model =
        fromSpecs(
            init,
            List.of(
                LayerSpec.of("linear", Map.of("in", 5, "out", 4, "bias", true)),
                LayerSpec.of("sigmoid"),
                LayerSpec.of("linear", Map.of("in", 4, "out", 4, "bias", false)),
                LayerSpec.of("tanh"),
                LayerSpec.of("linear", Map.of("in", 4, "out", 3))));
    scaleParameters(model, 2.0);
    return new TinyNet(
        "mlp_sigmoid_tanh_ce",
        model,
        new CrossEntropyLoss(),
        normal(backend, Shape.of(4, 5), 1),
        labels(backend, new double[] {0, 2, 1, 2}),
        false);
  }

  private static TinyNet residual(Backend backend) {
    Initializer init = new Initializer(backend, DType.FLOAT64, 12);
    Sequential branch =
        new Sequential(new Linear(init, 5, 5), new Tanh(), new Linear(init, 5, 5, false));
    Sequential model =
        new Sequential(
            new Linear(init, 4, 5),
            new ReLU(),
            new Residual(branch),
            new LeakyReLU(0.1),
            new Identity(),
            new Sequential(new Sequential(new Linear(init, 5, 2))));
    scaleParameters(model, 2.0);
    return new TinyNet(
        "residual_nested_mse",
        model,
        new MseLoss(),
        normal(backend, Shape.of(3, 4), 2),
        normal(backend, Shape.of(3, 2), 3),
        false);
  }

  private static TinyNet conv(Backend backend) {
    Initializer init = new Initializer(backend, DType.FLOAT64, 13);
    Sequential model =
        fromSpecs(
            init,
            List.of(
                LayerSpec.of(
                    "conv2d",
                    Map.of(
                        "in_channels",
                        2,
                        "out_channels",
                        3,
                        "kernel_size",
                        List.of(3, 3),
                        "stride",
                        List.of(1, 1),
                        "padding",
                        List.of(1, 1),
                        "dilation",
                        List.of(1, 1),
                        "groups",
                        1,
                        "bias",
                        true)),
                LayerSpec.of("relu"),
                LayerSpec.of("maxpool2d", Map.of("kernel_size", 2, "stride", 2, "padding", 0)),
                LayerSpec.of(
                    "conv2d",
                    Map.of(
                        "in_channels",
                        3,
                        "out_channels",
                        2,
                        "kernel_size",
                        2,
                        "stride",
                        2,
                        "padding",
                        1,
                        "dilation",
                        2,
                        "bias",
                        false)),
                LayerSpec.of("sigmoid"),
                LayerSpec.of(
                    "avgpool2d",
                    Map.of(
                        "kernel_size",
                        List.of(2, 2),
                        "stride",
                        List.of(1, 1),
                        "padding",
                        List.of(1, 1),
                        "ceil_mode",
                        false,
                        "count_include_pad",
                        true)),
                LayerSpec.of("flatten"),
                LayerSpec.of("linear", Map.of("in", 18, "out", 3, "bias", true))));
    scaleParameters(model, 2.0);
    return new TinyNet(
        "conv_pool_ce",
        model,
        new CrossEntropyLoss(),
        normal(backend, Shape.of(3, 2, 7, 7), 4),
        labels(backend, new double[] {2, 0, 1}),
        false);
  }

  private static TinyNet dropout(Backend backend) {
    Initializer init = new Initializer(backend, DType.FLOAT64, 14);
    Sequential model =
        fromSpecs(
            init,
            List.of(
                LayerSpec.of("linear", Map.of("in", 4, "out", 6)),
                LayerSpec.of("relu"),
                LayerSpec.of("dropout", Map.of("p", 0.3, "seed", 5)),
                LayerSpec.of("linear", Map.of("in", 6, "out", 3))));
    return new TinyNet(
        "dropout_ce",
        model,
        new CrossEntropyLoss(),
        normal(backend, Shape.of(4, 4), 5),
        labels(backend, new double[] {1, 0, 2, 1}),
        true);
  }

  /** Larger weights make the curvature terms (activation second derivatives) matter. */
  private static void scaleParameters(Sequential model, double factor) {
    List<double[]> values = new java.util.ArrayList<>();
    for (var parameter : model.parameters()) {
      double[] value = parameter.value().toDoubleArray();
      for (int i = 0; i < value.length; i++) {
        value[i] *= factor;
      }
      values.add(value);
    }
    model.setParameterValues(values);
  }

  private static Tensor normal(Backend backend, Shape shape, long seed) {
    Random random = new Random(seed);
    double[] values = new double[shape.sizeAsInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian();
    }
    return backend.fromArray(values, shape, DType.FLOAT64);
  }

  private static Tensor labels(Backend backend, double[] labels) {
    return backend.fromArray(labels, Shape.of(labels.length), DType.FLOAT64);
  }
}
