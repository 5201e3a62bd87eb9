package org.cockpit4j.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.data.Batch;
import org.cockpit4j.nn.AvgPool2d;
import org.cockpit4j.nn.Conv2d;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.Flatten;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.LeakyReLU;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.MaxPool2d;
import org.cockpit4j.nn.MseLoss;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.ReLU;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.nn.Sigmoid;
import org.cockpit4j.nn.Tanh;
import org.cockpit4j.optim.Adam;
import org.cockpit4j.optim.AdamOptions;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.optim.SgdOptions;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;

/**
 * Reads the parts of a reference case ({@code /work/shared/reference/FORMAT.md}) that a training
 * run needs: model, loss, optimizer, initial parameters and the batches. Test-local and minimal.
 */
final class ReferenceCaseFixture {
  /** Where the reference cases live; override with {@code -Dcockpit4j.reference.dir=...}. */
  static final Path DIRECTORY =
      Path.of(System.getProperty("cockpit4j.reference.dir", "/work/shared/reference"));

  final JsonNode root;
  private final Backend backend;

  private ReferenceCaseFixture(JsonNode root, Backend backend) {
    this.root = root;
    this.backend = backend;
  }

  /** Reads {@code <name>.json} from {@link #DIRECTORY}. */
  static ReferenceCaseFixture read(String name, Backend backend) {
    try {
      return new ReferenceCaseFixture(
          new ObjectMapper().readTree(DIRECTORY.resolve(name + ".json").toFile()), backend);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean exists(String name) {
    return Files.isRegularFile(DIRECTORY.resolve(name + ".json"));
  }

  /** A number that may be written as a string ("NaN", "Infinity"), FORMAT.md §1. */
  static double number(JsonNode node) {
    return node.isTextual() ? Double.parseDouble(node.asText()) : node.asDouble();
  }

  /** The data of a tensor object, row-major. */
  static double[] data(JsonNode tensor) {
    JsonNode data = tensor.get("data");
    double[] values = new double[data.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(data.get(i));
    }
    return values;
  }

  /** The data of a per-parameter list of tensor objects. */
  static List<double[]> dataList(JsonNode tensors) {
    List<double[]> arrays = new ArrayList<>();
    tensors.forEach(tensor -> arrays.add(data(tensor)));
    return arrays;
  }

  private static int[] ints(JsonNode node) {
    int[] values = new int[node.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = node.get(i).asInt();
    }
    return values;
  }

  private static ConvGeometry geometry(JsonNode layer) {
    int[] kernel = ints(layer.get("kernel_size"));
    int[] stride = ints(layer.get("stride"));
    int[] padding = ints(layer.get("padding"));
    return new ConvGeometry(
        kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1], 1, 1);
  }

  /** The model with the case's initial parameters. */
  Sequential model() {
    Initializer init = new Initializer(backend, DType.FLOAT64, 0);
    List<Layer> layers = new ArrayList<>();
    for (JsonNode layer : root.get("model").get("layers")) {
      String type = layer.get("type").asText();
      layers.add(
          switch (type) {
            case "flatten" -> new Flatten();
            case "linear" ->
                new Linear(
                    init,
                    layer.get("in").asInt(),
                    layer.get("out").asInt(),
                    layer.get("bias").asBoolean());
            case "conv2d" ->
                new Conv2d(
                    init,
                    layer.get("in_channels").asInt(),
                    layer.get("out_channels").asInt(),
                    geometry(layer),
                    layer.get("bias").asBoolean());
            case "relu" -> new ReLU();
            case "leaky_relu" -> new LeakyReLU(number(layer.get("negative_slope")));
            case "sigmoid" -> new Sigmoid();
            case "tanh" -> new Tanh();
            case "maxpool2d" -> new MaxPool2d(geometry(layer));
            case "avgpool2d" -> new AvgPool2d(geometry(layer));
            default -> throw new IllegalArgumentException("Unknown layer type " + type);
          });
    }
    Sequential model = new Sequential(layers);
    model.setParameterValues(dataList(root.get("initial_params")));
    return model;
  }

  Loss loss() {
    String type = root.get("loss").get("type").asText();
    return switch (type) {
      case "cross_entropy" -> new CrossEntropyLoss();
      case "mse" -> new MseLoss();
      default -> throw new IllegalArgumentException("Unknown loss type " + type);
    };
  }

  Optimizer optimizer(List<Parameter> parameters) {
    JsonNode node = root.get("optimizer");
    String type = node.get("type").asText();
    double learningRate = number(node.get("lr"));
    double weightDecay = number(node.get("weight_decay"));
    return switch (type) {
      case "sgd" ->
          new Sgd(
              parameters,
              new SgdOptions(
                  learningRate,
                  number(node.get("momentum")),
                  number(node.get("dampening")),
                  weightDecay,
                  node.get("nesterov").asBoolean()));
      case "adam" ->
          new Adam(
              parameters,
              new AdamOptions(
                  learningRate,
                  number(node.get("betas").get(0)),
                  number(node.get("betas").get(1)),
                  number(node.get("eps")),
                  weightDecay));
      default -> throw new IllegalArgumentException("Unknown optimizer type " + type);
    };
  }

  int numberOfSteps() {
    return root.get("num_steps").asInt();
  }

  JsonNode step(int index) {
    return root.get("steps").get(index);
  }

  /** The batch of step {@code index}: inputs, and labels (as float64 class indices) or targets. */
  Batch batch(int index) {
    JsonNode step = step(index);
    JsonNode inputs = step.get("inputs");
    Batch batch;
    if (step.has("labels")) {
      double[] labels = new double[step.get("labels").size()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = step.get("labels").get(i).asInt();
      }
      batch =
          new Batch(
              tensor(inputs), backend.fromArray(labels, Shape.of(labels.length), DType.FLOAT64));
    } else {
      batch = new Batch(tensor(inputs), tensor(step.get("targets")));
    }
    return batch;
  }

  private org.cockpit4j.tensor.Tensor tensor(JsonNode node) {
    return backend.fromArray(data(node), new Shape(ints(node.get("shape"))), DType.FLOAT64);
  }
}
