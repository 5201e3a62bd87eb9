package org.cockpit4j.examples.experiment.wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.examples.experiment.config.ConfigException;
import org.cockpit4j.examples.experiment.config.ExperimentConfig;
import org.cockpit4j.examples.experiment.config.ModelConfig;
import org.cockpit4j.examples.experiment.config.SourceMap;
import org.cockpit4j.examples.experiment.config.Suggestions;
import org.cockpit4j.examples.experiment.data.DataShape;
import org.cockpit4j.model.LayerRegistry;
import org.cockpit4j.model.LayerSpec;
import org.cockpit4j.nn.Flatten;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.nn.models.Model;
import org.cockpit4j.nn.models.Models;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;

/**
 * Builds the network of an experiment ({@code model}): a DeepOBS architecture or a layer list
 * through the {@link LayerRegistry}, checks that its shapes chain from the dataset's input shape to
 * what the loss needs, and sets the initial parameters if given. Every mistake is a {@link
 * ConfigException} at the offending layer with the fix.
 */
public final class ModelFactory {
  private ModelFactory() {}

  /**
   * The network on {@code backend}, initialised from the experiment's seed; call outside any open
   * tensor scope (the parameters must outlive it).
   */
  public static Sequential build(
      ExperimentConfig config,
      SourceMap sources,
      LayerRegistry registry,
      Backend backend,
      DType dtype,
      DataShape data) {
    ModelConfig model = config.model();
    if (model == null) {
      throw ConfigException.atKey(
          sources,
          "/model",
          "the experiment has no model",
          "add `model: {architecture: fmnist_2c2d}` or `model: {layers: [...]}`");
    }
    boolean named = model.architecture() != null;
    boolean listed = model.layers() != null;
    if (named == listed) {
      throw ConfigException.atKey(
          sources,
          "/model",
          named
              ? "give either architecture or layers, not both"
              : "the model needs an architecture or a list of layers",
          "write `architecture: "
              + String.join("|", Models.names())
              + "` or `layers: [{type: linear, in: 784, out: 10}]`");
    }
    Sequential network =
        named
            ? architecture(model.architecture(), sources, backend, dtype, config.seed(), data)
            : layers(model.layers(), sources, registry, backend, dtype, config.seed(), data);
    checkOutput(network, config, sources, data);
    if (model.initialParameters() != null) {
      setInitialParameters(network, model.initialParameters(), sources);
    }
    return network;
  }

  private static Sequential architecture(
      String name, SourceMap sources, Backend backend, DType dtype, long seed, DataShape data) {
    if (!Models.names().contains(name)) {
      throw ConfigException.at(
          sources,
          "/model/architecture",
          Suggestions.unknown("architecture", name, Models.names()),
          "");
    }
    Model model = Models.build(name, dtype, backend, seed);
    if (!model.inputShape().equals(data.inputShape())) {
      throw ConfigException.at(
          sources,
          "/model/architecture",
          name
              + " expects inputs of shape "
              + model.inputShape()
              + " but the dataset's inputs have shape "
              + data.inputShape(),
          "choose an architecture for " + data.inputShape() + " inputs, or another dataset");
    }
    return model.network();
  }

  private static Sequential layers(
      List<Map<String, Object>> specs,
      SourceMap sources,
      LayerRegistry registry,
      Backend backend,
      DType dtype,
      long seed,
      DataShape data) {
    if (specs.isEmpty()) {
      throw ConfigException.at(
          sources, "/model/layers", "the layer list is empty", "add at least one layer");
    }
    Initializer init = new Initializer(backend, dtype, seed);
    List<Layer> layers = new ArrayList<>();
    Shape shape = data.inputShape();
    for (int i = 0; i < specs.size(); i++) {
      String pointer = "/model/layers/" + i;
      Map<String, Object> spec = specs.get(i);
      Object type = spec.get("type");
      if (!(type instanceof String name)) {
        throw ConfigException.at(
            sources,
            pointer,
            "a layer needs a type name, got " + spec,
            "write e.g. `{type: linear, in: 784, out: 10}`; known types: "
                + String.join(", ", registry.types()));
      }
      if (!registry.types().contains(name)) {
        throw ConfigException.at(
            sources,
            pointer + "/type",
            Suggestions.unknown("layer type", name, registry.types()),
            "");
      }
      Layer layer;
      try {
        layer = registry.create(LayerSpec.fromObject(spec), init);
      } catch (IllegalArgumentException e) {
        throw optionProblem(sources, pointer, name, e);
      }
      try {
        shape = layer.outputShape(shape);
      } catch (IllegalArgumentException e) {
        throw ConfigException.at(
            sources,
            pointer,
            "layer "
                + i
                + " ("
                + name
                + ") does not fit its input of shape "
                + describeInput(i, layers, data)
                + ": "
                + e.getMessage(),
            fix(layer, shapeBefore(layers, data)));
      }
      layers.add(layer);
    }
    return new Sequential(layers);
  }

  private static final java.util.regex.Pattern UNKNOWN_OPTION =
      java.util.regex.Pattern.compile(
          "has no option\\(s\\) \\[([^\\]]*)\\]; accepted options: \\[([^\\]]*)\\]");

  /** An option error of a layer factory, placed at the unknown key with the closest option. */
  private static ConfigException optionProblem(
      SourceMap sources, String pointer, String type, IllegalArgumentException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    java.util.regex.Matcher matcher = UNKNOWN_OPTION.matcher(message);
    if (matcher.find()) {
      String unknown = matcher.group(1).split(",\\s*")[0];
      List<String> accepted = new ArrayList<>();
      for (String option : matcher.group(2).split(",\\s*")) {
        if (!option.isBlank()) {
          accepted.add(option);
        }
      }
      return ConfigException.atKey(
          sources,
          pointer + "/" + unknown,
          Suggestions.unknown("option of layer " + type, unknown, accepted),
          "");
    }
    return ConfigException.at(sources, pointer, message, "");
  }

  private static String describeInput(int index, List<Layer> layers, DataShape data) {
    Shape shape = shapeBefore(layers, data);
    return shape
        + (index == 0 ? " (the dataset's inputs)" : " (the output of layer " + (index - 1) + ")");
  }

  private static Shape shapeBefore(List<Layer> layers, DataShape data) {
    Shape shape = data.inputShape();
    for (Layer layer : layers) {
      shape = layer.outputShape(shape);
    }
    return shape;
  }

  private static String fix(Layer layer, Shape input) {
    if (layer instanceof Linear linear) {
      if (input.rank() != 1) {
        return "put {type: flatten} before this layer (it turns "
            + input
            + " into ["
            + input.size()
            + "]) and set in: "
            + input.size();
      }
      return "set in: " + input.dim(0) + " (was " + linear.inFeatures() + ")";
    }
    if (layer instanceof Flatten) {
      return "remove the flatten layer";
    }
    return "make the previous layer's output match; it is " + input;
  }

  private static void checkOutput(
      Sequential network, ExperimentConfig config, SourceMap sources, DataShape data) {
    Shape output = network.outputShape(data.inputShape());
    String loss = config.loss();
    String last =
        config.model().layers() != null
            ? "/model/layers/" + (config.model().layers().size() - 1)
            : "/model/architecture";
    if ("cross_entropy".equals(loss)) {
      if (!data.isClassification()) {
        throw ConfigException.at(
            sources,
            "/loss",
            "cross_entropy needs class labels, but the dataset has regression targets of shape "
                + data.targetShape(),
            "use loss: mse");
      }
      if (output.rank() != 1 || output.dim(0) != data.classes()) {
        throw ConfigException.at(
            sources,
            last,
            "the network's output has shape "
                + output
                + ", but cross_entropy over "
                + data.classes()
                + " classes needs ["
                + data.classes()
                + "]",
            "end with a layer of " + data.classes() + " outputs, e.g. out: " + data.classes());
      }
    } else if ("mse".equals(loss)) {
      if (data.isClassification()) {
        throw ConfigException.at(
            sources,
            "/loss",
            "mse needs regression targets, but the dataset has " + data.classes() + " classes",
            "use loss: cross_entropy");
      }
      if (!output.equals(data.targetShape())) {
        throw ConfigException.at(
            sources,
            last,
            "the network's output has shape "
                + output
                + " but the targets have shape "
                + data.targetShape(),
            "end with a layer whose output is " + data.targetShape());
      }
    }
  }

  private static void setInitialParameters(
      Sequential network, List<List<Double>> values, SourceMap sources) {
    String pointer = "/model/initial_parameters";
    List<String> names = network.parameterNames();
    if (values.size() != network.parameters().size()) {
      throw ConfigException.at(
          sources,
          pointer,
          "the model has "
              + network.parameters().size()
              + " parameters "
              + names
              + ", but "
              + values.size()
              + " value lists are given",
          "give one flat list per parameter, in this order: " + names);
    }
    List<double[]> arrays = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      int size = network.parameters().get(i).size();
      if (values.get(i).size() != size) {
        throw ConfigException.at(
            sources,
            pointer + "/" + i,
            "parameter "
                + names.get(i)
                + " has "
                + size
                + " entries (shape "
                + network.parameters().get(i).shape()
                + "), but "
                + values.get(i).size()
                + " values are given",
            "give " + size + " values, row-major");
      }
      double[] array = new double[size];
      for (int j = 0; j < size; j++) {
        array[j] = values.get(i).get(j);
      }
      arrays.add(array);
    }
    network.setParameterValues(arrays);
  }
}
