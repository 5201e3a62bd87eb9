package org.cockpit4j.examples.experiment.run;

import java.util.List;
import org.cockpit4j.log.LogSink;

/**
 * The outputs a run switched on ({@code figure}, {@code diagnosis}, {@code dashboard}), opened as
 * sinks of the run's Cockpit, and notes about the ones no provider offers.
 *
 * @param sinks the opened outputs, in order
 * @param names their names
 * @param notes about outputs that were asked for but are not available
 */
public record RunOutputs(List<LogSink> sinks, List<String> names, List<String> notes) {

  /** Copies. */
  public RunOutputs {
    sinks = List.copyOf(sinks);
    names = List.copyOf(names);
    notes = List.copyOf(notes);
  }
}
