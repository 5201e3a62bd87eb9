package org.cockpit4j.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * Layers applied in order, like {@code torch.nn.Sequential}.
 *
 * <p>Parameter names follow PyTorch: the parameters of the layer at index {@code i} are named
 * {@code i.weight} and {@code i.bias} (no bias entry for a layer without one); a nested container
 * adds its own path, e.g. {@code 2.inner.0.weight} for the first layer of the branch of a {@link
 * Residual} at index 2, or {@code 3.1.bias} for a Sequential inside a Sequential. {@link
 * #parameters} lists them in PyTorch's {@code model.parameters()} order.
 *
 * <p>Shapes: {@link #outputShape} chains the layers' shape rules, so a layer list whose shapes do
 * not chain fails before any data flows, naming the layer index and type.
 */
public final class Sequential implements Layer {
  private final List<Layer> layers;
  private final List<Parameter> parameters;

  /** A container of {@code layers}; takes the layers over and names their parameters. */
  public Sequential(List<? extends Layer> layers) {
    this.layers = List.copyOf(layers);
    Map<Layer, Boolean> seen = new IdentityHashMap<>();
    List<Parameter> all = new ArrayList<>();
    for (int i = 0; i < this.layers.size(); i++) {
      Layer layer = this.layers.get(i);
      if (seen.put(layer, Boolean.TRUE) != null) {
        throw new IllegalArgumentException(
            "layer " + i + " (" + layer.type() + ") appears twice; create a new layer instead");
      }
      for (Parameter parameter : layer.parameters()) {
        parameter.prependToName(i + ".");
        all.add(parameter);
      }
    }
    this.parameters = Collections.unmodifiableList(all);
  }

  /** A container of {@code layers}. */
  public Sequential(Layer... layers) {
    this(List.of(layers));
  }

  @Override
  public String type() {
    return "sequential";
  }

  /** The layers in order. */
  public List<Layer> layers() {
    return layers;
  }

  /** Number of layers. */
  public int size() {
    return layers.size();
  }

  /** The layer at {@code index}. */
  public Layer layer(int index) {
    return layers.get(index);
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  /** Total number of trainable scalars. */
  public long parameterCount() {
    long count = 0;
    for (Parameter parameter : parameters) {
      count += parameter.size();
    }
    return count;
  }

  /**
   * Sets every parameter from a list of row-major values in {@link #parameters} order (the
   * reference cases' {@code initial_params}).
   */
  public void setParameterValues(List<double[]> values) {
    if (values.size() != parameters.size()) {
      throw new IllegalArgumentException(
          "the model has "
              + parameters.size()
              + " parameters "
              + parameterNames()
              + ", got "
              + values.size()
              + " value arrays");
    }
    for (int i = 0; i < values.size(); i++) {
      parameters.get(i).setValues(values.get(i));
    }
  }

  /** The parameters' names in order. */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (Parameter parameter : parameters) {
      names.add(parameter.name());
    }
    return names;
  }

  @Override
  public Shape outputShape(Shape inputShape) {
    Shape shape = inputShape;
    for (int i = 0; i < layers.size(); i++) {
      try {
        shape = layers.get(i).outputShape(shape);
      } catch (IllegalArgumentException e) {
        throw located(i, e);
      }
    }
    return shape;
  }

  /** Output shape of every layer for a per-sample input shape (index i: after layer i). */
  public List<Shape> layerOutputShapes(Shape inputShape) {
    List<Shape> shapes = new ArrayList<>();
    Shape shape = inputShape;
    for (int i = 0; i < layers.size(); i++) {
      try {
        shape = layers.get(i).outputShape(shape);
      } catch (IllegalArgumentException e) {
        throw located(i, e);
      }
      shapes.add(shape);
    }
    return shapes;
  }

  @Override
  public Tensor forward(Tensor input) {
    Tensor current = input;
    for (int i = 0; i < layers.size(); i++) {
      try {
        current = layers.get(i).forward(current);
      } catch (IllegalArgumentException e) {
        throw located(i, e);
      }
    }
    return current;
  }

  /**
   * Backpropagates through the layers from the last to the first, setting every parameter's
   * gradient. Intermediate gradients are closed as soon as the layer below has used them. Unless
   * {@code inputGradientNeeded}, backpropagation stops at the first layer with parameters: the
   * layers below it (e.g. a leading Flatten) have nothing to learn, so no input gradient is
   * computed for them, and null is returned.
   */
  @Override
  public Tensor backward(Tensor outputGradient, boolean inputGradientNeeded) {
    int lowest = inputGradientNeeded ? 0 : lowestLayerWithParameters();
    if (lowest == layers.size()) {
      return null;
    }
    Tensor gradient = outputGradient;
    for (int i = layers.size() - 1; i >= lowest; i--) {
      boolean needed = i > lowest || inputGradientNeeded;
      Tensor next;
      try {
        next = layers.get(i).backward(gradient, needed);
      } catch (IllegalArgumentException e) {
        throw located(i, e);
      }
      if (gradient != outputGradient && gradient != next) {
        gradient.close();
      }
      if (next == null && needed) {
        throw new IllegalStateException(
            "layer " + i + " (" + layers.get(i).type() + ") returned no input gradient");
      }
      gradient = next;
    }
    return gradient;
  }

  private int lowestLayerWithParameters() {
    for (int i = 0; i < layers.size(); i++) {
      if (!layers.get(i).parameters().isEmpty()) {
        return i;
      }
    }
    return layers.size();
  }

  /**
   * Chains the layers' transposed Jacobians from the last layer to the first; intermediate stacks
   * are closed as soon as they have been used.
   */
  @Override
  public Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack) {
    Tensor stack = outputSpaceStack;
    for (int i = layers.size() - 1; i >= 0; i--) {
      Tensor next;
      try {
        next = layers.get(i).inputJacobianTransposeProduct(stack);
      } catch (IllegalArgumentException e) {
        throw located(i, e);
      }
      if (stack != outputSpaceStack && stack != next) {
        stack.close();
      }
      stack = next;
    }
    return stack;
  }

  @Override
  public void setTraining(boolean training) {
    for (Layer layer : layers) {
      layer.setTraining(training);
    }
  }

  /** The state of every layer, by index. */
  @Override
  public void saveState(StateWriter state) {
    state.putInt("layers", layers.size());
    for (int i = 0; i < layers.size(); i++) {
      state.putState(String.valueOf(i), layers.get(i));
    }
  }

  @Override
  public void restoreState(StateReader state) {
    int saved = state.getInt("layers");
    if (saved != layers.size()) {
      throw state.error("the saved model has " + saved + " layers, this one " + layers.size());
    }
    for (int i = 0; i < layers.size(); i++) {
      state.restoreState(String.valueOf(i), layers.get(i));
    }
  }

  private IllegalArgumentException located(int index, IllegalArgumentException cause) {
    return new IllegalArgumentException(
        "layer " + index + " (" + layers.get(index).type() + "): " + cause.getMessage(), cause);
  }
}
