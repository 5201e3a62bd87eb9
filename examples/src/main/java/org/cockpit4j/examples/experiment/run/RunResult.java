package org.cockpit4j.examples.experiment.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cockpit4j.log.CockpitLog;

/**
 * What one run produced.
 *
 * @param name the experiment's name
 * @param label the sweep point's label (empty without sweep)
 * @param settings the sweep values of the point
 * @param directory the output directory
 * @param stepsRun optimizer steps taken
 * @param finalLoss the mini-batch loss of the last step
 * @param medianStepMilliseconds median wall-clock time of a training step (Cockpit included)
 * @param meanStepMilliseconds mean wall-clock time of a training step (Cockpit included)
 * @param evaluation the last evaluation ({@code train_loss}, {@code valid_accuracy}, ...), empty
 *     when evaluation is off
 * @param log everything the Cockpit stored (quantities and logged metrics), by step
 * @param refused quantities left out because they cannot run in this setting, with the reason
 * @param warnings the Cockpit's warnings
 * @param files the files written, relative to the directory
 */
public record RunResult(
    String name,
    String label,
    Map<String, Object> settings,
    Path directory,
    int stepsRun,
    double finalLoss,
    double medianStepMilliseconds,
    double meanStepMilliseconds,
    Map<String, Double> evaluation,
    CockpitLog log,
    Map<String, String> refused,
    List<String> warnings,
    List<String> files) {

  /** Copies. */
  public RunResult {
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    evaluation = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evaluation));
    refused = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(refused));
    warnings = List.copyOf(warnings);
    files = List.copyOf(files);
  }
}
