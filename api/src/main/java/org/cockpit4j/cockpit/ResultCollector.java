package org.cockpit4j.cockpit;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.extension.Extension;
import org.cockpit4j.extension.ExtensionConsumer;
import org.cockpit4j.extension.ExtensionSet;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.quantity.ExtensionResult;
import org.cockpit4j.tensor.Tensor;

/**
 * Receives the extension results of one backward pass, layer by layer, and moves each to the host
 * as soon as it arrives (float64), so that no device result outlives its layer.
 */
final class ResultCollector implements ExtensionConsumer {
  private final List<Parameter> parameters;
  private final Map<Parameter, Integer> indices = new IdentityHashMap<>();
  private final Map<Extension, double[][]> values = new LinkedHashMap<>();

  ResultCollector(List<Parameter> parameters, ExtensionSet extensions) {
    this.parameters = parameters;
    for (int i = 0; i < parameters.size(); i++) {
      indices.put(parameters.get(i), i);
    }
    for (Extension extension : extensions) {
      values.put(extension, new double[parameters.size()][]);
    }
  }

  @Override
  public void accept(Parameter parameter, Extension extension, Tensor result) {
    double[][] slots = values.get(extension);
    Integer index = indices.get(parameter);
    if (slots != null && index != null) {
      slots[index] = result.toDoubleArray();
    }
  }

  /** The results by extension. */
  Map<Extension, ExtensionResult> results() {
    Map<Extension, ExtensionResult> results = new LinkedHashMap<>();
    values.forEach(
        (extension, slots) ->
            results.put(extension, new ExtensionResult(extension, parameters, slots)));
    return results;
  }
}
