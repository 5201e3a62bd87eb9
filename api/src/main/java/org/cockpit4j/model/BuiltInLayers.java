package org.cockpit4j.model;

import java.util.List;
import java.util.function.BiFunction;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.derivatives.LossDerivatives;
import org.cockpit4j.extension.BuiltInRules;
import org.cockpit4j.extension.ExtensionRule;
import org.cockpit4j.nn.AvgPool2d;
import org.cockpit4j.nn.Conv2d;
import org.cockpit4j.nn.Dropout;
import org.cockpit4j.nn.Flatten;
import org.cockpit4j.nn.Identity;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.LeakyReLU;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.nn.MaxPool2d;
import org.cockpit4j.nn.ReLU;
import org.cockpit4j.nn.Sigmoid;
import org.cockpit4j.nn.Tanh;

/**
 * The built-in layer types as a {@link LayerPlugin}, with the options of the reference files
 * (PyTorch names and defaults):
 *
 * <ul>
 *   <li>{@code linear {in, out, bias=true}}
 *   <li>{@code conv2d {in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
 *       groups=1, bias=true}} (only {@code groups=1})
 *   <li>{@code relu}, {@code sigmoid}, {@code tanh}, {@code flatten}, {@code identity}
 *   <li>{@code leaky_relu {negative_slope=0.01}}
 *   <li>{@code maxpool2d {kernel_size, stride=kernel_size, padding=0, dilation=1, ceil_mode=false}}
 *       (only {@code ceil_mode=false})
 *   <li>{@code avgpool2d {kernel_size, stride=kernel_size, padding=0, ceil_mode=false,
 *       count_include_pad=true}} (only these two defaults)
 *   <li>{@code dropout {p=0.5, seed}} ({@code seed} defaults to the initializer's next derived
 *       seed)
 * </ul>
 *
 * Pair options ({@code kernel_size}, ...) take {@code [h, w]} or one integer. Its rules are {@link
 * BuiltInRules}.
 */
public final class BuiltInLayers implements LayerPlugin {

  private record SimpleFactory(String type, BiFunction<LayerOptions, Initializer, Layer> creator)
      implements LayerFactory {
    @Override
    public Layer create(LayerOptions options, Initializer init) {
      return creator.apply(options, init);
    }
  }

  @Override
  public List<LayerFactory> layerFactories() {
    return List.of(
        new SimpleFactory("linear", BuiltInLayers::linear),
        new SimpleFactory("conv2d", BuiltInLayers::conv2d),
        new SimpleFactory("relu", (options, init) -> noOptions(options, new ReLU())),
        new SimpleFactory("leaky_relu", BuiltInLayers::leakyRelu),
        new SimpleFactory("sigmoid", (options, init) -> noOptions(options, new Sigmoid())),
        new SimpleFactory("tanh", (options, init) -> noOptions(options, new Tanh())),
        new SimpleFactory("flatten", (options, init) -> noOptions(options, new Flatten())),
        new SimpleFactory("identity", (options, init) -> noOptions(options, new Identity())),
        new SimpleFactory("maxpool2d", BuiltInLayers::maxPool2d),
        new SimpleFactory("avgpool2d", BuiltInLayers::avgPool2d),
        new SimpleFactory("dropout", BuiltInLayers::dropout));
  }

  @Override
  public List<ExtensionRule<?>> rules() {
    return BuiltInRules.rules();
  }

  @Override
  public List<LossDerivatives<?>> lossDerivatives() {
    return BuiltInRules.lossDerivatives();
  }

  private static Layer noOptions(LayerOptions options, Layer layer) {
    options.requireOnly();
    return layer;
  }

  private static Layer linear(LayerOptions options, Initializer init) {
    options.requireOnly("in", "out", "bias");
    return new Linear(
        init, options.integer("in"), options.integer("out"), options.bool("bias", true));
  }

  private static Layer conv2d(LayerOptions options, Initializer init) {
    options.requireOnly(
        "in_channels",
        "out_channels",
        "kernel_size",
        "stride",
        "padding",
        "dilation",
        "groups",
        "bias");
    int groups = options.integer("groups", 1);
    if (groups != 1) {
      throw new IllegalArgumentException(
          "conv2d supports only groups=1, got groups=" + groups + "; use groups: 1");
    }
    int[] kernel = options.pair("kernel_size", null);
    int[] stride = options.pair("stride", new int[] {1, 1});
    int[] padding = options.pair("padding", new int[] {0, 0});
    int[] dilation = options.pair("dilation", new int[] {1, 1});
    ConvGeometry geometry =
        new ConvGeometry(
            kernel[0],
            kernel[1],
            stride[0],
            stride[1],
            padding[0],
            padding[1],
            dilation[0],
            dilation[1]);
    return new Conv2d(
        init,
        options.integer("in_channels"),
        options.integer("out_channels"),
        geometry,
        options.bool("bias", true));
  }

  private static Layer leakyRelu(LayerOptions options, Initializer init) {
    options.requireOnly("negative_slope");
    return new LeakyReLU(options.real("negative_slope", 0.01));
  }

  private static Layer maxPool2d(LayerOptions options, Initializer init) {
    options.requireOnly("kernel_size", "stride", "padding", "dilation", "ceil_mode");
    requireFalse(options, "ceil_mode");
    int[] kernel = options.pair("kernel_size", null);
    int[] stride = options.pair("stride", kernel);
    int[] padding = options.pair("padding", new int[] {0, 0});
    int[] dilation = options.pair("dilation", new int[] {1, 1});
    return new MaxPool2d(
        new ConvGeometry(
            kernel[0],
            kernel[1],
            stride[0],
            stride[1],
            padding[0],
            padding[1],
            dilation[0],
            dilation[1]));
  }

  private static Layer avgPool2d(LayerOptions options, Initializer init) {
    options.requireOnly("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad");
    requireFalse(options, "ceil_mode");
    if (!options.bool("count_include_pad", true)) {
      throw new IllegalArgumentException(
          "avgpool2d supports only count_include_pad=true (the divisor is always kh*kw), got"
              + " false; use count_include_pad: true");
    }
    int[] kernel = options.pair("kernel_size", null);
    int[] stride = options.pair("stride", kernel);
    int[] padding = options.pair("padding", new int[] {0, 0});
    return new AvgPool2d(
        new ConvGeometry(kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1], 1, 1));
  }

  private static Layer dropout(LayerOptions options, Initializer init) {
    options.requireOnly("p", "seed");
    long seed = options.has("seed") ? options.integer("seed") : init.nextSeed();
    return new Dropout(options.real("p", 0.5), seed);
  }

  private static void requireFalse(LayerOptions options, String key) {
    if (options.bool(key, false)) {
      throw new IllegalArgumentException(
          options.type() + " supports only " + key + "=false, got true; use " + key + ": false");
    }
  }
}
