package org.cockpit4j.cockpit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.cockpit4j.checkpoint.Checkpointable;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.extension.CurvatureProducts;
import org.cockpit4j.extension.ExtendedBackward;
import org.cockpit4j.extension.Extension;
import org.cockpit4j.extension.ExtensionSet;
import org.cockpit4j.extension.PhaseTimings;
import org.cockpit4j.extension.RuleSet;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.CockpitLogReader;
import org.cockpit4j.log.JsonLinesLog;
import org.cockpit4j.log.LogSink;
import org.cockpit4j.log.OriginalLogFormat;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.LossValue;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.quantity.ExtensionResult;
import org.cockpit4j.quantity.HessianOperator;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Quantities;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityOutput;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.UnsupportedSettingException;
import org.cockpit4j.train.BackwardStrategy;
import org.cockpit4j.train.StepContext;
import org.cockpit4j.train.Trainer;

/**
 * The orchestrator: at every global step it asks its quantities what they need, merges their needs
 * into one backward pass with the backprop extensions (the plain pass at untracked steps), hands
 * the layer-by-layer results to the quantities, lets them compute after the pass and before the
 * optimizer step, and stores and streams their values.
 *
 * <p>With the {@link Trainer} ({@link #attachTo}):
 *
 * <pre>{@code
 * Cockpit cockpit = Cockpit.builder(model).configuration("economy", Schedules.linear(10))
 *     .jsonLinesLog(Path.of("runs/cockpit.jsonl")).build();
 * cockpit.attachTo(trainer);
 * trainer.run(batches, 1000);
 * cockpit.writeOriginalLog(Path.of("runs/cockpit.json"));
 * }</pre>
 *
 * Around any training loop (the original's {@code with cockpit(step, info): loss.backward()}):
 *
 * <pre>{@code
 * LossValue value = loss.forward(model.forward(inputs), targets);
 * cockpit.backward(step, loss, value, optimizer); // sets the gradients, tracks the quantities
 * optimizer.step();
 * }</pre>
 *
 * <p>Steps must increase by one (two-step quantities look up the previous step) and include step 0
 * if Distance is tracked. A quantity that cannot run in the setting (CABS with Adam, a layer
 * without a rule) is reported once through the warnings and left out; {@linkplain
 * Builder#strict(boolean) strict} mode throws instead. Not thread-safe.
 *
 * <p>Checkpoints ({@link Checkpointable}): the state is every quantity's state (in order, checked
 * by name), which quantities are still tracked and why the others were refused, the warnings
 * already shown, the Monte-Carlo draw counter and the values stored so far ({@link #output()};
 * optional, see {@link Builder#checkpointStoredValues}). Restoring does not replay the stored
 * values into the sinks: a resumed run appends to logs that already hold them ({@link
 * org.cockpit4j.log.JsonLinesLog#append}).
 */
public final class Cockpit implements BackwardStrategy, AutoCloseable, Checkpointable {
  private final Layer model;
  private final List<Parameter> parameters;
  private final List<Quantity> quantities;
  private final List<Quantity> active;
  private final Map<String, String> refused = new LinkedHashMap<>();
  private final boolean strict;
  private final boolean checkpointStoredValues;
  private final RuleSet rules;
  private final ExtendedBackward engine;
  private final CurvatureProducts products;
  private final TransformDispatch dispatch;
  private final PerSampleTransforms transformExtension;
  private CockpitLog output = new CockpitLog();
  private final List<LogSink> sinks;
  private final Consumer<String> warningSink;
  private final Set<String> warned = new HashSet<>();
  private final FeasibilityCheck feasibility;
  private String optimizerName;
  private PhaseTimings timings;
  private String currentPhase = "cockpit";

  private Cockpit(Builder builder) {
    this.model = builder.model;
    this.parameters =
        List.copyOf(builder.parameters == null ? model.parameters() : builder.parameters);
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("The model has no parameters for the Cockpit to track");
    }
    this.quantities = List.copyOf(builder.quantities);
    this.active = new ArrayList<>(quantities);
    this.strict = builder.strict;
    this.checkpointStoredValues = builder.checkpointStoredValues;
    this.warningSink = builder.warnings == null ? defaultWarnings() : builder.warnings;
    this.rules = withTransformRules(builder.rules == null ? RuleSet.builtIn() : builder.rules);
    this.engine = ExtendedBackward.builder(model).rules(rules).warnings(this::warn).build();
    this.products = new CurvatureProducts(model, rules);
    this.dispatch = new TransformDispatch(parameters);
    this.transformExtension = new PerSampleTransforms(dispatch);
    this.feasibility = new FeasibilityCheck(rules, engine, products, transformExtension);
    this.sinks = new ArrayList<>(builder.sinks);
    for (Quantity quantity : quantities) {
      quantity.setWarnings(this::warn);
    }
    if (builder.jsonLinesLog != null) {
      sinks.add(JsonLinesLog.create(builder.jsonLinesLog, metadata()));
    }
    setTimings(builder.timings);
  }

  /**
   * Times every following step's phases into {@code phaseTimings} (null: stop): the engine's {@code
   * "backward"} and its parts ({@link ExtendedBackward#setTimings}), each transform inside the
   * per-sample rule ({@code "backward / rule cockpit_per_sample / transform <Quantity>"}), the
   * quantities' needs ({@code "cockpit needs"}), each quantity's computation ({@code "quantity
   * <Name>"}) with its Hessian-vector products ({@code "quantity <Name> / hessian products"}) and
   * the sinks ({@code "cockpit sinks"}). Untracked steps record their plain {@code "backward"}.
   */
  public void setTimings(PhaseTimings phaseTimings) {
    this.timings = phaseTimings;
    engine.setTimings(phaseTimings);
    dispatch.setTimings(phaseTimings);
  }

  /** A builder for a Cockpit over {@code model}'s parameters. */
  public static Builder builder(Layer model) {
    return new Builder(model);
  }

  /**
   * A Cockpit with every quantity of a configuration ({@code economy}, {@code business}, {@code
   * full}) on {@code schedule}, default hyper-parameters (the quantities come from the {@link
   * org.cockpit4j.quantity.QuantityProvider}s on the class path).
   */
  public static Cockpit configuration(Layer model, String label, Schedule schedule) {
    return builder(model).configuration(label, schedule).build();
  }

  private static RuleSet withTransformRules(RuleSet base) {
    RuleSet set = base.copy();
    if (set.find(PerSampleTransforms.NAME, org.cockpit4j.nn.Linear.class).isEmpty()) {
      set.register(new PerSampleTransformsLinear(), Cockpit.class.getName());
    }
    if (set.find(PerSampleTransforms.NAME, org.cockpit4j.nn.Conv2d.class).isEmpty()) {
      set.register(new PerSampleTransformsConv2d(), Cockpit.class.getName());
    }
    return set;
  }

  private static Consumer<String> defaultWarnings() {
    System.Logger logger = System.getLogger(Cockpit.class.getName());
    return message -> logger.log(System.Logger.Level.WARNING, message);
  }

  // ---- use ------------------------------------------------------------------------------------

  /** Installs this Cockpit as {@code trainer}'s backward strategy; returns this Cockpit. */
  public Cockpit attachTo(Trainer trainer) {
    trainer.withBackwardStrategy(this);
    return this;
  }

  /** Whether any quantity still tracked does something at {@code step}. */
  public boolean isTracked(int step) {
    for (Quantity quantity : active) {
      if (quantity.shouldCompute(step)) {
        return true;
      }
    }
    return false;
  }

  /** The backward pass of a {@link Trainer} step: extended and tracked, or plain. */
  @Override
  public void backward(StepContext context) {
    backward(
        context.globalStep(),
        context.loss(),
        context.lossValue(),
        context.batch().size(),
        context.optimizer());
  }

  /**
   * The backward pass of step {@code step} for a loss holding this step's forward pass: sets every
   * parameter's gradient and, at tracked steps, computes the quantities (before the optimizer step,
   * which the caller takes afterwards).
   *
   * @param optimizer the optimizer about to take the step, or null (then CABS and EarlyStopping
   *     refuse, and Alpha uses the parameter difference)
   */
  public void backward(int step, Loss loss, LossValue value, Optimizer optimizer) {
    backward(step, loss, value, value.individualLosses().size(), optimizer);
  }

  /** As {@link #backward(int, Loss, LossValue, Optimizer)} with an explicit batch size. */
  public void backward(int step, Loss loss, LossValue value, int batchSize, Optimizer optimizer) {
    if (!isTracked(step)) {
      long start = start();
      model.backward(loss.backward(), false);
      stop("backward", start);
      return;
    }
    StepInfo info =
        new StepInfo(
            step,
            value.value(),
            value.individualLosses().toDoubleArray(),
            batchSize,
            optimizer,
            parameters);
    if (optimizer != null && optimizerName == null) {
      optimizerName = optimizer.type();
    }
    track(info, loss);
  }

  private void track(StepInfo info, Loss loss) {
    int step = info.step();
    long needsStart = start();
    Map<Quantity, Needs> due = new LinkedHashMap<>();
    for (Quantity quantity : List.copyOf(active)) {
      if (!quantity.shouldCompute(step)) {
        continue;
      }
      try {
        Needs needs = quantity.needs(info);
        feasibility.check(quantity, needs, loss);
        due.put(quantity, needs);
      } catch (UnsupportedSettingException e) {
        refuse(quantity, e);
      } catch (RuntimeException e) {
        disable(quantity, step, e);
      }
    }
    MergedNeeds merged = MergedNeeds.of(due, transformExtension);
    ExtensionSet set = merged.extensions();
    stop("cockpit needs", needsStart);
    dispatch.begin(merged.transforms(), merged.transformOwners());
    try {
      ResultCollector collector = new ResultCollector(parameters, set);
      if (set.isEmpty()) {
        long start = start();
        model.backward(loss.backward(), false);
        stop("backward", start);
      } else {
        engine.backward(loss, set, collector);
      }
      Map<Extension, ExtensionResult> results = collector.results();
      merged.completeResults(results, parameters);
      CockpitStep tracked =
          new CockpitStep(
              info,
              results,
              dispatch,
              merged.hessianProducts() ? () -> hessianOperator(loss) : null,
              this::warn);
      Map<Integer, Map<String, Object>> stored = new TreeMap<>();
      try {
        trackAll(due, tracked, stored);
      } finally {
        tracked.close();
      }
      long sinkStart = start();
      stored.forEach((storeStep, values) -> sinks.forEach(sink -> sink.write(storeStep, values)));
      stop("cockpit sinks", sinkStart);
    } finally {
      dispatch.end();
    }
  }

  private void trackAll(
      Map<Quantity, Needs> due, CockpitStep tracked, Map<Integer, Map<String, Object>> stored) {
    for (boolean hessianPhase : new boolean[] {false, true}) {
      for (Map.Entry<Quantity, Needs> entry : due.entrySet()) {
        if (entry.getValue().hessianProducts() != hessianPhase) {
          continue;
        }
        Quantity quantity = entry.getKey();
        long start = start();
        currentPhase = "quantity " + quantity.name();
        try {
          QuantityOutput result = quantity.track(tracked);
          if (result != null) {
            store(result.step(), quantity.name(), result.value(), stored);
            result.extras().forEach((key, extra) -> store(result.step(), key, extra, stored));
          }
        } catch (UnsupportedSettingException e) {
          refuse(quantity, e);
        } catch (RuntimeException e) {
          disable(quantity, tracked.step(), e);
        } finally {
          stop(currentPhase, start);
          currentPhase = "cockpit";
        }
      }
    }
  }

  private HessianOperator hessianOperator(Loss loss) {
    long start = start();
    HessianProducts operator =
        new HessianProducts(
            products, loss, model.parameters(), parameters, timings, () -> currentPhase);
    stop(currentPhase + " / hessian point", start);
    return operator;
  }

  private long start() {
    return timings == null ? 0 : timings.start();
  }

  private void stop(String phase, long start) {
    if (timings != null) {
      timings.stop(phase, start);
    }
  }

  private void store(int step, String key, Object value, Map<Integer, Map<String, Object>> stored) {
    output.put(step, key, value);
    stored.computeIfAbsent(step, unused -> new TreeMap<>()).put(key, value);
  }

  private void refuse(Quantity quantity, UnsupportedSettingException reason) {
    if (strict) {
      throw reason;
    }
    active.remove(quantity);
    refused.putIfAbsent(quantity.name(), reason.getMessage());
    warn(quantity.name() + " is not tracked: " + reason.getMessage());
  }

  /**
   * A quantity that threw while computing (a plugin's bug, a numerical corner) is no longer tracked
   * and listed among the refused ones; the run goes on. In strict mode the error propagates.
   */
  private void disable(Quantity quantity, int step, RuntimeException error) {
    if (strict) {
      throw error;
    }
    active.remove(quantity);
    String reason = "failed at step " + step + " and is disabled: " + error;
    refused.putIfAbsent(quantity.name(), reason);
    warn(quantity.name() + " " + reason);
  }

  private void warn(String message) {
    if (warned.add(message)) {
      warningSink.accept("[cockpit] " + message);
    }
  }

  /**
   * Stores an extra value under ({@code step}, {@code key}) and passes it to the sinks, like the
   * original's {@code Cockpit.log} (e.g. {@code learning_rate}, {@code train_accuracy}).
   */
  public void record(int step, String key, Object value) {
    output.put(step, key, value);
    Map<String, Object> values = Map.of(key, value);
    sinks.forEach(sink -> sink.write(step, values));
  }

  // ---- results --------------------------------------------------------------------------------

  /** Everything stored so far: {@code {step: {QuantityName: value}}} (the original's output). */
  public CockpitLog output() {
    return output;
  }

  /** The quantities given at construction, in order. */
  public List<Quantity> quantities() {
    return quantities;
  }

  /** The quantities still tracked (those not refused). */
  public List<Quantity> activeQuantities() {
    return Collections.unmodifiableList(active);
  }

  /**
   * Refused quantities by name, with the reason (the reference cases' {@code refused_quantities}).
   */
  public Map<String, String> refusedQuantities() {
    return Collections.unmodifiableMap(refused);
  }

  /** The tracked parameters. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The rule set the engine uses (the given or built-in rules plus the Cockpit's own). */
  public RuleSet rules() {
    return rules;
  }

  /** The optimizer type seen at the first tracked step ({@code sgd}, {@code adam}), or null. */
  public String optimizerName() {
    return optimizerName;
  }

  // ---- checkpoints ----------------------------------------------------------------------------

  /** Writes the quantities' states, the tracking status, the counters and the stored values. */
  @Override
  public void saveState(StateWriter state) {
    state.emptyList("quantities");
    for (Quantity quantity : quantities) {
      StateWriter entry = state.addElement("quantities");
      entry.putString("name", quantity.name());
      entry.putState("state", quantity);
    }
    int[] tracked = new int[active.size()];
    for (int i = 0; i < tracked.length; i++) {
      tracked[i] = indexOf(active.get(i));
    }
    state.putInts("active", tracked);
    state.emptyList("refused");
    refused.forEach(
        (name, reason) ->
            state.addElement("refused").putString("name", name).putString("reason", reason));
    state.putStrings("warned", List.copyOf(warned));
    state.putString("optimizer_name", optimizerName);
    state.putLong("monte_carlo_passes", engine.monteCarloPasses());
    if (checkpointStoredValues) {
      state.putString("log", OriginalLogFormat.toCompactJson(output));
    }
  }

  private int indexOf(Quantity quantity) {
    for (int i = 0; i < quantities.size(); i++) {
      if (quantities.get(i) == quantity) {
        return i;
      }
    }
    throw new IllegalStateException("Tracked quantity " + quantity + " is not in the Cockpit");
  }

  /**
   * Restores what {@link #saveState} wrote into a Cockpit built with the same quantities (same
   * names, same order); fails naming the difference otherwise.
   */
  @Override
  public void restoreState(StateReader state) {
    List<StateReader> saved = state.list("quantities");
    List<String> savedNames = new ArrayList<>();
    for (StateReader entry : saved) {
      savedNames.add(entry.getString("name"));
    }
    List<String> names = new ArrayList<>();
    quantities.forEach(quantity -> names.add(quantity.name()));
    if (!savedNames.equals(names)) {
      throw state.error(
          "the checkpoint's Cockpit tracked " + savedNames + ", this one tracks " + names);
    }
    for (int i = 0; i < quantities.size(); i++) {
      saved.get(i).restoreState("state", quantities.get(i));
    }
    active.clear();
    for (int index : state.getInts("active")) {
      if (index < 0 || index >= quantities.size()) {
        throw state.error("tracked quantity index " + index + " of " + quantities.size());
      }
      active.add(quantities.get(index));
    }
    refused.clear();
    for (StateReader entry : state.list("refused")) {
      refused.put(entry.getString("name"), entry.getString("reason"));
    }
    warned.clear();
    warned.addAll(state.getStrings("warned"));
    optimizerName = state.getString("optimizer_name");
    engine.setMonteCarloPasses(state.getLong("monte_carlo_passes"));
    if (!state.has("log")) {
      output = new CockpitLog();
      return; // the stored values come back through restoreOutput
    }
    try {
      output = CockpitLogReader.parseOriginal(state.getString("log"));
    } catch (IllegalArgumentException e) {
      throw state.error("the stored values do not parse: " + e.getMessage());
    }
  }

  /**
   * Replaces the stored values ({@link #output()}) with {@code log}: for a Cockpit built with
   * {@link Builder#checkpointStoredValues(boolean) checkpointStoredValues(false)}, whose values
   * come back on resume from the JSON Lines log it streamed to, cut back to the checkpoint. The
   * sinks are not written to.
   */
  public void restoreOutput(CockpitLog log) {
    output = log;
  }

  /** Writes {@link #output()} in the original's JSON layout to {@code file}. */
  public void writeOriginalLog(Path file) {
    OriginalLogFormat.write(output, file);
  }

  private Map<String, Object> metadata() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    List<Object> described = new ArrayList<>();
    for (Quantity quantity : quantities) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", quantity.name());
      entry.put("schedule", quantity.schedule().toString());
      Map<String, Object> options = new LinkedHashMap<>();
      quantity.options().forEach((key, value) -> options.put(key, String.valueOf(value)));
      entry.put("options", options);
      described.add(entry);
    }
    metadata.put("quantities", described);
    List<Object> names = new ArrayList<>();
    for (Parameter parameter : parameters) {
      names.add(parameter.name());
    }
    metadata.put("parameters", names);
    return metadata;
  }

  /** Closes the sinks and frees the quantities' cached state. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (Quantity quantity : quantities) {
      try {
        quantity.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    for (LogSink sink : sinks) {
      try {
        sink.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "Cockpit" + active;
  }

  /** Configures a {@link Cockpit}. */
  public static final class Builder {
    private final Layer model;
    private final List<Quantity> quantities = new ArrayList<>();
    private final List<LogSink> sinks = new ArrayList<>();
    private List<Parameter> parameters;
    private RuleSet rules;
    private boolean strict;
    private Consumer<String> warnings;
    private Path jsonLinesLog;
    private boolean checkpointStoredValues = true;
    private PhaseTimings timings;

    private Builder(Layer model) {
      this.model = model;
    }

    /** Adds quantities, tracked in this order. */
    public Builder quantities(Quantity... added) {
      return quantities(List.of(added));
    }

    /** Adds quantities, tracked in this order. */
    public Builder quantities(List<? extends Quantity> added) {
      for (Quantity quantity : added) {
        if (quantity == null) {
          throw new IllegalArgumentException("A Cockpit quantity must not be null");
        }
        if (quantities.contains(quantity)) {
          throw new IllegalArgumentException(
              "Quantity " + quantity + " was added twice; create a second instance instead");
        }
        quantities.add(quantity);
      }
      return this;
    }

    /** Adds the quantities of a configuration ({@code economy}, {@code business}, {@code full}). */
    public Builder configuration(String label, Schedule schedule) {
      return quantities(Quantities.configuration(label, schedule));
    }

    /** Adds quantity {@code name} from the providers on the class path. */
    public Builder quantity(String name, Schedule schedule, Map<String, Object> options) {
      return quantities(Quantities.create(name, schedule, options));
    }

    /** Tracks these parameters instead of all of the model's (they must be the model's). */
    public Builder parameters(List<Parameter> tracked) {
      this.parameters = List.copyOf(tracked);
      return this;
    }

    /** The extension rules (default: the built-in ones; pass a layer registry's for plugins). */
    public Builder rules(RuleSet ruleSet) {
      this.rules = ruleSet;
      return this;
    }

    /** Fail instead of leaving out a quantity that cannot run (default: lenient). */
    public Builder strict(boolean strictMode) {
      this.strict = strictMode;
      return this;
    }

    /** Where warnings go (default: the System.Logger of this class, level WARNING). */
    public Builder warnings(Consumer<String> sink) {
      this.warnings = sink;
      return this;
    }

    /** Adds a sink that receives the values of every tracked step. */
    public Builder sink(LogSink sink) {
      sinks.add(sink);
      return this;
    }

    /**
     * Whether checkpoints hold the values stored so far (default true). A run that streams them to
     * a JSON Lines log it cuts back on resume passes false (the checkpoint then stays the size of
     * the quantities' states, however long the log) and hands the cut log to {@link
     * Cockpit#restoreOutput} after restoring.
     */
    public Builder checkpointStoredValues(boolean store) {
      this.checkpointStoredValues = store;
      return this;
    }

    /** Streams the values to a JSON Lines file ({@link JsonLinesLog}), flushed per step. */
    public Builder jsonLinesLog(Path file) {
      this.jsonLinesLog = file;
      return this;
    }

    /** Times each step's phases into {@code phaseTimings} ({@link Cockpit#setTimings}). */
    public Builder timings(PhaseTimings phaseTimings) {
      this.timings = phaseTimings;
      return this;
    }

    /** The Cockpit. */
    public Cockpit build() {
      return new Cockpit(this);
    }
  }
}
