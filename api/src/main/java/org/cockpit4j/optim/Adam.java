package org.cockpit4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015), exactly as {@code
 * torch.optim.Adam} of PyTorch 1.13 (single-tensor path, {@code amsgrad=False}). Per parameter θ
 * with gradient g at step t = 1, 2, ... (moments m = v = 0 before the first step):
 *
 * <pre>
 * g = g + λ·θ                                 (only when weight decay λ ≠ 0: L2, not AdamW)
 * m = β1·m + (1 − β1)·g
 * v = β2·v + (1 − β2)·g·g
 * bc1 = 1 − β1^t,  bc2 = 1 − β2^t            (double precision scalars)
 * denom = sqrt(v) / sqrt(bc2) + eps           (eps is added after the bias correction)
 * θ = θ − (lr / bc1) · m / denom
 * </pre>
 *
 * i.e. {@code θ − lr·m̂/(sqrt(v̂) + eps)}, not the "epsilon hat" variant. The division by {@code
 * sqrt(bc2)} is a multiplication by its reciprocal here (the backend has no scalar division), which
 * can differ from PyTorch in the last bit; every other operation is evaluated in PyTorch's order.
 * State names follow PyTorch: {@code exp_avg} (m), {@code exp_avg_sq} (v), {@code step} (t).
 */
public final class Adam implements Optimizer {
  /** PyTorch's state name of the first moment m. */
  public static final String EXP_AVG = "exp_avg";

  /** PyTorch's state name of the second moment v. */
  public static final String EXP_AVG_SQ = "exp_avg_sq";

  private final List<Parameter> parameters;
  private final AdamOptions options;
  private final StateBuffer firstMoments;
  private final StateBuffer secondMoments;
  private double learningRate;
  private int stepCount;

  /** Adam over {@code parameters} with {@code options}. */
  public Adam(List<Parameter> parameters, AdamOptions options) {
    this.parameters = List.copyOf(parameters);
    this.options = options;
    this.learningRate = options.learningRate();
    this.firstMoments = new StateBuffer(EXP_AVG, this.parameters.size());
    this.secondMoments = new StateBuffer(EXP_AVG_SQ, this.parameters.size());
  }

  /** Adam with PyTorch's defaults and learning rate {@code learningRate}. */
  public Adam(List<Parameter> parameters, double learningRate) {
    this(parameters, AdamOptions.of(learningRate));
  }

  @Override
  public String type() {
    return "adam";
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The options given at construction (the learning rate may since have been changed). */
  public AdamOptions options() {
    return options;
  }

  @Override
  @SuppressWarnings("try") // the scopes free what the body creates; they are never referenced
  public void step() {
    for (Parameter parameter : parameters) {
      OptimizerChecks.requireGradient(parameter, type());
    }
    int t = stepCount + 1;
    double beta1 = options.beta1();
    double beta2 = options.beta2();
    double biasCorrection1 = 1 - Math.pow(beta1, t);
    double biasCorrection2 = 1 - Math.pow(beta2, t);
    double stepSize = learningRate / biasCorrection1;
    double inverseBiasCorrection2Sqrt = 1 / Math.sqrt(biasCorrection2);
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      try (TensorScope scope = TensorScope.open()) {
        Tensor theta = parameter.value();
        Tensor gradient = parameter.gradient();
        if (options.weightDecay() != 0) {
          gradient = gradient.add(theta.multiply(options.weightDecay()));
        }
        // A missing moment is zero: β·0 + x is exactly x, so the first step skips the zeros.
        Tensor m = firstMoments.get(i);
        Tensor scaledGradient = gradient.multiply(1 - beta1);
        m = m == null ? scaledGradient : m.multiply(beta1).add(scaledGradient);
        firstMoments.set(i, m);
        Tensor v = secondMoments.get(i);
        Tensor scaledSquare = gradient.multiply(1 - beta2).multiply(gradient);
        v = v == null ? scaledSquare : v.multiply(beta2).add(scaledSquare);
        secondMoments.set(i, v);
        Tensor denominator = v.sqrt().multiply(inverseBiasCorrection2Sqrt).add(options.epsilon());
        Tensor update = m.multiply(-stepSize).divide(denominator);
        parameter.setValue(TensorScope.detach(theta.add(update)));
      }
    }
    stepCount = t;
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
    values.put("betas", List.of(options.beta1(), options.beta2()));
    values.put("eps", options.epsilon());
    values.put("weight_decay", options.weightDecay());
    values.put("amsgrad", false);
    return values;
  }

  @Override
  public OptimizerState exportState() {
    Map<String, List<double[]>> buffers = new LinkedHashMap<>();
    if (!firstMoments.isEmpty()) {
      buffers.put(EXP_AVG, firstMoments.toHost());
      buffers.put(EXP_AVG_SQ, secondMoments.toHost());
    }
    return new OptimizerState(type(), stepCount, buffers);
  }

  /**
   * {@inheritDoc} After the first step both moments must be present for every parameter; a state
   * with step 0 must have none.
   */
  @Override
  public void importState(OptimizerState state) {
    OptimizerChecks.checkState(state, type(), Set.of(EXP_AVG, EXP_AVG_SQ));
    boolean hasMoments = state.has(EXP_AVG) || state.has(EXP_AVG_SQ);
    if (state.step() == 0 && hasMoments) {
      throw new IllegalArgumentException(
          "Adam state with step 0 must not have moments, but it has " + state.buffers().keySet());
    }
    if (state.step() > 0) {
      for (String name : List.of(EXP_AVG, EXP_AVG_SQ)) {
        List<double[]> arrays = state.buffer(name);
        for (int i = 0; i < arrays.size(); i++) {
          if (arrays.get(i) == null) {
            throw new IllegalArgumentException(
                "Adam state at step "
                    + state.step()
                    + " lacks '"
                    + name
                    + "' for parameter "
                    + (i < parameters.size() ? parameters.get(i).name() : "#" + i));
          }
        }
      }
      firstMoments.load(state.buffer(EXP_AVG), parameters);
      secondMoments.load(state.buffer(EXP_AVG_SQ), parameters);
    } else {
      firstMoments.clear();
      secondMoments.clear();
    }
    stepCount = state.step();
  }

  @Override
  public void close() {
    firstMoments.clear();
    secondMoments.clear();
  }

  @Override
  public String toString() {
    return "Adam" + hyperparameters();
  }
}
