package org.cockpit4j.extension;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.cockpit4j.derivatives.LossDerivatives;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.Residual;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Exact curvature-vector products on the whole parameter vector, at the point of the last forward
 * pass of the model and the loss:
 *
 * <ul>
 *   <li>{@link #hessianVectorProduct}: {@code H v} with {@code H = ∇²_θ L}, by Pearlmutter's
 *       R-operator: an R-forward pass ({@code R{x}} layer by layer, {@code R{f} = J v}), {@code
 *       R{δ_f} = ∇²_f L · R{f}}, then an R-backward pass ({@code R{δ}} and {@code R{∇_θ L}} layer
 *       by layer, with the second-order terms of curved activations and of the parameters);
 *   <li>{@link #ggnVectorProduct}: {@code G v = Σ_n J_nᵀ ∇²_{f_n} L J_n v}: the same R-forward,
 *       then the plain transposed Jacobian applied to {@code ∇²_f L · J v}.
 * </ul>
 *
 * Each product costs about one forward and one backward pass. Directions and results are lists in
 * {@code model.parameters()} order, shaped like the parameters; nothing is written to the
 * parameters (their gradients stay). Rules come from the {@value DirectionalDerivativeRule#FAMILY}
 * family of the rule set; a leaf without one fails with a {@link MissingRuleException}.
 */
public final class CurvatureProducts {
  private record Gradients(Tensor delta, Tensor direction) {}

  private final Layer model;
  private final RuleSet rules;

  /** Products for {@code model} with the given rules. */
  public CurvatureProducts(Layer model, RuleSet rules) {
    this.model = model;
    this.rules = rules;
  }

  /** Products for {@code model} with the built-in rules. */
  public static CurvatureProducts of(Layer model) {
    return new CurvatureProducts(model, RuleSet.builtIn());
  }

  /**
   * {@code H v}, the Hessian of the mean loss at the last forward pass times {@code direction}. The
   * results belong to the caller's scope. For several products at one point use {@link #at}.
   */
  public List<Tensor> hessianVectorProduct(Loss loss, List<Tensor> direction) {
    try (Point point = at(loss)) {
      return point.hessianVectorProduct(direction);
    }
  }

  /**
   * {@code G v}, the generalised Gauss-Newton matrix of the mean loss at the last forward pass
   * times {@code direction}. The results belong to the caller's scope.
   */
  public List<Tensor> ggnVectorProduct(Loss loss, List<Tensor> direction) {
    try (Point point = at(loss)) {
      return point.ggnVectorProduct(direction);
    }
  }

  /**
   * The products at the last forward pass of the model and {@code loss}, for many directions: what
   * does not depend on the direction (the output gradient {@code δ} at every layer) is computed by
   * the first product and reused by the others. Valid until the next forward pass or parameter
   * update; close it to free what it keeps.
   */
  public Point at(Loss loss) {
    return new Point(loss, lossDerivatives(loss));
  }

  /** Curvature-vector products at one point ({@link #at}); not thread-safe. */
  public final class Point implements AutoCloseable {
    private final Loss loss;
    private final LossDerivatives<Loss> lossDerivatives;
    private final Map<Object, Tensor> deltas = new IdentityHashMap<>();
    private Tensor outputDelta;

    private Point(Loss loss, LossDerivatives<Loss> lossDerivatives) {
      this.loss = loss;
      this.lossDerivatives = lossDerivatives;
    }

    /** {@code H v} (results in the caller's scope). */
    public List<Tensor> hessianVectorProduct(List<Tensor> direction) {
      List<Parameter> parameters = model.parameters();
      ParameterTensors directions = ParameterTensors.of(parameters, direction);
      List<Tensor> results = new ArrayList<>();
      try (TensorScope scope = TensorScope.open()) {
        Map<Layer, Tensor> inputDirections = new IdentityHashMap<>();
        Tensor outputDirection = forward(model, null, directions, inputDirections);
        Tensor delta = outputDelta();
        Tensor deltaDirection =
            outputDirection == null
                ? delta.multiply(0.0)
                : lossDerivatives.hessianProduct(loss, outputDirection);
        ParameterTensors products = new ParameterTensors();
        backward(model, delta, deltaDirection, directions, inputDirections, products, false, this);
        for (Tensor product : products.inOrder(parameters)) {
          results.add(scope.keep(product));
        }
      }
      return results;
    }

    /** {@code G v} (results in the caller's scope). */
    public List<Tensor> ggnVectorProduct(List<Tensor> direction) {
      List<Parameter> parameters = model.parameters();
      ParameterTensors directions = ParameterTensors.of(parameters, direction);
      List<Tensor> results = new ArrayList<>();
      try (TensorScope scope = TensorScope.open()) {
        Tensor outputDirection = forward(model, null, directions, new IdentityHashMap<>());
        Tensor outputSpace =
            outputDirection == null
                ? outputDelta().multiply(0.0)
                : lossDerivatives.hessianProduct(loss, outputDirection);
        ParameterTensors products = new ParameterTensors();
        transposeJacobian(model, outputSpace, products, false);
        for (Tensor product : products.inOrder(parameters)) {
          results.add(scope.keep(product));
        }
      }
      return results;
    }

    private Tensor outputDelta() {
      if (outputDelta == null) {
        outputDelta = TensorScope.detach(loss.backward());
      }
      return outputDelta;
    }

    /** The output gradient at the input of {@code layer}, computed once. */
    Tensor inputDelta(Object layer, Supplier<Tensor> compute) {
      Tensor delta = deltas.get(layer);
      if (delta == null) {
        delta = TensorScope.detach(compute.get());
        deltas.put(layer, delta);
      }
      return delta;
    }

    @Override
    public void close() {
      deltas.values().forEach(Tensor::close);
      deltas.clear();
      if (outputDelta != null) {
        outputDelta.close();
        outputDelta = null;
      }
    }
  }

  /** Checks now that every leaf of the model has an R-operator rule. */
  public void validate() {
    validate(model, "");
  }

  private void validate(Layer layer, String path) {
    if (layer instanceof Sequential sequential) {
      for (int i = 0; i < sequential.size(); i++) {
        validate(sequential.layer(i), path.isEmpty() ? Integer.toString(i) : path + "." + i);
      }
    } else if (layer instanceof Residual residual) {
      validate(residual.inner(), (path.isEmpty() ? "" : path + ".") + Residual.BRANCH_NAME);
    } else {
      rule(layer, path.isEmpty() ? "model" : path);
    }
  }

  // ---- R-forward ------------------------------------------------------------------------------

  private Tensor forward(
      Layer layer,
      Tensor inputDirection,
      ParameterTensors directions,
      Map<Layer, Tensor> inputDirections) {
    if (layer instanceof Sequential sequential) {
      Tensor current = inputDirection;
      for (Layer child : sequential.layers()) {
        current = forward(child, current, directions, inputDirections);
      }
      return current;
    }
    if (layer instanceof Residual residual) {
      Tensor branch = forward(residual.inner(), inputDirection, directions, inputDirections);
      if (branch == null) {
        return inputDirection;
      }
      return inputDirection == null ? branch : inputDirection.add(branch);
    }
    inputDirections.put(layer, inputDirection);
    return rule(layer, layer.type()).directionalForward(layer, inputDirection, directions);
  }

  // ---- R-backward -----------------------------------------------------------------------------

  private Gradients backward(
      Layer layer,
      Tensor delta,
      Tensor deltaDirection,
      ParameterTensors directions,
      Map<Layer, Tensor> inputDirections,
      ParameterTensors results,
      boolean inputSideNeeded,
      Point point) {
    if (layer instanceof Sequential sequential) {
      Gradients current = new Gradients(delta, deltaDirection);
      for (int i = sequential.size() - 1; i >= 0; i--) {
        boolean needed = inputSideNeeded || hasParametersBefore(sequential, i);
        current =
            backward(
                sequential.layer(i),
                current.delta(),
                current.direction(),
                directions,
                inputDirections,
                results,
                needed,
                point);
        if (!needed) {
          return null;
        }
      }
      return current;
    }
    if (layer instanceof Residual residual) {
      Gradients branch =
          backward(
              residual.inner(),
              delta,
              deltaDirection,
              directions,
              inputDirections,
              results,
              inputSideNeeded,
              point);
      if (!inputSideNeeded) {
        return null;
      }
      Tensor deltaIn = point.inputDelta(residual, () -> delta.add(branch.delta()));
      return new Gradients(deltaIn, deltaDirection.add(branch.direction()));
    }
    Tensor directionIn =
        rule(layer, layer.type())
            .directionalBackward(
                layer,
                delta,
                deltaDirection,
                inputDirections.get(layer),
                directions,
                results,
                inputSideNeeded);
    return inputSideNeeded
        ? new Gradients(
            point.inputDelta(layer, () -> layer.inputJacobianTransposeProduct(delta)), directionIn)
        : null;
  }

  // ---- GGN: transposed Jacobian ---------------------------------------------------------------

  private Tensor transposeJacobian(
      Layer layer, Tensor outputSpace, ParameterTensors results, boolean inputSideNeeded) {
    if (layer instanceof Sequential sequential) {
      Tensor current = outputSpace;
      for (int i = sequential.size() - 1; i >= 0; i--) {
        boolean needed = inputSideNeeded || hasParametersBefore(sequential, i);
        current = transposeJacobian(sequential.layer(i), current, results, needed);
        if (!needed) {
          return null;
        }
      }
      return current;
    }
    if (layer instanceof Residual residual) {
      Tensor branch = transposeJacobian(residual.inner(), outputSpace, results, inputSideNeeded);
      return inputSideNeeded ? outputSpace.add(branch) : null;
    }
    rule(layer, layer.type()).parameterJacobianTransposeProduct(layer, outputSpace, results);
    return inputSideNeeded ? layer.inputJacobianTransposeProduct(outputSpace) : null;
  }

  private static boolean hasParametersBefore(Sequential sequential, int index) {
    for (int j = 0; j < index; j++) {
      if (!sequential.layer(j).parameters().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private DirectionalDerivativeRule<Layer> rule(Layer layer, String where) {
    Optional<ExtensionRule<?>> found =
        rules.find(DirectionalDerivativeRule.FAMILY, layer.getClass());
    if (found.isPresent() && found.get() instanceof DirectionalDerivativeRule<?> rule) {
      @SuppressWarnings("unchecked") // found for the layer's class or a superclass
      DirectionalDerivativeRule<Layer> typed = (DirectionalDerivativeRule<Layer>) rule;
      return typed;
    }
    throw new MissingRuleException(
        "No "
            + DirectionalDerivativeRule.FAMILY
            + " rule (Hessian/GGN-vector products) for layer "
            + where
            + " ("
            + layer.type()
            + ", "
            + layer.getClass().getName()
            + "); register a DirectionalDerivativeRule for it through a LayerPlugin.");
  }

  private LossDerivatives<Loss> lossDerivatives(Loss loss) {
    Optional<LossDerivatives<?>> found = rules.lossDerivatives(loss.getClass());
    if (found.isEmpty()) {
      throw new MissingRuleException(
          "No loss derivatives for loss "
              + loss.type()
              + " ("
              + loss.getClass().getName()
              + "); register a LossDerivatives for it.");
    }
    @SuppressWarnings("unchecked") // found for the loss's class or a superclass
    LossDerivatives<Loss> derivatives = (LossDerivatives<Loss>) found.get();
    return derivatives;
  }
}
