package org.cockpit4j.extension.rop;

import org.cockpit4j.derivatives.Conv2dDerivatives;
import org.cockpit4j.extension.DirectionalDerivativeRule;
import org.cockpit4j.extension.ParameterTensors;
import org.cockpit4j.nn.Conv2d;
import org.cockpit4j.tensor.Tensor;

/** Conv2d: the R-operator through a convolution, on the unfolded input the layer kept. */
public final class RopConv2d implements DirectionalDerivativeRule<Conv2d> {

  @Override
  public Class<Conv2d> layerClass() {
    return Conv2d.class;
  }

  @Override
  public Tensor directionalForward(
      Conv2d layer, Tensor inputDirection, ParameterTensors directions) {
    return Conv2dDerivatives.directionalForward(
        layer,
        inputDirection,
        directions.get(layer.weight()),
        layer.hasBias() ? directions.get(layer.bias()) : null);
  }

  @Override
  public Tensor directionalBackward(
      Conv2d layer,
      Tensor outputGradient,
      Tensor outputGradientDirection,
      Tensor inputDirection,
      ParameterTensors directions,
      ParameterTensors results,
      boolean inputGradientNeeded) {
    results.put(
        layer.weight(),
        Conv2dDerivatives.directionalWeightGradient(
            layer, outputGradient, outputGradientDirection, inputDirection));
    if (layer.hasBias()) {
      results.put(
          layer.bias(), Conv2dDerivatives.biasJacobianTransposeProduct(outputGradientDirection));
    }
    return inputGradientNeeded
        ? Conv2dDerivatives.directionalInputGradient(
            layer, outputGradient, outputGradientDirection, directions.get(layer.weight()))
        : null;
  }

  @Override
  public void parameterJacobianTransposeProduct(
      Conv2d layer, Tensor outputSpace, ParameterTensors results) {
    results.put(
        layer.weight(), Conv2dDerivatives.weightJacobianTransposeProduct(layer, outputSpace));
    if (layer.hasBias()) {
      results.put(layer.bias(), Conv2dDerivatives.biasJacobianTransposeProduct(outputSpace));
    }
  }
}
