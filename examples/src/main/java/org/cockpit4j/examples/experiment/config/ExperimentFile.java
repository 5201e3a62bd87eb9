package org.cockpit4j.examples.experiment.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded experiment file: one point, or one per sweep combination.
 *
 * @param file the file
 * @param points the runs it describes, in sweep order
 * @param sweep whether the file has a {@code sweep} section
 */
public record ExperimentFile(Path file, List<ExperimentPoint> points, boolean sweep) {

  /** Copies. */
  public ExperimentFile {
    points = List.copyOf(points);
  }

  /** The single point of a file without sweep; fails for a sweep. */
  public ExperimentPoint single() {
    if (points.size() != 1) {
      throw new IllegalStateException(file + " describes " + points.size() + " runs, not one");
    }
    return points.get(0);
  }
}
