package org.cockpit4j.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.cockpit4j.checkpoint.Checkpointable;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.data.Batch;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.LossValue;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.optim.LearningRateSchedule;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * The training loop. Each step k (the global step, counted over the trainer's lifetime) runs inside
 * its own {@link TensorScope}:
 *
 * <ol>
 *   <li>if a schedule is set, the optimizer's learning rate becomes {@code
 *       schedule.learningRate(k)} (the schedule is applied before each optimizer step);
 *   <li>the batch source supplies batch k;
 *   <li>forward pass, loss (mean and individual losses), backward pass through the {@link
 *       BackwardStrategy} (plain by default: every parameter's gradient is set, no gradient with
 *       respect to the inputs is computed; a Cockpit's strategy adds its extensions at tracked
 *       steps);
 *   <li>{@link StepHook#afterBackward} of every hook, in the order added;
 *   <li>the optimizer step (θ_k → θ_{k+1});
 *   <li>{@link StepHook#afterStep} of every hook;
 *   <li>the gradients are dropped and the scope closes, freeing every temporary of the step
 *       (activations, gradients, the batch if the source created it in this step);
 *   <li>each {@link TrainingListener} receives the step's {@link StepMetrics}.
 * </ol>
 *
 * Parameter values and optimizer state survive the scope: the optimizer detaches them. Usage:
 *
 * <pre>{@code
 * Trainer trainer = new Trainer(model, new CrossEntropyLoss(), new Sgd(model.parameters(), 0.1))
 *     .withSchedule(new CosineAnnealingSchedule(0.1, 1000, 0.0))
 *     .addHook(cockpit)
 *     .addListener(metrics -> System.out.println(metrics));
 * TrainingSummary summary = trainer.run(batches, 1000);
 * }</pre>
 *
 * Not thread-safe; one trainer trains on one thread (tensor scopes are per thread).
 *
 * <p>Checkpoints ({@link Checkpointable}): the trainer's state is everything it drives — the global
 * step, the parameter values (exact bits), the layers' own state (dropout's draws), the optimizer,
 * and the schedule, backward strategy (the Cockpit) and hooks where they are {@link
 * Checkpointable}. The batch source is not the trainer's (it is handed to {@link #run}): save a
 * {@link org.cockpit4j.data.BatchIterator} next to the trainer. Save between steps (e.g. from a
 * {@link TrainingListener}); restore into a trainer built the same way, before its first step.
 */
public final class Trainer implements Checkpointable {
  private final Layer model;
  private final Loss loss;
  private final Optimizer optimizer;
  private final List<Parameter> parameters;
  private final List<StepHook> hooks = new ArrayList<>();
  private final List<TrainingListener> listeners = new ArrayList<>();
  private LearningRateSchedule schedule;
  private BackwardStrategy backwardStrategy = BackwardStrategy.plain();
  private int globalStep;

  /** A trainer of {@code model} for {@code loss} with {@code optimizer}, starting at step 0. */
  public Trainer(Layer model, Loss loss, Optimizer optimizer) {
    this.model = model;
    this.loss = loss;
    this.optimizer = optimizer;
    this.parameters = List.copyOf(model.parameters());
  }

  /** Sets the learning-rate schedule (null: keep the optimizer's rate). Returns this trainer. */
  public Trainer withSchedule(LearningRateSchedule schedule) {
    this.schedule = schedule;
    return this;
  }

  /**
   * Sets how each step computes its gradients (default: {@link BackwardStrategy#plain()}); the
   * Cockpit installs its own so that tracked steps run the extensions they need. Returns this
   * trainer.
   */
  public Trainer withBackwardStrategy(BackwardStrategy strategy) {
    if (strategy == null) {
      throw new IllegalArgumentException(
          "The backward strategy must not be null; use BackwardStrategy.plain() for the default");
    }
    this.backwardStrategy = strategy;
    return this;
  }

  /** The backward strategy in use. */
  public BackwardStrategy backwardStrategy() {
    return backwardStrategy;
  }

  /** Adds a hook, called after the hooks added before it. Returns this trainer. */
  public Trainer addHook(StepHook hook) {
    hooks.add(hook);
    return this;
  }

  /** Adds a metrics listener. Returns this trainer. */
  public Trainer addListener(TrainingListener listener) {
    listeners.add(listener);
    return this;
  }

  /** The global step the next training step will have. */
  public int globalStep() {
    return globalStep;
  }

  /** Sets the next global step, e.g. when resuming from a checkpoint taken after step k − 1. */
  public void setGlobalStep(int step) {
    if (step < 0) {
      throw new IllegalArgumentException("The global step must be >= 0, got " + step);
    }
    this.globalStep = step;
  }

  public Layer model() {
    return model;
  }

  public Loss loss() {
    return loss;
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  /** The model's parameters in PyTorch order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /**
   * Writes the global step, the parameters (name, shape, dtype, values), the model's layer states,
   * the optimizer, and the schedule, backward strategy and hooks that are {@link Checkpointable}.
   */
  @Override
  public void saveState(StateWriter state) {
    state.putInt("global_step", globalStep);
    state.emptyList("parameters");
    for (Parameter parameter : parameters) {
      StateWriter entry = state.addElement("parameters");
      entry.putString("name", parameter.name());
      entry.putTensor("value", parameter.value());
    }
    state.putState("model", model);
    state.putState("optimizer", optimizer);
    if (schedule instanceof Checkpointable stateful) {
      state.putState("schedule", stateful);
    }
    if (backwardStrategy instanceof Checkpointable stateful) {
      state.putState("backward", stateful);
    }
    state.emptyList("hooks");
    for (StepHook hook : hooks) {
      StateWriter entry = state.addElement("hooks");
      entry.putString("kind", hook.getClass().getName());
      if (hook instanceof Checkpointable stateful) {
        entry.putState("state", stateful);
      }
    }
  }

  /**
   * Restores what {@link #saveState} wrote; fails naming the first mismatch (parameter names,
   * shapes or dtypes, the optimizer type, a missing Cockpit) before changing anything it cannot
   * restore.
   */
  @Override
  public void restoreState(StateReader state) {
    int step = state.getInt("global_step");
    if (step < 0) {
      throw state.error("negative global step " + step);
    }
    List<StateReader> saved = state.list("parameters");
    if (saved.size() != parameters.size()) {
      throw state.error(
          "the saved model has "
              + saved.size()
              + " parameters, this one "
              + parameters.size()
              + " "
              + names());
    }
    List<Tensor> values = new ArrayList<>();
    try {
      for (int i = 0; i < parameters.size(); i++) {
        Parameter parameter = parameters.get(i);
        StateReader entry = saved.get(i);
        String name = entry.getString("name");
        Tensor value = entry.getTensor("value", parameter.value().backend());
        values.add(value);
        if (!parameter.name().equals(name)
            || !value.shape().equals(parameter.shape())
            || value.dtype() != parameter.value().dtype()) {
          throw state.error(
              "parameter "
                  + i
                  + " is "
                  + name
                  + " "
                  + value.shape()
                  + " "
                  + value.dtype()
                  + " in the checkpoint but "
                  + parameter.name()
                  + " "
                  + parameter.shape()
                  + " "
                  + parameter.value().dtype()
                  + " in this model");
        }
      }
    } catch (RuntimeException e) {
      values.forEach(Tensor::close);
      throw e;
    }
    for (int i = 0; i < parameters.size(); i++) {
      parameters.get(i).setValue(values.get(i));
      parameters.get(i).setGradient(null);
    }
    state.restoreState("model", model);
    state.restoreState("optimizer", optimizer);
    if (schedule instanceof Checkpointable stateful) {
      state.restoreState("schedule", stateful);
    }
    if (backwardStrategy instanceof Checkpointable stateful) {
      if (!state.has("backward")) {
        throw state.error(
            "the checkpoint has no state for the backward strategy "
                + backwardStrategy.getClass().getSimpleName()
                + " (was the Cockpit attached when it was saved?)");
      }
      state.restoreState("backward", stateful);
    }
    List<StateReader> savedHooks = state.list("hooks");
    if (savedHooks.size() != hooks.size()) {
      throw state.error(
          "the checkpoint has " + savedHooks.size() + " hooks, this trainer " + hooks.size());
    }
    for (int i = 0; i < hooks.size(); i++) {
      if (hooks.get(i) instanceof Checkpointable stateful) {
        savedHooks.get(i).restoreState("state", stateful);
      }
    }
    globalStep = step;
  }

  private List<String> names() {
    List<String> names = new ArrayList<>();
    for (Parameter parameter : parameters) {
      names.add(parameter.name());
    }
    return names;
  }

  /** Runs up to {@code steps} steps with batches from {@code batches}. */
  public TrainingSummary run(Iterator<Batch> batches, int steps) {
    return run(BatchSource.of(batches), steps);
  }

  /**
   * Runs up to {@code steps} training steps, stopping early when the source returns null.
   * Exceptions from the model, hooks or listeners propagate; the step's temporaries are freed
   * either way.
   */
  public TrainingSummary run(BatchSource source, int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("The number of steps must be >= 0, got " + steps);
    }
    int stepsRun = 0;
    double lastLoss = Double.NaN;
    double totalMilliseconds = 0;
    for (int i = 0; i < steps; i++) {
      StepMetrics metrics = step(source);
      if (metrics == null) {
        break;
      }
      stepsRun++;
      lastLoss = metrics.loss();
      totalMilliseconds += metrics.stepMilliseconds();
    }
    return new TrainingSummary(stepsRun, lastLoss, totalMilliseconds);
  }

  /**
   * Runs one training step with the source's batch for the current global step; returns its
   * metrics, or null (and does nothing) when the source is exhausted.
   */
  @SuppressWarnings("try") // the scope frees what the body creates; it is never referenced
  public StepMetrics step(BatchSource source) {
    long start = System.nanoTime();
    long hookNanos = 0;
    int step = globalStep;
    double learningRate;
    double lossNumber;
    int batchSize;
    try (TensorScope scope = TensorScope.open()) {
      Batch batch = source.next(step);
      if (batch == null) {
        return null;
      }
      if (schedule != null) {
        optimizer.setLearningRate(schedule.learningRate(step));
      }
      learningRate = optimizer.learningRate();
      batchSize = batch.size();

      Tensor outputs = model.forward(batch.inputs());
      LossValue lossValue = loss.forward(outputs, batch.targets());
      StepContext context =
          new StepContext(step, batch, lossValue, model, loss, parameters, optimizer, learningRate);
      backwardStrategy.backward(context);

      long hooksStart = System.nanoTime();
      for (StepHook hook : hooks) {
        hook.afterBackward(context);
      }
      hookNanos += System.nanoTime() - hooksStart;

      optimizer.step();

      hooksStart = System.nanoTime();
      for (StepHook hook : hooks) {
        hook.afterStep(context);
      }
      hookNanos += System.nanoTime() - hooksStart;

      lossNumber = lossValue.value();
      for (Parameter parameter : parameters) {
        parameter.setGradient(null);
      }
    }
    globalStep = step + 1;
    StepMetrics metrics =
        new StepMetrics(
            step,
            lossNumber,
            learningRate,
            batchSize,
            (System.nanoTime() - start) / 1e6,
            hookNanos / 1e6);
    for (TrainingListener listener : listeners) {
      listener.onStep(metrics);
    }
    return metrics;
  }
}
