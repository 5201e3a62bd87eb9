package org.cockpit4j.extension.rop;

import org.cockpit4j.derivatives.ActivationDerivatives;
import org.cockpit4j.extension.DirectionalDerivativeRule;
import org.cockpit4j.extension.ParameterTensors;
import org.cockpit4j.nn.Activation;
import org.cockpit4j.tensor.Tensor;

/**
 * Any {@link Activation}: {@code R{y} = f' ⊙ R{x}}, {@code R{δ_in} = f'' ⊙ R{x} ⊙ δ + f' ⊙ R{δ}}.
 */
public final class RopActivation implements DirectionalDerivativeRule<Activation> {

  @Override
  public Class<Activation> layerClass() {
    return Activation.class;
  }

  @Override
  public Tensor directionalForward(
      Activation layer, Tensor inputDirection, ParameterTensors directions) {
    return ActivationDerivatives.directionalForward(layer, inputDirection);
  }

  @Override
  public Tensor directionalBackward(
      Activation layer,
      Tensor outputGradient,
      Tensor outputGradientDirection,
      Tensor inputDirection,
      ParameterTensors directions,
      ParameterTensors results,
      boolean inputGradientNeeded) {
    return inputGradientNeeded
        ? ActivationDerivatives.directionalInputGradient(
            layer, outputGradient, outputGradientDirection, inputDirection)
        : null;
  }

  @Override
  public void parameterJacobianTransposeProduct(
      Activation layer, Tensor outputSpace, ParameterTensors results) {}
}
