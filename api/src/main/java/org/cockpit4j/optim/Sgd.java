package org.cockpit4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight
 * decay, exactly as {@code torch.optim.SGD} of PyTorch 1.13 (single-tensor path). Per parameter θ
 * with gradient g, learning rate lr, momentum μ, dampening τ, weight decay λ:
 *
 * <pre>
 * d = g + λ·θ                         (only when λ ≠ 0)
 * b = d                               (first step, μ ≠ 0: the buffer starts as d itself)
 * b = μ·b + (1 − τ)·d                 (later steps, μ ≠ 0)
 * d = Nesterov ? d + μ·b : b          (μ ≠ 0)
 * θ = θ − lr·d
 * </pre>
 *
 * Every line is one or two elementwise backend operations in the parameter's dtype; multiplications
 * by exactly 1 are skipped, as PyTorch's {@code add(alpha=1)} is exact too.
 */
public final class Sgd implements Optimizer {
  /** PyTorch's state name of the momentum buffer. */
  public static final String MOMENTUM_BUFFER = "momentum_buffer";

  private final List<Parameter> parameters;
  private final SgdOptions options;
  private final StateBuffer momentumBuffers;
  private double learningRate;
  private int stepCount;

  /** SGD over {@code parameters} with {@code options}. */
  public Sgd(List<Parameter> parameters, SgdOptions options) {
    this.parameters = List.copyOf(parameters);
    this.options = options;
    this.learningRate = options.learningRate();
    this.momentumBuffers = new StateBuffer(MOMENTUM_BUFFER, this.parameters.size());
  }

  /** Plain SGD (no momentum, no weight decay) with learning rate {@code learningRate}. */
  public Sgd(List<Parameter> parameters, double learningRate) {
    this(parameters, SgdOptions.of(learningRate));
  }

  @Override
  public String type() {
    return "sgd";
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The options given at construction (the learning rate may since have been changed). */
  public SgdOptions options() {
    return options;
  }

  /**
   * Whether this is zero-momentum SGD with PyTorch's default keyword arguments (momentum, dampening
   * and weight decay 0 within {@code numpy.isclose}'s 1e-8, no Nesterov): Cockpit's {@code
   * is_sgd_default_kwargs}, which decides whether CABS, EarlyStopping and Alpha's gradient path
   * apply.
   */
  public boolean isPlain() {
    return Math.abs(options.momentum()) <= 1e-8
        && Math.abs(options.dampening()) <= 1e-8
        && Math.abs(options.weightDecay()) <= 1e-8
        && !options.nesterov();
  }

  @Override
  @SuppressWarnings("try") // the scopes free what the body creates; they are never referenced
  public void step() {
    double momentum = options.momentum();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      Tensor gradient = OptimizerChecks.requireGradient(parameter, type());
      try (TensorScope scope = TensorScope.open()) {
        Tensor theta = parameter.value();
        Tensor direction = gradient;
        if (options.weightDecay() != 0) {
          direction = direction.add(theta.multiply(options.weightDecay()));
        }
        if (momentum != 0) {
          Tensor previous = momentumBuffers.get(i);
          Tensor buffer;
          if (previous == null) {
            // torch.clone(d_p): a view sharing the (immutable) buffer is as good and copies
            // nothing.
            buffer = direction.reshape(direction.shape());
          } else {
            buffer = previous.multiply(momentum).add(scaled(direction, 1 - options.dampening()));
          }
          momentumBuffers.set(i, buffer);
          direction = options.nesterov() ? direction.add(buffer.multiply(momentum)) : buffer;
        }
        parameter.setValue(TensorScope.detach(theta.subtract(direction.multiply(learningRate))));
      }
    }
    stepCount++;
  }

  private static Tensor scaled(Tensor tensor, double factor) {
    return factor == 1.0 ? tensor : tensor.multiply(factor);
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  @Override
  public void setLearningRate(double learningRate) {
    this.learningRate = OptimizerChecks.atLeast("learning rate", learningRate, 0.0);
  }

  @Override
  public int stepCount() {
    return stepCount;
  }

  @Override
  public Map<String, Object> hyperparameters() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("lr", learningRate);
    values.put("momentum", options.momentum());
    values.put("dampening", options.dampening());
    values.put("weight_decay", options.weightDecay());
    values.put("nesterov", options.nesterov());
    return values;
  }

  @Override
  public OptimizerState exportState() {
    Map<String, List<double[]>> buffers = new LinkedHashMap<>();
    if (!momentumBuffers.isEmpty()) {
      buffers.put(MOMENTUM_BUFFER, momentumBuffers.toHost());
    }
    return new OptimizerState(type(), stepCount, buffers);
  }

  @Override
  public void importState(OptimizerState state) {
    OptimizerChecks.checkState(state, type(), Set.of(MOMENTUM_BUFFER));
    if (state.has(MOMENTUM_BUFFER)) {
      momentumBuffers.load(state.buffer(MOMENTUM_BUFFER), parameters);
    } else {
      momentumBuffers.clear();
    }
    stepCount = state.step();
  }

  @Override
  public void close() {
    momentumBuffers.clear();
  }

  @Override
  public String toString() {
    return "Sgd" + hyperparameters();
  }
}
