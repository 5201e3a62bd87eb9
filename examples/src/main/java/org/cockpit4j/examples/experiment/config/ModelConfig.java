package org.cockpit4j.examples.experiment.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network: either a named architecture ({@code architecture: fmnist_2c2d}, one of the DeepOBS
 * networks) or a list of layers built through the layer registry ({@code layers: [{type: linear,
 * in: 784, out: 10}]}: {@code type} plus that layer type's options).
 *
 * @param architecture a DeepOBS network name, or null
 * @param layers the layers in order, or null
 * @param initialParameters optional starting values, one flat row-major list per parameter in the
 *     model's parameter order (weight before bias); default: PyTorch's initialisation from the seed
 */
public record ModelConfig(
    String architecture, List<Map<String, Object>> layers, List<List<Double>> initialParameters) {

  /** Copies. */
  public ModelConfig {
    if (layers != null) {
      List<Map<String, Object>> copy = new ArrayList<>();
      for (Map<String, Object> layer : layers) {
        copy.add(
            layer == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(layer)));
      }
      layers = Collections.unmodifiableList(copy);
    }
    if (initialParameters != null) {
      List<List<Double>> copy = new ArrayList<>();
      for (List<Double> values : initialParameters) {
        copy.add(values == null ? List.of() : List.copyOf(values));
      }
      initialParameters = List.copyOf(copy);
    }
  }
}
