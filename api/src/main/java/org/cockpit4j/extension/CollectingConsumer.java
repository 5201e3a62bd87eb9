package org.cockpit4j.extension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Tensor;

/**
 * A consumer that keeps a copy of every result, for tests, reference checks and small models. It
 * holds everything it is given ({@code batch_grad} of a large model is {@code N} times the model),
 * so production quantities should consume results on the fly instead.
 *
 * <p>The copies belong to the {@link org.cockpit4j.tensor.TensorScope} open around the backward
 * pass, if any (read them before it closes); otherwise to this collector, which frees them in
 * {@link #clear()} and {@link #close()}. A result delivered twice for one (parameter, extension)
 * replaces the earlier one.
 */
public final class CollectingConsumer implements ExtensionConsumer, AutoCloseable {
  private final Map<Extension, Map<Parameter, Tensor>> results = new LinkedHashMap<>();

  @Override
  public void accept(Parameter parameter, Extension extension, Tensor result) {
    Tensor previous =
        results
            .computeIfAbsent(extension, key -> new LinkedHashMap<>())
            .put(parameter, result.copy());
    if (previous != null) {
      previous.close();
    }
  }

  /** The extensions that delivered at least one result, in order of first delivery. */
  public List<Extension> extensions() {
    return List.copyOf(results.keySet());
  }

  /** Whether a result for ({@code parameter}, {@code extension}) arrived. */
  public boolean has(Extension extension, Parameter parameter) {
    Map<Parameter, Tensor> byParameter = results.get(extension);
    return byParameter != null && byParameter.containsKey(parameter);
  }

  /** The result for ({@code parameter}, {@code extension}); fails naming what did arrive. */
  public Tensor get(Extension extension, Parameter parameter) {
    Map<Parameter, Tensor> byParameter = results.get(extension);
    Tensor result = byParameter == null ? null : byParameter.get(parameter);
    if (result == null) {
      throw new IllegalArgumentException(
          "No "
              + extension
              + " result for parameter "
              + parameter.name()
              + "; results arrived for "
              + describe());
    }
    return result;
  }

  /** The results of {@code extension} for {@code parameters}, in that order. */
  public List<Tensor> get(Extension extension, List<Parameter> parameters) {
    List<Tensor> ordered = new ArrayList<>();
    for (Parameter parameter : parameters) {
      ordered.add(get(extension, parameter));
    }
    return ordered;
  }

  /**
   * The sum over {@code parameters} of equally shaped results, e.g. the whole-network Gram matrix
   * from {@code batch_dot} or the squared norms from {@code batch_l2}; a new tensor.
   */
  public Tensor sumOverParameters(Extension extension, List<Parameter> parameters) {
    Tensor sum = null;
    for (Parameter parameter : parameters) {
      Tensor term = get(extension, parameter);
      Tensor next = sum == null ? term.copy() : sum.add(term);
      if (sum != null) {
        sum.close();
      }
      sum = next;
    }
    if (sum == null) {
      throw new IllegalArgumentException("sumOverParameters needs at least one parameter");
    }
    return sum;
  }

  /** Frees every kept result and forgets it. */
  public void clear() {
    for (Map<Parameter, Tensor> byParameter : results.values()) {
      for (Tensor tensor : byParameter.values()) {
        tensor.close();
      }
    }
    results.clear();
  }

  @Override
  public void close() {
    clear();
  }

  private String describe() {
    StringBuilder text = new StringBuilder("{");
    for (Map.Entry<Extension, Map<Parameter, Tensor>> entry : results.entrySet()) {
      if (text.length() > 1) {
        text.append("; ");
      }
      text.append(entry.getKey()).append(": ");
      List<String> names = new ArrayList<>();
      for (Parameter parameter : entry.getValue().keySet()) {
        names.add(parameter.name());
      }
      text.append(names);
    }
    return text.append('}').toString();
  }
}
