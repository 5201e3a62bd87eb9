package org.cockpit4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cockpit4j.nn.models.Model;
import org.cockpit4j.nn.models.Models;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The DeepOBS models: parameter counts as published, input and output shapes, one forward and
 * backward pass on a tiny float32 batch, determinism, and the error for an unknown name.
 */
public abstract class ModelsContractTest extends NnContractBase {
  private static final Map<String, Long> PARAMETER_COUNTS =
      Map.of(
          "logreg", 7_850L,
          "mnist_mlp", 1_336_610L,
          "fmnist_2c2d", 3_274_634L,
          "cifar10_3c3d", 895_210L,
          "cifar100_allcnnc", 1_387_108L);
  private static final Map<String, Integer> OUTPUTS =
      Map.of(
          "logreg", 10,
          "mnist_mlp", 10,
          "fmnist_2c2d", 10,
          "cifar10_3c3d", 10,
          "cifar100_allcnnc", 100);

  @Test
  void everyModelBuildsWithThePublishedSize() {
    assertEquals(
        List.of("logreg", "mnist_mlp", "fmnist_2c2d", "cifar10_3c3d", "cifar100_allcnnc"),
        Models.names());
    for (String name : Models.names()) {
      Model model = Models.build(name, DType.FLOAT32, backend, 0);
      assertEquals(name, model.name());
      assertEquals(PARAMETER_COUNTS.get(name), model.network().parameterCount(), name);
      assertEquals(Shape.of(OUTPUTS.get(name)), model.outputShape(), name);
      Shape expectedInput = name.startsWith("cifar") ? Shape.of(3, 32, 32) : Shape.of(1, 28, 28);
      assertEquals(expectedInput, model.inputShape(), name);
    }
  }

  @Test
  void everyModelRunsForwardAndBackwardOnATinyBatch() {
    for (String name : Models.names()) {
      Model model = Models.build(name, DType.FLOAT32, backend, 1);
      int batch = 2;
      Tensor input = backend.randomNormal(model.inputShape().prepend(batch), DType.FLOAT32, 3, 0);
      Tensor output = model.network().forward(input);
      assertEquals(Shape.of(batch, OUTPUTS.get(name)), output.shape(), name);
      CrossEntropyLoss loss = new CrossEntropyLoss();
      double value =
          loss.forward(output, backend.fromArray(new double[] {1, 0}, Shape.of(2), DType.FLOAT32))
              .value();
      assertTrue(Double.isFinite(value), name + " loss " + value);
      model.network().backward(loss.backward(), false);
      for (Parameter parameter : model.network().parameters()) {
        assertNotNull(parameter.gradient(), name + " " + parameter.name());
        assertEquals(parameter.shape(), parameter.gradient().shape());
      }
    }
  }

  @Test
  void mlpParameterNamesAndDeterminism() {
    Model first = Models.build("mnist_mlp", DType.FLOAT64, backend, 5);
    Model again = Models.build("mnist_mlp", DType.FLOAT64, backend, 5);
    assertEquals(
        List.of(
            "1.weight", "1.bias", "3.weight", "3.bias", "5.weight", "5.bias", "7.weight", "7.bias"),
        first.network().parameterNames());
    NnTesting.assertClose(
        first.network().parameters().get(6).value().toDoubleArray(),
        again.network().parameters().get(6).value().toDoubleArray(),
        0,
        0,
        "same seed");
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Models.build("resnet", DType.FLOAT32, backend, 0));
    assertTrue(error.getMessage().contains("resnet"), error.getMessage());
    for (String name : Models.names()) {
      assertTrue(error.getMessage().contains(name), error.getMessage());
    }
  }
}
