package org.cockpit4j.extension.rop;

import org.cockpit4j.derivatives.LinearDerivatives;
import org.cockpit4j.extension.DirectionalDerivativeRule;
import org.cockpit4j.extension.ParameterTensors;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.tensor.Tensor;

/** Linear: {@code R{y} = R{x}Wᵀ + xV_Wᵀ + v_b}, {@code R{∇W} = R{δ}ᵀx + δᵀR{x}}, ... */
public final class RopLinear implements DirectionalDerivativeRule<Linear> {

  @Override
  public Class<Linear> layerClass() {
    return Linear.class;
  }

  @Override
  public Tensor directionalForward(
      Linear layer, Tensor inputDirection, ParameterTensors directions) {
    return LinearDerivatives.directionalForward(
        layer,
        inputDirection,
        directions.get(layer.weight()),
        layer.hasBias() ? directions.get(layer.bias()) : null);
  }

  @Override
  public Tensor directionalBackward(
      Linear layer,
      Tensor outputGradient,
      Tensor outputGradientDirection,
      Tensor inputDirection,
      ParameterTensors directions,
      ParameterTensors results,
      boolean inputGradientNeeded) {
    results.put(
        layer.weight(),
        LinearDerivatives.directionalWeightGradient(
            layer, outputGradient, outputGradientDirection, inputDirection));
    if (layer.hasBias()) {
      results.put(
          layer.bias(), LinearDerivatives.biasJacobianTransposeProduct(outputGradientDirection));
    }
    return inputGradientNeeded
        ? LinearDerivatives.directionalInputGradient(
            layer, outputGradient, outputGradientDirection, directions.get(layer.weight()))
        : null;
  }

  @Override
  public void parameterJacobianTransposeProduct(
      Linear layer, Tensor outputSpace, ParameterTensors results) {
    results.put(
        layer.weight(), LinearDerivatives.weightJacobianTransposeProduct(layer, outputSpace));
    if (layer.hasBias()) {
      results.put(layer.bias(), LinearDerivatives.biasJacobianTransposeProduct(outputSpace));
    }
  }
}
