package org.cockpit4j.model;

import java.util.List;
import org.cockpit4j.extension.ExtensionRule;
import org.cockpit4j.extension.ScaleBatchGradRule;
import org.cockpit4j.extension.ScaleLayer;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Linear;

/** Plugins for the registry tests (public, with no-argument constructors, for ServiceLoader). */
public final class TestPlugins {
  private TestPlugins() {}

  /** Adds the layer type {@code scale {features}} and its batch_grad rule. */
  public static final class ScalePlugin implements LayerPlugin {
    @Override
    public List<LayerFactory> layerFactories() {
      return List.of(
          new LayerFactory() {
            @Override
            public String type() {
              return "scale";
            }

            @Override
            public Layer create(LayerOptions options, Initializer init) {
              options.requireOnly("features");
              return new ScaleLayer(init, options.integer("features"));
            }
          });
    }

    @Override
    public List<ExtensionRule<?>> rules() {
      return List.of(new ScaleBatchGradRule());
    }
  }

  /** Claims {@code scale} too, without asking to overwrite. */
  public static final class OtherScalePlugin implements LayerPlugin {
    @Override
    public List<LayerFactory> layerFactories() {
      return new ScalePlugin().layerFactories();
    }
  }

  /** Replaces the built-in {@code linear} on purpose (bias always off). */
  public static final class ReplacingLinearPlugin implements LayerPlugin {
    @Override
    public List<LayerFactory> layerFactories() {
      return List.of(
          new LayerFactory() {
            @Override
            public String type() {
              return "linear";
            }

            @Override
            public Layer create(LayerOptions options, Initializer init) {
              options.requireOnly("in", "out", "bias");
              return new Linear(init, options.integer("in"), options.integer("out"), false);
            }

            @Override
            public boolean replacesExisting() {
              return true;
            }
          });
    }
  }

  /** Claims {@code linear} without asking to overwrite. */
  public static final class ClashingLinearPlugin implements LayerPlugin {
    @Override
    public List<LayerFactory> layerFactories() {
      return List.of(
          new LayerFactory() {
            @Override
            public String type() {
              return "linear";
            }

            @Override
            public Layer create(LayerOptions options, Initializer init) {
              throw new UnsupportedOperationException();
            }
          });
    }
  }
}
