package org.cockpit4j.examples.experiment.wiring;

import java.util.List;
import org.cockpit4j.examples.experiment.config.ConfigException;
import org.cockpit4j.examples.experiment.config.LearningRateScheduleConfig;
import org.cockpit4j.examples.experiment.config.OptimizerConfig;
import org.cockpit4j.examples.experiment.config.SourceMap;
import org.cockpit4j.examples.experiment.config.Suggestions;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.optim.Adam;
import org.cockpit4j.optim.AdamOptions;
import org.cockpit4j.optim.CosineAnnealingSchedule;
import org.cockpit4j.optim.CosineWarmRestartsSchedule;
import org.cockpit4j.optim.LearningRateSchedule;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.optim.SgdOptions;
import org.cockpit4j.optim.StepSchedule;

/**
 * Builds the optimizer and its learning-rate schedule from {@code optimizer}, checking every value
 * first (a zero or negative learning rate, Adam's betas on SGD, ...) with {@link ConfigException}s
 * that name the key and the fix.
 */
public final class OptimizerFactory {
  private static final String POINTER = "/optimizer";

  private OptimizerFactory() {}

  /** Checks the optimizer section without building anything. */
  public static void check(OptimizerConfig config, SourceMap sources) {
    if (config == null) {
      throw ConfigException.atKey(
          sources,
          POINTER,
          "the experiment has no optimizer",
          "add e.g. `optimizer: {type: sgd, lr: 0.01}`");
    }
    if (config.type() == null) {
      throw ConfigException.at(
          sources, POINTER, "the optimizer needs a type", "write type: sgd or type: adam");
    }
    if (!OptimizerConfig.TYPES.contains(config.type())) {
      throw ConfigException.at(
          sources,
          POINTER + "/type",
          Suggestions.unknown("optimizer", config.type(), OptimizerConfig.TYPES),
          "");
    }
    if (config.lr() == null) {
      throw ConfigException.at(
          sources, POINTER, "the optimizer needs a learning rate", "add lr: 0.01 (for example)");
    }
    if (!(config.lr() > 0) || Double.isInfinite(config.lr())) {
      throw ConfigException.at(
          sources,
          POINTER + "/lr",
          "the learning rate must be positive and finite, got " + config.lr(),
          "use e.g. lr: 0.01");
    }
    nonNegative(config.weightDecay(), "weight_decay", sources);
    if (config.type().equals("sgd")) {
      onlyFor("adam", config.betas(), "betas", sources);
      onlyFor("adam", config.eps(), "eps", sources);
      nonNegative(config.momentum(), "momentum", sources);
      if (config.dampening() != null && !Double.isFinite(config.dampening())) {
        throw ConfigException.at(
            sources, POINTER + "/dampening", "dampening must be finite", "use e.g. dampening: 0");
      }
      if (Boolean.TRUE.equals(config.nesterov())
          && (config.momentum() == null
              || config.momentum() <= 0
              || (config.dampening() != null && config.dampening() != 0))) {
        throw ConfigException.at(
            sources,
            POINTER + "/nesterov",
            "Nesterov momentum needs a momentum > 0 and zero dampening",
            "set momentum: 0.9 and dampening: 0, or nesterov: false");
      }
    } else {
      onlyFor("sgd", config.momentum(), "momentum", sources);
      onlyFor("sgd", config.dampening(), "dampening", sources);
      onlyFor("sgd", config.nesterov(), "nesterov", sources);
      List<Double> betas = config.betas();
      if (betas != null
          && (betas.size() != 2
              || betas.stream().anyMatch(beta -> beta == null || !(beta >= 0 && beta < 1)))) {
        throw ConfigException.at(
            sources,
            POINTER + "/betas",
            "betas must be two numbers in [0, 1), got " + betas,
            "use e.g. betas: [0.9, 0.999]");
      }
      if (config.eps() != null && !(config.eps() > 0)) {
        throw ConfigException.at(
            sources, POINTER + "/eps", "eps must be positive, got " + config.eps(), "eps: 1.0e-8");
      }
    }
    checkSchedule(config.schedule(), sources);
  }

  private static void nonNegative(Double value, String key, SourceMap sources) {
    if (value != null && !(value >= 0 && Double.isFinite(value))) {
      throw ConfigException.at(
          sources,
          POINTER + "/" + key,
          key + " must be a finite number >= 0, got " + value,
          "use " + key + ": 0 to switch it off");
    }
  }

  private static void onlyFor(String type, Object value, String key, SourceMap sources) {
    if (value != null) {
      throw ConfigException.atKey(
          sources,
          POINTER + "/" + key,
          key + " is an option of " + type + ", not of this optimizer",
          "remove it, or use type: " + type);
    }
  }

  private static void checkSchedule(LearningRateScheduleConfig schedule, SourceMap sources) {
    String pointer = POINTER + "/schedule";
    if (!LearningRateScheduleConfig.TYPES.contains(schedule.type())) {
      throw ConfigException.at(
          sources,
          pointer + "/type",
          Suggestions.unknown(
              "learning-rate schedule", schedule.type(), LearningRateScheduleConfig.TYPES),
          "");
    }
    switch (schedule.type()) {
      case "constant" -> {
        unused(schedule.tMax(), "t_max", schedule, sources);
        unused(schedule.t0(), "t_0", schedule, sources);
        unused(schedule.tMult(), "t_mult", schedule, sources);
        unused(schedule.etaMin(), "eta_min", schedule, sources);
        unused(schedule.stepSize(), "step_size", schedule, sources);
        unused(schedule.gamma(), "gamma", schedule, sources);
      }
      case "cosine" -> {
        positive(schedule.tMax(), "t_max", "t_max: 1000", sources, true);
        unused(schedule.t0(), "t_0", schedule, sources);
        unused(schedule.tMult(), "t_mult", schedule, sources);
        unused(schedule.stepSize(), "step_size", schedule, sources);
        unused(schedule.gamma(), "gamma", schedule, sources);
        etaMin(schedule, sources);
      }
      case "cosine_warm_restarts" -> {
        positive(schedule.t0(), "t_0", "t_0: 100", sources, true);
        positive(schedule.tMult(), "t_mult", "t_mult: 2", sources, false);
        unused(schedule.tMax(), "t_max", schedule, sources);
        unused(schedule.stepSize(), "step_size", schedule, sources);
        unused(schedule.gamma(), "gamma", schedule, sources);
        etaMin(schedule, sources);
      }
      default -> {
        positive(schedule.stepSize(), "step_size", "step_size: 100", sources, true);
        if (schedule.gamma() != null && !(schedule.gamma() > 0)) {
          throw ConfigException.at(
              sources,
              pointer + "/gamma",
              "gamma must be positive, got " + schedule.gamma(),
              "gamma: 0.1");
        }
        unused(schedule.tMax(), "t_max", schedule, sources);
        unused(schedule.t0(), "t_0", schedule, sources);
        unused(schedule.tMult(), "t_mult", schedule, sources);
        unused(schedule.etaMin(), "eta_min", schedule, sources);
      }
    }
  }

  private static void etaMin(LearningRateScheduleConfig schedule, SourceMap sources) {
    if (schedule.etaMin() != null && !(schedule.etaMin() >= 0)) {
      throw ConfigException.at(
          sources,
          POINTER + "/schedule/eta_min",
          "eta_min must be >= 0, got " + schedule.etaMin(),
          "eta_min: 0");
    }
  }

  private static void positive(
      Integer value, String key, String example, SourceMap sources, boolean required) {
    String pointer = POINTER + "/schedule/" + key;
    if (value == null) {
      if (required) {
        throw ConfigException.at(
            sources, POINTER + "/schedule", "this schedule needs " + key, "add " + example);
      }
      return;
    }
    if (value < 1) {
      throw ConfigException.at(
          sources, pointer, key + " must be at least 1, got " + value, example);
    }
  }

  private static void unused(
      Object value, String key, LearningRateScheduleConfig schedule, SourceMap sources) {
    if (value != null) {
      throw ConfigException.atKey(
          sources,
          POINTER + "/schedule/" + key,
          key + " is not an option of the " + schedule.type() + " schedule",
          "remove it");
    }
  }

  /** The optimizer over {@code parameters} (call after {@link #check}). */
  public static Optimizer create(OptimizerConfig config, List<Parameter> parameters) {
    if (config.type().equals("adam")) {
      AdamOptions options = AdamOptions.of(config.lr());
      if (config.betas() != null) {
        options = options.withBetas(config.betas().get(0), config.betas().get(1));
      }
      if (config.eps() != null) {
        options = options.withEpsilon(config.eps());
      }
      if (config.weightDecay() != null) {
        options = options.withWeightDecay(config.weightDecay());
      }
      return new Adam(parameters, options);
    }
    SgdOptions options =
        new SgdOptions(
            config.lr(),
            orZero(config.momentum()),
            orZero(config.dampening()),
            orZero(config.weightDecay()),
            Boolean.TRUE.equals(config.nesterov()));
    return new Sgd(parameters, options);
  }

  /** The learning-rate schedule, or null for a constant rate (call after {@link #check}). */
  public static LearningRateSchedule schedule(OptimizerConfig config) {
    LearningRateScheduleConfig schedule = config.schedule();
    double base = config.lr();
    double etaMin = orZero(schedule.etaMin());
    return switch (schedule.type()) {
      case "cosine" -> new CosineAnnealingSchedule(base, schedule.tMax(), etaMin);
      case "cosine_warm_restarts" ->
          new CosineWarmRestartsSchedule(
              base, schedule.t0(), schedule.tMult() == null ? 1 : schedule.tMult(), etaMin);
      case "step" ->
          new StepSchedule(
              base, schedule.stepSize(), schedule.gamma() == null ? 0.1 : schedule.gamma());
      default -> null;
    };
  }

  private static double orZero(Double value) {
    return value == null ? 0.0 : value;
  }
}
