package org.cockpit4j.extension;

import org.cockpit4j.nn.Layer;
import org.cockpit4j.tensor.Tensor;

/**
 * Pearlmutter's R-operator for one layer class (rule family {@value #FAMILY}), used by {@link
 * CurvatureProducts} for exact Hessian- and GGN-vector products. {@code R{·}} is the directional
 * derivative along a parameter direction {@code v}; a null input direction stands for zero (the
 * network input does not depend on the parameters).
 *
 * @param <L> the layer class
 */
public interface DirectionalDerivativeRule<L extends Layer> extends ExtensionRule<L> {
  /** The rule family name under which these rules are registered. */
  String FAMILY = "r_op";

  @Override
  default String extensionName() {
    return FAMILY;
  }

  /**
   * R-forward: {@code R{y} = J_x R{x} + J_θ v} from the last forward pass's cached state; null only
   * when both terms vanish (null input direction, no parameters).
   */
  Tensor directionalForward(L layer, Tensor inputDirection, ParameterTensors directions);

  /**
   * R-backward: puts {@code R{∇_θ L}} of this layer's parameters into {@code results} and returns
   * {@code R{δ_in}} (null when {@code inputGradientNeeded} is false).
   *
   * @param outputGradient {@code δ = ∂L/∂y}
   * @param outputGradientDirection {@code R{δ}}
   * @param inputDirection {@code R{x}} recorded by the R-forward pass (null for zero)
   * @param directions the parameter direction {@code v}
   * @param results receives {@code R{∇_θ L}} per parameter
   * @param inputGradientNeeded whether {@code R{δ_in}} is needed below
   */
  Tensor directionalBackward(
      L layer,
      Tensor outputGradient,
      Tensor outputGradientDirection,
      Tensor inputDirection,
      ParameterTensors directions,
      ParameterTensors results,
      boolean inputGradientNeeded);

  /**
   * Puts {@code Σ_n J_{θ,n}ᵀ S_n} of this layer's parameters into {@code results} for an
   * output-space tensor {@code S [N, *outputShape]} (the GGN-vector product's backward pass).
   */
  void parameterJacobianTransposeProduct(L layer, Tensor outputSpace, ParameterTensors results);
}
