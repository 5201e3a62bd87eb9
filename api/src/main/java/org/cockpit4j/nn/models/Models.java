package org.cockpit4j.nn.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.nn.AvgPool2d;
import org.cockpit4j.nn.Conv2d;
import org.cockpit4j.nn.Dropout;
import org.cockpit4j.nn.Flatten;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.nn.MaxPool2d;
import org.cockpit4j.nn.ReLU;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;

/**
 * The DeepOBS test problems' networks, built with PyTorch's default initialisation from one seed
 * (see {@link Initializer}; dropout layers get seeds derived from it):
 *
 * <ul>
 *   <li>{@code logreg}: Flatten, Linear 784→10; input {@code [1, 28, 28]}.
 *   <li>{@code mnist_mlp}: Flatten, Linear 784→1000→500→100→10 with ReLU between; input {@code [1,
 *       28, 28]}.
 *   <li>{@code fmnist_2c2d}: Conv 1→32 5×5 pad 2, ReLU, MaxPool 2, Conv 32→64 5×5 pad 2, ReLU,
 *       MaxPool 2, Flatten, Linear 3136→1024, ReLU, Linear 1024→10; input {@code [1, 28, 28]}.
 *   <li>{@code cifar10_3c3d}: Conv 3→64 5×5, ReLU, MaxPool 3/2/1, Conv 64→96 3×3, ReLU, MaxPool
 *       3/2/1, Conv 96→128 3×3 pad 1, ReLU, MaxPool 3/2/1, Flatten, Linear 1152→512, ReLU, Linear
 *       512→256, ReLU, Linear 256→10; input {@code [3, 32, 32]}.
 *   <li>{@code cifar100_allcnnc}: Dropout 0.2; Conv 3→96 3×3 p1, ReLU; Conv 96→96 3×3 p1, ReLU;
 *       Conv 96→96 3×3 s2 p1, ReLU; Dropout 0.5; Conv 96→192 3×3 p1, ReLU (twice); Conv 192→192 3×3
 *       s2 p1, ReLU; Dropout 0.5; Conv 192→192 3×3, ReLU; Conv 192→192 1×1, ReLU; Conv 192→100 1×1,
 *       ReLU; AvgPool 6; Flatten; input {@code [3, 32, 32]}, output 100.
 * </ul>
 */
public final class Models {
  private interface Builder {
    List<Layer> layers(Initializer init);
  }

  private record Entry(Shape inputShape, Builder builder) {}

  private static final Shape MNIST = Shape.of(1, 28, 28);
  private static final Shape CIFAR = Shape.of(3, 32, 32);
  private static final Map<String, Entry> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("logreg", new Entry(MNIST, Models::logisticRegression));
    KNOWN.put("mnist_mlp", new Entry(MNIST, Models::mnistMlp));
    KNOWN.put("fmnist_2c2d", new Entry(MNIST, Models::twoConvTwoDense));
    KNOWN.put("cifar10_3c3d", new Entry(CIFAR, Models::threeConvThreeDense));
    KNOWN.put("cifar100_allcnnc", new Entry(CIFAR, Models::allConvolutionalC));
  }

  private Models() {}

  /** The known model names, in a fixed order. */
  public static List<String> names() {
    return List.copyOf(KNOWN.keySet());
  }

  /**
   * Builds the model {@code name} on {@code backend} in {@code dtype}, initialised from {@code
   * seed}; fails listing the known names for an unknown one. Build it outside any open {@link
   * org.cockpit4j.tensor.TensorScope} (the parameters must outlive it).
   */
  public static Model build(String name, DType dtype, Backend backend, long seed) {
    Entry entry = KNOWN.get(name);
    if (entry == null) {
      throw new IllegalArgumentException(
          "Unknown model '" + name + "'. Known models: " + String.join(", ", names()) + ".");
    }
    Initializer init = new Initializer(backend, dtype, seed);
    return new Model(name, entry.inputShape(), new Sequential(entry.builder().layers(init)));
  }

  private static List<Layer> logisticRegression(Initializer init) {
    return List.of(new Flatten(), new Linear(init, 784, 10));
  }

  private static List<Layer> mnistMlp(Initializer init) {
    return List.of(
        new Flatten(),
        new Linear(init, 784, 1000),
        new ReLU(),
        new Linear(init, 1000, 500),
        new ReLU(),
        new Linear(init, 500, 100),
        new ReLU(),
        new Linear(init, 100, 10));
  }

  private static List<Layer> twoConvTwoDense(Initializer init) {
    return List.of(
        new Conv2d(init, 1, 32, 5, 1, 2),
        new ReLU(),
        new MaxPool2d(2),
        new Conv2d(init, 32, 64, 5, 1, 2),
        new ReLU(),
        new MaxPool2d(2),
        new Flatten(),
        new Linear(init, 3136, 1024),
        new ReLU(),
        new Linear(init, 1024, 10));
  }

  private static List<Layer> threeConvThreeDense(Initializer init) {
    return List.of(
        new Conv2d(init, 3, 64, 5, 1, 0),
        new ReLU(),
        new MaxPool2d(3, 2, 1),
        new Conv2d(init, 64, 96, 3, 1, 0),
        new ReLU(),
        new MaxPool2d(3, 2, 1),
        new Conv2d(init, 96, 128, 3, 1, 1),
        new ReLU(),
        new MaxPool2d(3, 2, 1),
        new Flatten(),
        new Linear(init, 1152, 512),
        new ReLU(),
        new Linear(init, 512, 256),
        new ReLU(),
        new Linear(init, 256, 10));
  }

  private static List<Layer> allConvolutionalC(Initializer init) {
    return List.of(
        new Dropout(0.2, init.nextSeed()),
        new Conv2d(init, 3, 96, 3, 1, 1),
        new ReLU(),
        new Conv2d(init, 96, 96, 3, 1, 1),
        new ReLU(),
        new Conv2d(init, 96, 96, 3, 2, 1),
        new ReLU(),
        new Dropout(0.5, init.nextSeed()),
        new Conv2d(init, 96, 192, 3, 1, 1),
        new ReLU(),
        new Conv2d(init, 192, 192, 3, 1, 1),
        new ReLU(),
        new Conv2d(init, 192, 192, 3, 2, 1),
        new ReLU(),
        new Dropout(0.5, init.nextSeed()),
        new Conv2d(init, 192, 192, 3, 1, 0),
        new ReLU(),
        new Conv2d(init, 192, 192, 1, 1, 0),
        new ReLU(),
        new Conv2d(init, 192, 100, 1, 1, 0),
        new ReLU(),
        new AvgPool2d(new ConvGeometry(6, 6, 6, 6, 0, 0, 1, 1)),
        new Flatten());
  }
}
