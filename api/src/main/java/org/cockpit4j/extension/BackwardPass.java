package org.cockpit4j.extension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.Residual;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * One extended backward pass: walks the model from the last layer to the first, running each leaf's
 * ordinary backward, then its rules, then moving the curvature factors to its input, and delivering
 * the leaf's results to the consumer before going on.
 *
 * <p>Lifetime: each leaf works inside its own {@link TensorScope}; what flows on (δ, factors) and
 * the results are kept out of it, the rest is freed with it. No scope of the engine is open while
 * the consumer runs. A container closes the states it created once the next layer has used them,
 * never the state it was given.
 */
final class BackwardPass {
  private final BackwardPlan plan;
  private final ExtensionConsumer consumer;
  private final int batchSize;
  private final PhaseTimings timings;

  BackwardPass(BackwardPlan plan, ExtensionConsumer consumer, int batchSize, PhaseTimings timings) {
    this.plan = plan;
    this.consumer = consumer;
    this.batchSize = batchSize;
    this.timings = timings;
  }

  private long start() {
    return timings == null ? 0 : timings.start();
  }

  private void stop(String phase, long start) {
    if (timings != null) {
      timings.stop(phase, start);
    }
  }

  /**
   * Backpropagates {@code out} (at the layer's output) through {@code layer}; returns the state at
   * its input, which is empty unless {@code inputSideNeeded}.
   */
  BackwardState visit(Layer layer, BackwardState out, boolean inputSideNeeded) {
    if (layer instanceof Sequential sequential) {
      return sequential(sequential, out, inputSideNeeded);
    }
    if (layer instanceof Residual residual) {
      return residual(residual, out, inputSideNeeded);
    }
    return leaf(layer, out, inputSideNeeded);
  }

  private BackwardState sequential(
      Sequential sequential, BackwardState out, boolean inputSideNeeded) {
    BackwardState current = out;
    for (int i = sequential.size() - 1; i >= 0; i--) {
      boolean needed = inputSideNeeded || hasParametersBefore(sequential, i);
      BackwardState next = visit(sequential.layer(i), current, needed);
      if (current != out) {
        current.close();
      }
      current = next;
      if (!needed) {
        return BackwardState.empty();
      }
    }
    return current == out ? out.views() : current;
  }

  private static boolean hasParametersBefore(Sequential sequential, int index) {
    for (int j = 0; j < index; j++) {
      if (!sequential.layer(j).parameters().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private BackwardState residual(Residual residual, BackwardState out, boolean inputSideNeeded) {
    BackwardState branch = visit(residual.inner(), out, inputSideNeeded);
    if (!inputSideNeeded) {
      branch.close();
      return BackwardState.empty();
    }
    Tensor delta;
    Map<CurvatureExtension, List<Factor>> factors = new LinkedHashMap<>();
    List<Tensor> usedBranchStacks = new ArrayList<>();
    try (TensorScope scope = TensorScope.open()) {
      delta = scope.keep(out.delta().add(branch.delta()));
      Map<Factor, Factor> summed = new IdentityHashMap<>();
      for (Map.Entry<CurvatureExtension, List<Factor>> entry : out.factors().entrySet()) {
        List<Factor> above = entry.getValue();
        List<Factor> below = branch.factors(entry.getKey());
        List<Factor> list = new ArrayList<>();
        for (int i = 0; i < below.size(); i++) {
          Factor fromBranch = below.get(i);
          if (i < above.size()) {
            Factor skip = above.get(i);
            list.add(
                summed.computeIfAbsent(
                    fromBranch,
                    f -> new Factor(scope.keep(skip.stack().add(f.stack())), f.sign())));
            usedBranchStacks.add(fromBranch.stack());
          } else {
            list.add(fromBranch); // a residual factor created inside the branch
          }
        }
        factors.put(entry.getKey(), list);
      }
    }
    branch.delta().close();
    for (Tensor stack : usedBranchStacks) {
      stack.close();
    }
    return new BackwardState(delta, factors);
  }

  private BackwardState leaf(Layer layer, BackwardState out, boolean inputSideNeeded) {
    List<LayerStepImpl.Emission> emissions = new ArrayList<>();
    BackwardState in;
    try (TensorScope scope = TensorScope.open()) {
      long start = start();
      Tensor deltaIn = layer.backward(out.delta(), inputSideNeeded);
      stop("backward / layers", start);
      for (Parameter parameter : layer.parameters()) {
        if (parameter.gradient() != null) {
          scope.keep(parameter.gradient());
        }
      }
      Map<Object, Tensor> memo = new HashMap<>();
      Map<CurvatureExtension, List<Factor>> added = new LinkedHashMap<>();
      for (BackwardPlan.Application application : plan.applications(layer)) {
        Extension extension = application.extension();
        LayerStepImpl step =
            new LayerStepImpl(
                extension, batchSize, out.delta(), out.factors(extension), memo, emissions);
        long ruleStart = start();
        application.rule().apply(layer, step);
        stop("backward / rule " + extension.name(), ruleStart);
        if (!step.inputFactors().isEmpty()) {
          added
              .computeIfAbsent((CurvatureExtension) extension, key -> new ArrayList<>())
              .addAll(step.inputFactors());
        }
      }
      Map<CurvatureExtension, List<Factor>> factorsIn = Map.of();
      if (inputSideNeeded) {
        if (deltaIn == null) {
          throw new IllegalStateException(
              "layer " + layer.type() + " returned no input gradient although one was needed");
        }
        scope.keep(deltaIn);
        factorsIn = propagate(layer, out, added, scope, timings);
      }
      List<LayerStepImpl.Emission> kept = new ArrayList<>();
      for (LayerStepImpl.Emission emission : emissions) {
        Tensor view = emission.result().reshape(emission.result().shape());
        kept.add(
            new LayerStepImpl.Emission(
                emission.parameter(), emission.extension(), scope.keep(view)));
      }
      emissions = kept;
      in = inputSideNeeded ? new BackwardState(deltaIn, factorsIn) : BackwardState.empty();
    }
    long deliverStart = start();
    deliver(emissions);
    stop("backward / consumer", deliverStart);
    return in;
  }

  private static Map<CurvatureExtension, List<Factor>> propagate(
      Layer layer,
      BackwardState out,
      Map<CurvatureExtension, List<Factor>> added,
      TensorScope scope,
      PhaseTimings timings) {
    Map<Factor, Factor> moved = new IdentityHashMap<>();
    Map<CurvatureExtension, List<Factor>> result = new LinkedHashMap<>();
    for (Map.Entry<CurvatureExtension, List<Factor>> entry : out.factors().entrySet()) {
      long start = timings == null ? 0 : timings.start();
      List<Factor> list = new ArrayList<>();
      for (Factor factor : entry.getValue()) {
        list.add(
            moved.computeIfAbsent(
                factor,
                f ->
                    new Factor(
                        scope.keep(layer.inputJacobianTransposeProduct(f.stack())), f.sign())));
      }
      for (Factor factor : added.getOrDefault(entry.getKey(), List.of())) {
        scope.keep(factor.stack());
        list.add(factor);
      }
      result.put(entry.getKey(), list);
      if (timings != null) {
        timings.stop("backward / factors " + entry.getKey().name(), start);
      }
    }
    return result;
  }

  private void deliver(List<LayerStepImpl.Emission> emissions) {
    RuntimeException failure = null;
    for (LayerStepImpl.Emission emission : emissions) {
      try {
        if (failure == null) {
          consumer.accept(emission.parameter(), emission.extension(), emission.result());
        }
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        emission.result().close();
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
