package org.cockpit4j.conformance;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.data.Batch;
import org.cockpit4j.model.LayerRegistry;
import org.cockpit4j.model.LayerSpec;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.MseLoss;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.optim.Adam;
import org.cockpit4j.optim.AdamOptions;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.optim.SgdOptions;
import org.cockpit4j.reference.OptimizerSpec;
import org.cockpit4j.reference.ReferenceCase;
import org.cockpit4j.reference.ReferenceStep;
import org.cockpit4j.reference.TensorData;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * Everything a reference case needs to be replayed on a backend: the model built from its layer
 * specs (through the {@link LayerRegistry}, so plugin layers work too) with the case's initial
 * parameters, its loss, its optimizer, and the batch of each step. Build it outside any open {@link
 * org.cockpit4j.tensor.TensorScope}.
 */
public final class ReferenceSetup {
  private final ReferenceCase referenceCase;
  private final Backend backend;
  private final DType dtype;
  private final Sequential model;
  private final Loss loss;

  private ReferenceSetup(
      ReferenceCase referenceCase, Backend backend, DType dtype, Sequential model) {
    this.referenceCase = referenceCase;
    this.backend = backend;
    this.dtype = dtype;
    this.model = model;
    this.loss = loss(referenceCase);
  }

  /** Builds the case's model with its initial parameters, in {@code dtype}. */
  public static ReferenceSetup create(
      ReferenceCase referenceCase, Backend backend, DType dtype, LayerRegistry registry) {
    if (!backend.supports(dtype)) {
      throw new IllegalArgumentException(
          "Backend " + backend.name() + " does not support " + dtype + "; use --dtype float32");
    }
    List<LayerSpec> specs = new ArrayList<>();
    referenceCase.model().layers().forEach(layer -> specs.add(LayerSpec.fromReference(layer)));
    Sequential model =
        registry.buildSequential(specs, new Initializer(backend, dtype, referenceCase.seed()));
    Shape output = model.outputShape(referenceCase.model().inputShape());
    if (output.rank() != 1 || output.dim(0) != referenceCase.model().outputDim()) {
      throw new IllegalArgumentException(
          "Case "
              + referenceCase.name()
              + ": the layers produce outputs of shape "
              + output
              + " but model.output_dim is "
              + referenceCase.model().outputDim());
    }
    ReferenceSetup setup = new ReferenceSetup(referenceCase, backend, dtype, model);
    setup.resetParameters();
    return setup;
  }

  /** Sets the model's parameters back to the case's {@code initial_params}. */
  public void resetParameters() {
    List<double[]> initial = new ArrayList<>();
    referenceCase.initialParams().forEach(tensor -> initial.add(tensor.data()));
    model.setParameterValues(initial);
  }

  private static Loss loss(ReferenceCase referenceCase) {
    String type = referenceCase.loss().type();
    return switch (type) {
      case "cross_entropy" -> new CrossEntropyLoss();
      case "mse" -> new MseLoss();
      default ->
          throw new IllegalArgumentException(
              "Case "
                  + referenceCase.name()
                  + ": unknown loss.type '"
                  + type
                  + "'; known: cross_entropy, mse");
    };
  }

  /** A fresh optimizer of the case's type over the model's parameters. */
  public Optimizer optimizer() {
    List<Parameter> parameters = model.parameters();
    OptimizerSpec spec = referenceCase.optimizer();
    if (spec instanceof OptimizerSpec.Sgd sgd) {
      return new Sgd(
          parameters,
          new SgdOptions(
              sgd.lr(), sgd.momentum(), sgd.dampening(), sgd.weightDecay(), sgd.nesterov()));
    }
    OptimizerSpec.Adam adam = (OptimizerSpec.Adam) spec;
    if (adam.amsgrad() || adam.maximize()) {
      throw new IllegalArgumentException(
          "Case "
              + referenceCase.name()
              + ": Adam with amsgrad or maximize is not supported; set both to false");
    }
    return new Adam(
        parameters,
        AdamOptions.of(adam.lr())
            .withBetas(adam.beta1(), adam.beta2())
            .withEpsilon(adam.eps())
            .withWeightDecay(adam.weightDecay()));
  }

  /** The batch of step {@code k}: inputs and class indices or regression targets. */
  public Batch batch(int k) {
    ReferenceStep step = referenceCase.step(k);
    Tensor inputs = step.inputs().toTensor(backend, dtype);
    Tensor targets;
    if (step.labels() != null) {
      int[] labels = step.labels();
      double[] values = new double[labels.length];
      for (int i = 0; i < labels.length; i++) {
        values[i] = labels[i];
      }
      targets = backend.fromArray(values, Shape.of(values.length), dtype);
    } else {
      targets = step.targets().toTensor(backend, dtype);
    }
    return new Batch(inputs, targets);
  }

  /** The case. */
  public ReferenceCase referenceCase() {
    return referenceCase;
  }

  /** The backend everything lives on. */
  public Backend backend() {
    return backend;
  }

  /** The dtype of parameters and batches. */
  public DType dtype() {
    return dtype;
  }

  /** The model, holding the case's initial parameters until an optimizer steps. */
  public Sequential model() {
    return model;
  }

  /** The case's loss. */
  public Loss loss() {
    return loss;
  }

  /** The model's current parameter values, per parameter. */
  public List<TensorData> parameterValues() {
    List<TensorData> values = new ArrayList<>();
    model.parameters().forEach(parameter -> values.add(TensorData.of(parameter.value())));
    return values;
  }
}
