package org.cockpit4j.examples.experiment;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cockpit4j.examples.experiment.config.ConfigOverride;
import org.cockpit4j.examples.experiment.config.ExperimentFile;
import org.cockpit4j.examples.experiment.config.ExperimentLoader;
import org.cockpit4j.examples.experiment.run.RunResult;
import org.cockpit4j.examples.experiment.run.RunSettings;
import org.cockpit4j.log.CockpitLog;

/** Helpers for the experiment tests: the shipped files, quiet runs into a temporary directory. */
final class Experiments {
  private Experiments() {}

  /** A shipped experiment file ({@code examples/experiments/NAME}; tests run in examples/). */
  static Path shipped(String name) {
    return Path.of("experiments", name);
  }

  /** Loads text as an experiment file named {@code test.yaml}. */
  static ExperimentFile parse(String yaml) {
    return ExperimentLoader.parse("test.yaml", "test", yaml, List.of());
  }

  /** Runs a shipped file quietly into {@code out} with {@code key=value} overrides. */
  static List<RunResult> run(String name, Path out, String... settings) {
    return ExperimentRunner.run(shipped(name), overrides(out, settings), null, RunSettings.quiet());
  }

  /**
   * The overrides: the output directory, no figure and no diagnosis (rendering is tested where it
   * matters), then {@code key=value} settings (YAML values).
   */
  static List<ConfigOverride> overrides(Path out, String... settings) {
    List<ConfigOverride> overrides = new ArrayList<>();
    overrides.add(ConfigOverride.set("output.directory", TextNode.valueOf(out.toString()), "test"));
    overrides.add(
        ConfigOverride.set("output.figure", ExperimentLoader.parseValue("false"), "test"));
    overrides.add(
        ConfigOverride.set("output.diagnosis", ExperimentLoader.parseValue("false"), "test"));
    for (String setting : settings) {
      int equals = setting.indexOf('=');
      overrides.add(
          ConfigOverride.set(
              setting.substring(0, equals),
              ExperimentLoader.parseValue(setting.substring(equals + 1)),
              "test"));
    }
    return overrides;
  }

  /** An override of the number of steps. */
  static ConfigOverride steps(int steps) {
    return ConfigOverride.set("training.steps", IntNode.valueOf(steps), "test");
  }

  /** The finite numbers logged under {@code key}, in step order. */
  static double[] column(CockpitLog log, String key) {
    return org.cockpit4j.examples.experiment.run.LogStatistics.scalars(log, key);
  }

  /** The result whose label is {@code label}. */
  static RunResult byLabel(List<RunResult> results, String label) {
    for (RunResult result : results) {
      if (result.label().equals(label)) {
        return result;
      }
    }
    throw new AssertionError("no run labelled " + label + " among " + labels(results));
  }

  private static List<String> labels(List<RunResult> results) {
    List<String> labels = new ArrayList<>();
    results.forEach(result -> labels.add(result.label()));
    return labels;
  }

  /** A histogram's counts from a log value ({@code {"hist": ..., "edges": ...}}). */
  @SuppressWarnings("unchecked")
  static double[] counts(Object histogram) {
    Object hist = ((Map<String, Object>) histogram).get("hist");
    return flatten(hist);
  }

  /** The counts of a 2-D histogram summed over its parameter axis (rows = gradient bins). */
  @SuppressWarnings("unchecked")
  static double[] gradientMarginal(Object histogram) {
    Object hist = ((Map<String, Object>) histogram).get("hist");
    if (hist instanceof org.cockpit4j.log.NdArray array) {
      int rows = array.shape()[0];
      int columns = array.shape()[1];
      double[] values = array.data();
      double[] marginal = new double[rows];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          marginal[r] += values[r * columns + c];
        }
      }
      return marginal;
    }
    List<List<Number>> rows = (List<List<Number>>) hist;
    double[] marginal = new double[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (Number count : rows.get(r)) {
        marginal[r] += count.doubleValue();
      }
    }
    return marginal;
  }

  private static double[] flatten(Object hist) {
    if (hist instanceof org.cockpit4j.log.NdArray array) {
      return array.data();
    }
    if (hist instanceof double[] values) {
      return values;
    }
    List<?> list = (List<?>) hist;
    double[] values = new double[list.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = ((Number) list.get(i)).doubleValue();
    }
    return values;
  }
}
