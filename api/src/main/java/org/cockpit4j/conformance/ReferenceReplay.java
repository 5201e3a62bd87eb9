package org.cockpit4j.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.data.Batch;
import org.cockpit4j.extension.CollectingConsumer;
import org.cockpit4j.extension.CurvatureProducts;
import org.cockpit4j.extension.ExtendedBackward;
import org.cockpit4j.extension.Extension;
import org.cockpit4j.extension.ExtensionSet;
import org.cockpit4j.extension.Extensions;
import org.cockpit4j.model.LayerRegistry;
import org.cockpit4j.nn.LossValue;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.optim.OptimizerState;
import org.cockpit4j.reference.HessianFacts;
import org.cockpit4j.reference.TensorData;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Replays a reference case: at every step θ_k, one forward pass, one backward pass with every
 * BackPACK extension the files record, the exact Hessian assembled from Hessian-vector products,
 * then the case's optimizer step. Records everything in a {@link ReplayedCase}.
 */
public final class ReferenceReplay {
  /**
   * The BackPACK keys of FORMAT.md §6.1, with the extension computing each ({@code grad}: none).
   */
  static final Map<String, Extension> BACKPACK_EXTENSIONS = backpackExtensions();

  private ReferenceReplay() {}

  private static Map<String, Extension> backpackExtensions() {
    Map<String, Extension> map = new LinkedHashMap<>();
    map.put("batch_grad", Extensions.BATCH_GRAD);
    map.put("batch_l2", Extensions.BATCH_L2);
    map.put("sum_grad_squared", Extensions.SUM_GRAD_SQUARED);
    map.put("variance", Extensions.VARIANCE);
    map.put("diag_ggn_exact", Extensions.DIAG_GGN_EXACT);
    map.put("diag_h", Extensions.DIAG_HESSIAN);
    return map;
  }

  /** Replays every step of the setup's case. */
  public static ReplayedCase run(ReferenceSetup setup, LayerRegistry registry) {
    List<Extension> requested = new ArrayList<>(BACKPACK_EXTENSIONS.values());
    requested.add(Extensions.BATCH_DOT);
    ExtensionSet extensions = ExtensionSet.of(requested);
    ExtendedBackward engine =
        ExtendedBackward.builder(setup.model()).rules(registry.rules()).build();
    CurvatureProducts curvature = new CurvatureProducts(setup.model(), registry.rules());
    List<ReplayedStep> steps = new ArrayList<>();
    try (Optimizer optimizer = setup.optimizer()) {
      for (int k = 0; k < setup.referenceCase().numSteps(); k++) {
        steps.add(step(setup, engine, curvature, extensions, optimizer, k));
      }
    }
    List<String> names = setup.model().parameterNames();
    return new ReplayedCase(setup.referenceCase().name(), names, steps, setup.parameterValues());
  }

  private static ReplayedStep step(
      ReferenceSetup setup,
      ExtendedBackward engine,
      CurvatureProducts curvature,
      ExtensionSet extensions,
      Optimizer optimizer,
      int k) {
    List<Parameter> parameters = setup.model().parameters();
    try (TensorScope scope = TensorScope.open();
        CollectingConsumer results = new CollectingConsumer()) {
      List<TensorData> params = setup.parameterValues();
      Batch batch = setup.batch(k);
      Tensor outputs = setup.model().forward(batch.inputs());
      LossValue value = setup.loss().forward(outputs, batch.targets());
      engine.backward(setup.loss(), extensions, results);

      Map<String, List<TensorData>> backpack = new LinkedHashMap<>();
      backpack.put("grad", values(parameters.stream().map(Parameter::gradient).toList()));
      BACKPACK_EXTENSIONS.forEach(
          (key, extension) -> backpack.put(key, values(results.get(extension, parameters))));
      TensorData batchDot =
          TensorData.of(results.sumOverParameters(Extensions.BATCH_DOT, parameters));
      TensorData batchL2Total =
          TensorData.of(results.sumOverParameters(Extensions.BATCH_L2, parameters));
      HessianFacts hessian =
          ExactHessian.facts(curvature, setup.loss(), parameters, setup.backend(), setup.dtype());

      optimizer.step();
      OptimizerState state = optimizer.exportState();
      Map<String, List<TensorData>> buffers = new LinkedHashMap<>();
      state
          .buffers()
          .forEach(
              (name, arrays) -> {
                List<TensorData> tensors = new ArrayList<>();
                for (int i = 0; i < arrays.size(); i++) {
                  tensors.add(new TensorData(parameters.get(i).shape(), arrays.get(i)));
                }
                buffers.put(name, tensors);
              });
      for (Parameter parameter : parameters) {
        parameter.setGradient(null);
      }
      return new ReplayedStep(
          k,
          params,
          value.value(),
          TensorData.of(value.individualLosses()),
          TensorData.of(outputs),
          backpack,
          batchDot,
          batchL2Total,
          hessian,
          buffers,
          state.step());
    }
  }

  private static List<TensorData> values(List<Tensor> tensors) {
    List<TensorData> values = new ArrayList<>();
    tensors.forEach(tensor -> values.add(TensorData.of(tensor)));
    return values;
  }
}
