package org.cockpit4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.nn.models.Model;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * Shape rules: layer lists whose shapes do not chain fail before any data flows, with messages
 * naming the layer index and type, the expected and the actual shape, and the fix.
 */
public abstract class ShapeCheckContractTest extends NnContractBase {

  private static void assertMentions(IllegalArgumentException error, String... parts) {
    for (String part : parts) {
      assertTrue(
          error.getMessage().contains(part),
          "message should mention '" + part + "': " + error.getMessage());
    }
  }

  @Test
  void chainedShapes() {
    Initializer init = init(1);
    Sequential network =
        new Sequential(
            new Conv2d(init, 1, 4, ConvGeometry.square(3, 1, 1), true),
            new ReLU(),
            new MaxPool2d(2),
            new Flatten(),
            new Linear(init, 4 * 3 * 3, 5));
    assertEquals(Shape.of(5), network.outputShape(Shape.of(1, 6, 6)));
    assertEquals(
        List.of(Shape.of(4, 6, 6), Shape.of(4, 6, 6), Shape.of(4, 3, 3), Shape.of(36), Shape.of(5)),
        network.layerOutputShapes(Shape.of(1, 6, 6)));
  }

  @Test
  void mismatchedLinearNamesIndexShapesAndFix() {
    Initializer init = init(2);
    Sequential network =
        new Sequential(new Linear(init, 10, 5), new ReLU(), new Linear(init, 6, 3));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> network.outputShape(Shape.of(10)));
    assertMentions(error, "layer 2 (linear)", "[6]", "[5]", "set in to 5");
  }

  @Test
  void linearAfterConvolutionAsksForFlatten() {
    Initializer init = init(3);
    Sequential network =
        new Sequential(
            new Conv2d(init, 1, 2, ConvGeometry.square(3, 1, 1), true), new Linear(init, 8, 2));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> network.outputShape(Shape.of(1, 2, 2)));
    assertMentions(error, "layer 1 (linear)", "[2, 2, 2]", "flatten");
  }

  @Test
  void convolutionWithWrongChannelsOrTooSmallInput() {
    Conv2d layer = new Conv2d(init(4), 3, 2, ConvGeometry.square(5, 1, 0), true);
    Sequential network = new Sequential(layer);
    IllegalArgumentException channels =
        assertThrows(
            IllegalArgumentException.class, () -> network.outputShape(Shape.of(1, 28, 28)));
    assertMentions(channels, "layer 0 (conv2d", "[3, H, W]", "[1, 28, 28]", "in_channels");
    IllegalArgumentException small =
        assertThrows(IllegalArgumentException.class, () -> layer.outputShape(Shape.of(3, 4, 4)));
    assertMentions(small, "[3, 4, 4]", "padding");
  }

  @Test
  void poolingNeedsImagesAndSensiblePadding() {
    assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(2, 2, 2));
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> new AvgPool2d(2).outputShape(Shape.of(12)));
    assertMentions(error, "[C, H, W]", "[12]");
  }

  @Test
  void residualBranchMustPreserveTheShape() {
    Residual block = new Residual(new Linear(init(5), 4, 3));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> block.outputShape(Shape.of(4)));
    assertMentions(error, "[4]", "[3]");
  }

  @Test
  void nestedContainersNameThePath() {
    Initializer init = init(6);
    Sequential network =
        new Sequential(
            new Linear(init, 4, 4),
            new Residual(new Sequential(new ReLU(), new Linear(init, 5, 4))));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> network.outputShape(Shape.of(4)));
    assertMentions(error, "layer 1 (residual)", "inner (sequential)", "layer 1 (linear)", "[5]");
  }

  @Test
  void forwardWithAWrongBatchFailsWithTheLayerIndex() {
    Initializer init = init(7);
    Sequential network = new Sequential(new Linear(init, 4, 3), new Linear(init, 3, 2));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> network.forward(random(8, 2, 5)));
    assertMentions(error, "layer 0 (linear)", "[4]", "[5]");
  }

  @Test
  void modelsValidateTheirInputShape() {
    Sequential network = new Sequential(new Flatten(), new Linear(init(9), 10, 2));
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> new Model("tiny", Shape.of(1, 3, 3), network));
    assertMentions(error, "layer 1 (linear)", "[10]", "[9]");
  }

  @Test
  void backwardBeforeForwardFailsClearly() {
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> new Linear(init(10), 2, 2).backward(random(11, 1, 2)));
    assertTrue(error.getMessage().contains("call forward"), error.getMessage());
  }
}
