package org.cockpit4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.extension.BatchGrad;
import org.cockpit4j.extension.ScaleLayer;
import org.cockpit4j.nn.AvgPool2d;
import org.cockpit4j.nn.Conv2d;
import org.cockpit4j.nn.Dropout;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.LeakyReLU;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.nn.MaxPool2d;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building layers from specs, and plugins found through {@link java.util.ServiceLoader}. */
public abstract class LayerRegistryContractTest {

  /** The backend under test. */
  protected abstract Backend backend();

  private Initializer init() {
    return new Initializer(backend(), DType.FLOAT64, 1);
  }

  @Test
  void buildsEveryBuiltInTypeWithItsOptionsAndDefaults() {
    LayerRegistry registry = LayerRegistry.builtIn();
    assertEquals(
        List.of(
            "linear",
            "conv2d",
            "relu",
            "leaky_relu",
            "sigmoid",
            "tanh",
            "flatten",
            "identity",
            "maxpool2d",
            "avgpool2d",
            "dropout"),
        List.copyOf(registry.types()));
    Linear linear =
        assertInstanceOf(
            Linear.class,
            registry.create(
                LayerSpec.of("linear", Map.of("in", 3, "out", 2, "bias", false)), init()));
    assertFalse(linear.hasBias());
    Conv2d conv =
        assertInstanceOf(
            Conv2d.class,
            registry.create(
                LayerSpec.of(
                    "conv2d",
                    Map.of(
                        "in_channels",
                        2,
                        "out_channels",
                        4,
                        "kernel_size",
                        List.of(3, 2),
                        "stride",
                        2,
                        "padding",
                        List.of(1, 0),
                        "dilation",
                        List.of(2, 1))),
                init()));
    assertEquals(new ConvGeometry(3, 2, 2, 2, 1, 0, 2, 1), conv.geometry());
    assertTrue(conv.hasBias());
    MaxPool2d pool =
        assertInstanceOf(
            MaxPool2d.class,
            registry.create(LayerSpec.of("maxpool2d", Map.of("kernel_size", 3)), init()));
    assertEquals(ConvGeometry.square(3, 3, 0), pool.geometry(), "stride defaults to the kernel");
    AvgPool2d average =
        assertInstanceOf(
            AvgPool2d.class,
            registry.create(
                LayerSpec.of(
                    "avgpool2d",
                    Map.of(
                        "kernel_size",
                        List.of(2, 2),
                        "stride",
                        List.of(1, 1),
                        "padding",
                        List.of(1, 1))),
                init()));
    assertEquals(ConvGeometry.square(2, 1, 1), average.geometry());
    LeakyReLU leaky =
        assertInstanceOf(
            LeakyReLU.class,
            registry.create(LayerSpec.of("leaky_relu", Map.of("negative_slope", 0.2)), init()));
    assertEquals(0.2, leaky.negativeSlope());
    assertEquals(
        0.01, ((LeakyReLU) registry.create(LayerSpec.of("leaky_relu"), init())).negativeSlope());
    Dropout dropout =
        assertInstanceOf(
            Dropout.class, registry.create(LayerSpec.of("dropout", Map.of("p", 0.25)), init()));
    assertEquals(0.25, dropout.probability());
    for (String type : List.of("relu", "sigmoid", "tanh", "flatten", "identity")) {
      assertEquals(type, registry.create(LayerSpec.of(type), init()).type());
    }
  }

  @Test
  void buildsASequentialInOrderWithPyTorchNames() {
    Sequential model =
        LayerRegistry.builtIn()
            .buildSequential(
                List.of(
                    LayerSpec.fromObject(Map.of("type", "flatten")),
                    LayerSpec.fromObject(
                        Map.of("type", "linear", "in", 12, "out", 4, "bias", true))),
                init());
    assertEquals(List.of("1.weight", "1.bias"), model.parameterNames());
    assertEquals(Shape.of(4), model.outputShape(Shape.of(3, 4)));
  }

  @Test
  void unsupportedOptionsFailClearly() {
    LayerRegistry registry = LayerRegistry.builtIn();
    assertMessage(
        registry,
        LayerSpec.of(
            "conv2d", Map.of("in_channels", 2, "out_channels", 2, "kernel_size", 3, "groups", 2)),
        "conv2d supports only groups=1, got groups=2");
    assertMessage(
        registry,
        LayerSpec.of("maxpool2d", Map.of("kernel_size", 2, "ceil_mode", true)),
        "maxpool2d supports only ceil_mode=false");
    assertMessage(
        registry,
        LayerSpec.of("avgpool2d", Map.of("kernel_size", 2, "ceil_mode", true)),
        "avgpool2d supports only ceil_mode=false");
    assertMessage(
        registry,
        LayerSpec.of("avgpool2d", Map.of("kernel_size", 2, "count_include_pad", false)),
        "avgpool2d supports only count_include_pad=true");
    assertMessage(
        registry,
        LayerSpec.of("linear", Map.of("in", 2, "out", 3, "bais", true)),
        "linear has no option(s) [bais]; accepted options: [bias, in, out]");
    assertMessage(
        registry, LayerSpec.of("linear", Map.of("in", 2)), "linear needs the integer option 'out'");
    assertMessage(
        registry,
        LayerSpec.of("linear", Map.of("in", 2.5, "out", 3)),
        "linear option 'in' must be an integer, got 2.5");
    assertMessage(
        registry,
        LayerSpec.of("softmax"),
        "Unknown layer type 'softmax'. Known types: linear, conv2d");
    IllegalArgumentException located =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                registry.buildSequential(
                    List.of(
                        LayerSpec.of("relu"),
                        LayerSpec.of("maxpool2d", Map.of("kernel_size", 2, "ceil_mode", true))),
                    init()));
    assertTrue(located.getMessage().startsWith("layer 1 (maxpool2d): "), located.getMessage());
  }

  private void assertMessage(LayerRegistry registry, LayerSpec spec, String expected) {
    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, () -> registry.create(spec, init()));
    assertTrue(failure.getMessage().contains(expected), failure.getMessage());
  }

  @Test
  void pluginsAreFoundThroughTheServiceLoader(@TempDir Path directory) throws IOException {
    LayerRegistry registry =
        LayerRegistry.load(loaderListing(directory, TestPlugins.ScalePlugin.class));
    Layer layer = registry.create(LayerSpec.of("scale", Map.of("features", 3)), init());
    assertInstanceOf(ScaleLayer.class, layer);
    assertEquals(TestPlugins.ScalePlugin.class.getName(), registry.origin("scale"));
    assertEquals(BuiltInLayers.class.getName(), registry.origin("linear"));
    assertTrue(registry.rules().find(BatchGrad.NAME, ScaleLayer.class).isPresent());
    assertTrue(registry.rules().find(BatchGrad.NAME, Linear.class).isPresent());
    assertFalse(LayerRegistry.builtIn().rules().find(BatchGrad.NAME, ScaleLayer.class).isPresent());
  }

  @Test
  void twoPluginsClaimingOneTypeFailNamingBoth(@TempDir Path directory) throws IOException {
    IllegalStateException clash =
        assertThrows(
            IllegalStateException.class,
            () ->
                LayerRegistry.load(
                    loaderListing(
                        directory,
                        TestPlugins.ScalePlugin.class,
                        TestPlugins.OtherScalePlugin.class)));
    assertTrue(clash.getMessage().contains("layer type 'scale'"), clash.getMessage());
    assertTrue(
        clash.getMessage().contains(TestPlugins.ScalePlugin.class.getName()), clash.getMessage());
    assertTrue(
        clash.getMessage().contains(TestPlugins.OtherScalePlugin.class.getName()),
        clash.getMessage());
    IllegalStateException builtIn =
        assertThrows(
            IllegalStateException.class,
            () -> LayerRegistry.builtIn().register(new TestPlugins.ClashingLinearPlugin()));
    assertTrue(builtIn.getMessage().contains(BuiltInLayers.class.getName()), builtIn.getMessage());
    assertTrue(
        builtIn.getMessage().contains(TestPlugins.ClashingLinearPlugin.class.getName()),
        builtIn.getMessage());
  }

  @Test
  void aPluginMayReplaceATypeExplicitly() {
    LayerRegistry registry =
        LayerRegistry.builtIn().register(new TestPlugins.ReplacingLinearPlugin());
    Linear linear =
        (Linear)
            registry.create(
                LayerSpec.of("linear", Map.of("in", 2, "out", 2, "bias", true)), init());
    assertFalse(linear.hasBias());
    assertEquals(TestPlugins.ReplacingLinearPlugin.class.getName(), registry.origin("linear"));
  }

  private static ClassLoader loaderListing(Path directory, Class<?>... plugins) throws IOException {
    Path services = directory.resolve("META-INF/services");
    Files.createDirectories(services);
    StringBuilder lines = new StringBuilder();
    for (Class<?> plugin : plugins) {
      lines.append(plugin.getName()).append('\n');
    }
    Files.writeString(services.resolve(LayerPlugin.class.getName()), lines.toString());
    return new URLClassLoader(
        new URL[] {directory.toUri().toURL()}, LayerRegistryContractTest.class.getClassLoader());
  }
}
