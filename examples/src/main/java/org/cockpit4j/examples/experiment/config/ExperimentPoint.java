package org.cockpit4j.examples.experiment.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One run of an experiment file: the whole file, or one point of its sweep.
 *
 * @param label the sweep point's label (e.g. {@code lr=0.1}), empty for a file without sweep
 * @param settings the sweep values of this point by dotted path (empty without sweep)
 * @param config the bound configuration with defaults filled in
 * @param sources where each key was written (for the errors of later checks)
 * @param tree the point's document as written (after overrides), before defaults
 */
public record ExperimentPoint(
    String label,
    Map<String, Object> settings,
    ExperimentConfig config,
    SourceMap sources,
    ObjectNode tree) {

  /** Copies the settings. */
  public ExperimentPoint {
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
  }
}
