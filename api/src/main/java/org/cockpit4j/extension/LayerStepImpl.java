package org.cockpit4j.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Tensor;

/** The engine's {@link LayerStep}: one per (layer, extension), sharing the layer's memo. */
final class LayerStepImpl implements LayerStep {
  /** A result waiting for delivery. */
  record Emission(Parameter parameter, Extension extension, Tensor result) {}

  private final Extension extension;
  private final int batchSize;
  private final Tensor outputGradient;
  private final List<Factor> outputFactors;
  private final Map<Object, Tensor> memo;
  private final List<Emission> emissions;
  private final List<Factor> inputFactors = new ArrayList<>();

  LayerStepImpl(
      Extension extension,
      int batchSize,
      Tensor outputGradient,
      List<Factor> outputFactors,
      Map<Object, Tensor> memo,
      List<Emission> emissions) {
    this.extension = extension;
    this.batchSize = batchSize;
    this.outputGradient = outputGradient;
    this.outputFactors = outputFactors;
    this.memo = memo;
    this.emissions = emissions;
  }

  @Override
  public Extension extension() {
    return extension;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public Tensor outputGradient() {
    return outputGradient;
  }

  @Override
  public List<Factor> outputFactors() {
    return outputFactors;
  }

  @Override
  public void addInputFactor(Factor factor) {
    if (!extension.isCurvature()) {
      throw new IllegalStateException(
          "first-order extension " + extension + " cannot add curvature factors");
    }
    inputFactors.add(factor);
  }

  /** The factors the rule added in the input space. */
  List<Factor> inputFactors() {
    return inputFactors;
  }

  @Override
  public void emit(Parameter parameter, Tensor result) {
    emissions.add(new Emission(parameter, extension, result));
  }

  @Override
  public Tensor shared(Object key, Supplier<Tensor> computation) {
    Tensor value = memo.get(key);
    if (value == null) {
      value = computation.get();
      memo.put(key, value);
    }
    return value;
  }
}
