package org.cockpit4j.examples.experiment.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the learning rate changes over the steps ({@code optimizer.schedule}), with PyTorch's
 * scheduler arguments:
 *
 * <ul>
 *   <li>{@code constant} (default);
 *   <li>{@code cosine}: {@code t_max}, {@code eta_min} (0) — CosineAnnealingLR;
 *   <li>{@code cosine_warm_restarts}: {@code t_0}, {@code t_mult} (1), {@code eta_min} (0);
 *   <li>{@code step}: {@code step_size}, {@code gamma} (0.1) — StepLR.
 * </ul>
 */
public record LearningRateScheduleConfig(
    String type,
    @JsonProperty("t_max") Integer tMax,
    @JsonProperty("t_0") Integer t0,
    @JsonProperty("t_mult") Integer tMult,
    Double etaMin,
    Integer stepSize,
    Double gamma) {

  /** The known schedule types. */
  public static final java.util.List<String> TYPES =
      java.util.List.of("constant", "cosine", "cosine_warm_restarts", "step");

  /** Fills the type's default. */
  public LearningRateScheduleConfig {
    type = type == null ? "constant" : type;
  }

  /** A constant learning rate. */
  public static LearningRateScheduleConfig constant() {
    return new LearningRateScheduleConfig(null, null, null, null, null, null, null);
  }
}
