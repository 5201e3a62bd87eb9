package org.cockpit4j.examples.experiment.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects the Cockpit's warnings for the run summary and prints each as it arrives. */
public final class WarningLog implements Consumer<String> {
  private final PrintStream console;
  private final List<String> warnings = new ArrayList<>();

  /** Warnings printed to {@code console}. */
  public WarningLog(PrintStream console) {
    this.console = console;
  }

  @Override
  public synchronized void accept(String warning) {
    warnings.add(warning);
    console.println(warning);
  }

  /**
   * Puts back the warnings of the part of a run before its checkpoint (not printed again), ahead of
   * those collected since.
   */
  public synchronized void restore(List<String> earlier) {
    List<String> since = new ArrayList<>(warnings);
    warnings.clear();
    warnings.addAll(earlier);
    since.stream().filter(warning -> !earlier.contains(warning)).forEach(warnings::add);
  }

  /** The warnings so far. */
  public synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }
}
