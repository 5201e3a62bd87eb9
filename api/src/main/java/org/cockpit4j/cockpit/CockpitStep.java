package org.cockpit4j.cockpit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cockpit4j.extension.Extension;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.quantity.ExtensionResult;
import org.cockpit4j.quantity.GradientTransform;
import org.cockpit4j.quantity.HessianOperator;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;
import org.cockpit4j.tensor.Tensor;

/** The {@link TrackedStep} of one tracked step: results of the pass, host copies made lazily. */
final class CockpitStep implements TrackedStep {
  private final StepInfo info;
  private final Map<Extension, ExtensionResult> results;
  private final TransformDispatch dispatch;
  private final Supplier<HessianOperator> hessianFactory;
  private final Consumer<String> warnings;
  private HessianOperator hessian;
  private double[] gradient;
  private double[] squaredNorms;
  private List<double[]> parameterValues;

  CockpitStep(
      StepInfo info,
      Map<Extension, ExtensionResult> results,
      TransformDispatch dispatch,
      Supplier<HessianOperator> hessianFactory,
      Consumer<String> warnings) {
    this.info = info;
    this.results = results;
    this.dispatch = dispatch;
    this.hessianFactory = hessianFactory;
    this.warnings = warnings;
  }

  @Override
  public StepInfo info() {
    return info;
  }

  @Override
  public ExtensionResult result(Extension extension) {
    ExtensionResult result = results.get(extension);
    if (result == null) {
      throw new IllegalStateException(
          "The extension "
              + extension
              + " did not run at step "
              + info.step()
              + "; ask for it in the quantity's Needs (ran: "
              + results.keySet()
              + ")");
    }
    return result;
  }

  @Override
  public <R> List<R> transformResults(GradientTransform<R> transform) {
    return dispatch.results(transform);
  }

  @Override
  public HessianOperator hessian() {
    if (hessianFactory == null) {
      throw new IllegalStateException(
          "Hessian-vector products were not requested at step "
              + info.step()
              + "; ask for them with Needs.builder().hessianProducts()");
    }
    if (hessian == null) {
      hessian = hessianFactory.get();
    }
    return hessian;
  }

  @Override
  public double[] gradient() {
    if (gradient == null) {
      List<double[]> parts = new ArrayList<>();
      int total = 0;
      for (Parameter parameter : info.parameters()) {
        double[] part = requireGradient(parameter).toDoubleArray();
        parts.add(part);
        total += part.length;
      }
      gradient = new double[total];
      int offset = 0;
      for (double[] part : parts) {
        System.arraycopy(part, 0, gradient, offset, part.length);
        offset += part.length;
      }
    }
    return gradient;
  }

  @Override
  public double[] gradientSquaredNorms() {
    if (squaredNorms == null) {
      List<Parameter> parameters = info.parameters();
      squaredNorms = new double[parameters.size()];
      for (int i = 0; i < squaredNorms.length; i++) {
        try (Tensor squares = requireGradient(parameters.get(i)).sumOfSquares()) {
          squaredNorms[i] = squares.item();
        }
      }
    }
    return squaredNorms;
  }

  @Override
  public List<double[]> parameterValues() {
    if (parameterValues == null) {
      List<double[]> values = new ArrayList<>();
      for (Parameter parameter : info.parameters()) {
        values.add(parameter.value().toDoubleArray());
      }
      parameterValues = List.copyOf(values);
    }
    return parameterValues;
  }

  /** Frees the Hessian operator's cached state, if one was made. */
  void close() {
    if (hessian instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void warn(String message) {
    warnings.accept(message);
  }

  private Tensor requireGradient(Parameter parameter) {
    Tensor gradient = parameter.gradient();
    if (gradient == null) {
      throw new IllegalStateException(
          "Parameter " + parameter.name() + " has no gradient after the backward pass");
    }
    return gradient;
  }
}
