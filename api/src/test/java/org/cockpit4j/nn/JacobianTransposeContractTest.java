package org.cockpit4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link Layer#inputJacobianTransposeProduct} on stacks {@code [V, N, ...]} equals V separate
 * backward passes (the input gradient for each output-space slice), for every layer type.
 */
public abstract class JacobianTransposeContractTest extends NnContractBase {
  private static final int V = 3;

  private void checkStack(Layer layer, Tensor input, long seed) {
    Tensor output = layer.forward(input);
    Shape stackShape = output.shape().prepend(V);
    Tensor stack = NnTesting.randomTensor(backend, stackShape, seed);
    Tensor result = layer.inputJacobianTransposeProduct(stack);
    assertEquals(input.shape().prepend(V), result.shape(), layer.type() + " stack shape");
    List<Tensor> slices = new ArrayList<>();
    for (int v = 0; v < V; v++) {
      Tensor slice = backend.slice(stack, 0, v, v + 1).reshape(output.shape());
      slices.add(layer.backward(slice).reshape(input.shape().prepend(1)));
    }
    Tensor expected = backend.concat(slices, 0);
    NnTesting.assertClose(
        expected.toDoubleArray(),
        result.toDoubleArray(),
        1e-12,
        1e-14,
        layer.type() + " stacked transposed Jacobian");
  }

  @Test
  void linear() {
    checkStack(new Linear(init(1), 4, 3), random(2, 2, 4), 3);
  }

  @Test
  void conv2d() {
    ConvGeometry geometry = new ConvGeometry(3, 2, 2, 1, 1, 0, 1, 2);
    checkStack(new Conv2d(init(4), 2, 3, geometry, false), random(5, 2, 2, 5, 6), 6);
  }

  @Test
  void pooling() {
    checkStack(new MaxPool2d(3, 2, 1), random(7, 2, 2, 5, 5), 8);
    checkStack(new AvgPool2d(3, 2, 1), random(9, 2, 2, 5, 5), 10);
  }

  @Test
  void activationsAndShapeLayers() {
    checkStack(new ReLU(), random(11, 2, 5), 12);
    checkStack(new LeakyReLU(0.2), random(13, 2, 5), 14);
    checkStack(new Sigmoid(), random(15, 2, 5), 16);
    checkStack(new Tanh(), random(17, 2, 2, 3), 18);
    checkStack(new Flatten(), random(19, 2, 2, 3), 20);
    checkStack(new Identity(), random(21, 2, 3), 22);
    checkStack(new Dropout(0.4, 23), random(24, 2, 6), 25);
  }

  @Test
  void containers() {
    Initializer init = init(26);
    Sequential network =
        new Sequential(
            new Conv2d(init, 1, 2, ConvGeometry.square(3, 1, 1), true),
            new ReLU(),
            new MaxPool2d(2),
            new Flatten(),
            new Residual(new Sequential(new Linear(init, 8, 8), new Sigmoid())),
            new Linear(init, 8, 3));
    checkStack(network, random(27, 2, 1, 4, 4), 28);
  }
}
