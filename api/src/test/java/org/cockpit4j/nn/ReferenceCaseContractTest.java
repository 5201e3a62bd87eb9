package org.cockpit4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forward outputs, individual losses, the mean loss and the parameter gradients at every step of
 * the original's reference cases (PyTorch 1.13.1, float64), with the reference's own parameters and
 * batches, at the tolerance its FORMAT.md recommends (rtol 1e-10, atol 1e-13). Also checks the
 * parameter names. Skipped when the reference directory (system property {@code
 * cockpit4j.reference}, default {@code /work/shared/reference}) is absent.
 */
public abstract class ReferenceCaseContractTest extends NnContractBase {
  private static final double RELATIVE = 1e-10;
  private static final double ABSOLUTE = 1e-13;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "case_logreg",
        "case_mlp",
        "case_tanh_mse",
        "case_conv",
        "case_conv2",
        "case_adam_pool"
      })
  void forwardAndGradientMatchPyTorch(String name) throws IOException {
    File file =
        new File(
            System.getProperty("cockpit4j.reference", "/work/shared/reference"), name + ".json");
    assumeTrue(file.isFile(), "reference case " + file + " not found");
    JsonNode root = new ObjectMapper().readTree(file);
    Sequential network = build(root.get("model").get("layers"));
    List<String> names = new ArrayList<>();
    for (JsonNode parameter : root.get("parameters")) {
      names.add(parameter.get("name").asText());
    }
    assertEquals(names, network.parameterNames(), name + " parameter names");
    boolean mse = root.get("loss").get("type").asText().equals("mse");
    for (JsonNode step : root.get("steps")) {
      String where = name + " step " + step.get("global_step").asInt();
      List<double[]> parameters = new ArrayList<>();
      for (JsonNode parameter : step.get("params")) {
        parameters.add(values(parameter));
      }
      network.setParameterValues(parameters);
      Loss loss = mse ? new MseLoss() : new CrossEntropyLoss();
      Tensor targets = mse ? tensor(step.get("targets")) : labels(step.get("labels"));
      Tensor outputs = network.forward(tensor(step.get("inputs")));
      LossValue value = loss.forward(outputs, targets);
      JsonNode forward = step.get("forward");
      compare(values(forward.get("outputs")), outputs, where + " outputs");
      compare(values(forward.get("individual_losses")), value.individualLosses(), where + " ℓ_n");
      compare(new double[] {forward.get("loss").asDouble()}, value.loss(), where + " loss");
      network.backward(loss.backward(), false);
      JsonNode gradients = step.get("backpack").get("grad");
      for (int i = 0; i < network.parameters().size(); i++) {
        Parameter parameter = network.parameters().get(i);
        compare(
            values(gradients.get(i)), parameter.gradient(), where + " grad " + parameter.name());
      }
    }
  }

  private static void compare(double[] expected, Tensor actual, String what) {
    NnTesting.assertClose(expected, actual.toDoubleArray(), RELATIVE, ABSOLUTE, what);
  }

  private Sequential build(JsonNode layers) {
    Initializer init = init(0);
    List<Layer> built = new ArrayList<>();
    for (JsonNode layer : layers) {
      String type = layer.get("type").asText();
      built.add(
          switch (type) {
            case "flatten" -> new Flatten();
            case "relu" -> new ReLU();
            case "sigmoid" -> new Sigmoid();
            case "tanh" -> new Tanh();
            case "leaky_relu" -> new LeakyReLU(layer.get("negative_slope").asDouble());
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
            case "maxpool2d" -> new MaxPool2d(geometry(layer));
            case "avgpool2d" -> new AvgPool2d(geometry(layer));
            default -> throw new IllegalArgumentException("unknown layer type " + type);
          });
    }
    return new Sequential(built);
  }

  private static ConvGeometry geometry(JsonNode layer) {
    int[] kernel = ints(layer.get("kernel_size"));
    int[] stride = ints(layer.get("stride"));
    int[] padding = ints(layer.get("padding"));
    int[] dilation = layer.has("dilation") ? ints(layer.get("dilation")) : new int[] {1, 1};
    return new ConvGeometry(
        kernel[0],
        kernel[1],
        stride[0],
        stride[1],
        padding[0],
        padding[1],
        dilation[0],
        dilation[1]);
  }

  private Tensor tensor(JsonNode node) {
    return backend.fromArray(values(node), new Shape(ints(node.get("shape"))), DType.FLOAT64);
  }

  private Tensor labels(JsonNode node) {
    double[] labels = new double[node.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = node.get(i).asDouble();
    }
    return backend.fromArray(labels, Shape.of(labels.length), DType.FLOAT64);
  }

  private static double[] values(JsonNode tensor) {
    JsonNode data = tensor.get("data");
    double[] values = new double[data.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = data.get(i).asDouble();
    }
    return values;
  }

  private static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asInt();
    }
    return values;
  }
}
