package org.cockpit4j.examples.experiment.run;

import java.nio.file.Path;

/**
 * The output directory of one run (created before the run starts).
 *
 * @param path the directory
 */
public record RunDirectory(Path path) {

  /** The file {@code name} in the directory. */
  public Path file(String name) {
    return path.resolve(name);
  }
}
