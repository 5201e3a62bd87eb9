package org.cockpit4j.extension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.derivatives.LossDerivatives;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.tensor.Tensor;

/**
 * The entry point of the backprop extensions: one backward pass that sets every parameter's
 * ordinary gradient and computes every requested extension, handing results to a consumer layer by
 * layer.
 *
 * <pre>{@code
 * ExtendedBackward engine = ExtendedBackward.builder(model).build();
 * try (TensorScope scope = TensorScope.open()) {
 *   LossValue value = loss.forward(model.forward(inputs), targets);
 *   engine.backward(loss, ExtensionSet.parse("batch_l2, batch_dot, diag_h"), consumer);
 *   ... // parameter gradients are set; consumer got its results
 * }
 * }</pre>
 *
 * <p>Semantics: {@code loss} must hold the forward pass of {@code model} (its cached state is
 * used); results follow {@link Scaling}. An empty extension set runs the plain backward (the same
 * walk, no rules). Containers ({@code Sequential}, nested at will, and {@code Residual}) are walked
 * by the engine; every other layer is a leaf and needs a rule per requested extension (first-order
 * extensions only on leaves with parameters, curvature extensions on every leaf). Rules are
 * resolved before any computation: a missing one fails with a {@link MissingRuleException} naming
 * layer and extension, or, in lenient mode, is skipped with one warning per extension set.
 *
 * <p>Memory: per-sample results exist only while their layer is processed; the input gradient of
 * the first layer with parameters (and anything below it) is not computed.
 *
 * <p>Monte-Carlo draws: the k-th pass of this engine that computes {@code diag_ggn_mc(seed=s)}
 * draws from stream {@code CounterRandom.mix(s, k)} ({@link #monteCarloPasses()}).
 *
 * <p>Not thread-safe: use one engine per training loop.
 */
public final class ExtendedBackward {
  private final Layer model;
  private final RuleSet rules;
  private final boolean lenient;
  private final Consumer<String> warnings;
  private final Map<ExtensionSet, BackwardPlan> plans = new HashMap<>();
  private final Set<Class<?>> warnedLosses = new HashSet<>();
  private long monteCarloPasses;
  private PhaseTimings timings;

  private ExtendedBackward(Builder builder) {
    this.model = builder.model;
    this.rules = builder.rules;
    this.lenient = builder.lenient;
    this.warnings = builder.warnings;
  }

  /** A builder for an engine over {@code model}. */
  public static Builder builder(Layer model) {
    return new Builder(model);
  }

  /** A strict engine over {@code model} with the built-in rules. */
  public static ExtendedBackward of(Layer model) {
    return builder(model).build();
  }

  /** The model walked. */
  public Layer model() {
    return model;
  }

  /** The rules used. */
  public RuleSet rules() {
    return rules;
  }

  /** Whether missing rules are skipped with a warning instead of failing. */
  public boolean isLenient() {
    return lenient;
  }

  /** Number of passes so far that drew Monte-Carlo samples (the counter of the MC streams). */
  public long monteCarloPasses() {
    return monteCarloPasses;
  }

  /** Sets the Monte-Carlo pass counter, e.g. to resume a run reproducibly. */
  public void setMonteCarloPasses(long passes) {
    this.monteCarloPasses = passes;
  }

  /**
   * Times the phases of every following pass into {@code phaseTimings} ({@code "backward"} and its
   * parts {@code "backward / layers"}, {@code "backward / rule <extension>"}, {@code "backward /
   * factors <extension>"}, {@code "backward / consumer"}); null stops timing.
   */
  public void setTimings(PhaseTimings phaseTimings) {
    this.timings = phaseTimings;
  }

  /**
   * Resolves the rules for {@code extensions} now (they are otherwise resolved on first use), so
   * that a missing rule fails before training starts.
   */
  public void validate(ExtensionSet extensions) {
    plan(extensions, true);
  }

  /** The plain backward pass: sets every parameter's gradient from the loss's last forward pass. */
  public void backward(Loss loss) {
    backward(loss, ExtensionSet.none(), ExtensionConsumer.discarding());
  }

  /**
   * One backward pass: sets every parameter's ordinary gradient and delivers the results of {@code
   * extensions} to {@code consumer}, layer by layer from the last layer to the first.
   *
   * @param loss the loss, holding the forward pass of the model's last forward pass
   * @param extensions the extensions of this step (empty: plain backward)
   * @param consumer receives the results; each result is closed after its call
   */
  public void backward(Loss loss, ExtensionSet extensions, ExtensionConsumer consumer) {
    long start = timings == null ? 0 : timings.start();
    try {
      extendedBackward(loss, extensions, consumer);
    } finally {
      if (timings != null) {
        timings.stop("backward", start);
      }
    }
  }

  private void extendedBackward(Loss loss, ExtensionSet extensions, ExtensionConsumer consumer) {
    BackwardPlan plan = plan(extensions, true);
    List<CurvatureExtension> curvature = plan.active().curvature();
    LossDerivatives<Loss> lossDerivatives = null;
    if (!curvature.isEmpty()) {
      lossDerivatives = lossDerivatives(loss);
      if (lossDerivatives == null) {
        plan = plan(plan.active().without(curvature), false);
        curvature = List.of();
      }
    }
    Tensor delta = loss.backward();
    BackwardState top = null;
    BackwardState bottom = null;
    try {
      long seedStart = timings == null ? 0 : timings.start();
      top = new BackwardState(delta, seedFactors(loss, lossDerivatives, curvature));
      if (timings != null && !curvature.isEmpty()) {
        timings.stop("backward / loss factors", seedStart);
      }
      BackwardPass pass = new BackwardPass(plan, consumer, delta.dim(0), timings);
      bottom = pass.visit(model, top, false);
    } finally {
      if (top != null) {
        top.close();
      } else {
        delta.close();
      }
      if (bottom != null && bottom != top) {
        bottom.close();
      }
    }
  }

  private Map<CurvatureExtension, List<Factor>> seedFactors(
      Loss loss, LossDerivatives<Loss> derivatives, List<CurvatureExtension> curvature) {
    Map<CurvatureExtension, List<Factor>> factors = new LinkedHashMap<>();
    if (curvature.isEmpty()) {
      return factors;
    }
    Factor exact = null;
    boolean drewSamples = false;
    for (CurvatureExtension extension : curvature) {
      Factor factor;
      if (extension.monteCarloSamples() == 0) {
        if (exact == null) {
          exact = Factor.positive(derivatives.exactFactor(loss));
        }
        factor = exact;
      } else {
        long seed = CounterRandom.mix(extension.seed(), monteCarloPasses);
        factor =
            Factor.positive(derivatives.sampledFactor(loss, extension.monteCarloSamples(), seed));
        drewSamples = true;
      }
      List<Factor> list = new ArrayList<>();
      list.add(factor);
      factors.put(extension, list);
    }
    if (drewSamples) {
      monteCarloPasses++;
    }
    return factors;
  }

  private LossDerivatives<Loss> lossDerivatives(Loss loss) {
    Optional<LossDerivatives<?>> found = rules.lossDerivatives(loss.getClass());
    if (found.isPresent()) {
      @SuppressWarnings("unchecked") // found for the loss's class or a superclass
      LossDerivatives<Loss> derivatives = (LossDerivatives<Loss>) found.get();
      return derivatives;
    }
    String message =
        "No loss derivatives for loss "
            + loss.type()
            + " ("
            + loss.getClass().getName()
            + "), needed by the curvature extensions; register a LossDerivatives for it";
    if (!lenient) {
      throw new MissingRuleException(message + ".");
    }
    if (warnedLosses.add(loss.getClass())) {
      warnings.accept(message + "; skipping the curvature extensions.");
    }
    return null;
  }

  /**
   * The cached plan for {@code extensions}; a new lenient plan's warning goes out once, unless
   * {@code warn} is false (a plan derived from one that already warned).
   */
  private BackwardPlan plan(ExtensionSet extensions, boolean warn) {
    BackwardPlan plan = plans.get(extensions);
    if (plan == null) {
      plan = BackwardPlan.resolve(model, extensions, rules, lenient);
      if (warn) {
        plan.warning().ifPresent(warnings);
      }
      plans.put(extensions, plan);
    }
    return plan;
  }

  /** Configures an {@link ExtendedBackward}. */
  public static final class Builder {
    private final Layer model;
    private RuleSet rules;
    private boolean lenient;
    private Consumer<String> warnings;

    private Builder(Layer model) {
      this.model = model;
    }

    /**
     * The rules (default: {@link RuleSet#builtIn()}; pass a layer registry's rules for plugins).
     */
    public Builder rules(RuleSet rules) {
      this.rules = rules;
      return this;
    }

    /** Skip missing rules with one warning instead of failing (default: strict). */
    public Builder lenient(boolean lenient) {
      this.lenient = lenient;
      return this;
    }

    /** Where warnings go (default: the {@code System.Logger} of this class, level WARNING). */
    public Builder warnings(Consumer<String> warnings) {
      this.warnings = warnings;
      return this;
    }

    /** The engine. */
    public ExtendedBackward build() {
      if (rules == null) {
        rules = RuleSet.builtIn();
      }
      if (warnings == null) {
        System.Logger logger = System.getLogger(ExtendedBackward.class.getName());
        warnings = message -> logger.log(System.Logger.Level.WARNING, message);
      }
      return new ExtendedBackward(this);
    }
  }
}
