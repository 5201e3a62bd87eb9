package org.cockpit4j.examples.experiment.run;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * How a run talks to its caller (not part of the experiment: it does not change the results).
 *
 * @param console where progress and notes go; a quiet run passes {@link #quiet()}'s stream
 * @param interactive whether the console is a terminal (the progress bar then redraws one line)
 * @param commandLine the command that started the run, for the provenance (may be empty)
 */
public record RunSettings(PrintStream console, boolean interactive, List<String> commandLine) {

  /** Copies. */
  public RunSettings {
    commandLine = List.copyOf(commandLine);
  }

  /** Prints to standard output; a progress bar when it is a terminal. */
  public static RunSettings console(List<String> commandLine) {
    return new RunSettings(System.out, System.console() != null, commandLine);
  }

  /** Prints nothing (tests). */
  public static RunSettings quiet() {
    return new RunSettings(new PrintStream(OutputStream.nullOutputStream()), false, List.of());
  }
}
