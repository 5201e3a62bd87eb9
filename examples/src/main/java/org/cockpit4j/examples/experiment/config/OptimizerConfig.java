package org.cockpit4j.examples.experiment.config;

import java.util.List;

/**
 * The optimizer, with PyTorch's argument names:
 *
 * <ul>
 *   <li>{@code sgd}: {@code lr}, {@code momentum} (0), {@code dampening} (0), {@code weight_decay}
 *       (0), {@code nesterov} (false);
 *   <li>{@code adam}: {@code lr}, {@code betas} ([0.9, 0.999]), {@code eps} (1e-8), {@code
 *       weight_decay} (0).
 * </ul>
 *
 * @param type {@code sgd} or {@code adam} (required)
 * @param lr the (initial) learning rate, positive (required)
 * @param schedule how the learning rate changes; default constant
 */
public record OptimizerConfig(
    String type,
    Double lr,
    Double momentum,
    Double dampening,
    Double weightDecay,
    Boolean nesterov,
    List<Double> betas,
    Double eps,
    LearningRateScheduleConfig schedule) {

  /** The known optimizer types. */
  public static final List<String> TYPES = List.of("sgd", "adam");

  /** Fills the schedule default and copies. */
  public OptimizerConfig {
    betas = betas == null ? null : List.copyOf(betas);
    schedule = schedule == null ? LearningRateScheduleConfig.constant() : schedule;
  }
}
