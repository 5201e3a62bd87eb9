package org.cockpit4j.examples.experiment.output;

/**
 * Something a run can produce from the Cockpit's values while it trains and when it ends: the
 * cockpit figure ({@code figure}), the diagnosis ({@code diagnosis}), the live dashboard ({@code
 * dashboard}). Found with {@link java.util.ServiceLoader} on the class path and in plugin jars
 * (list implementations in {@code
 * META-INF/services/org.cockpit4j.examples.experiment.output.RunOutputProvider}). The run asks for
 * the names its {@code output} section switches on; a name nobody provides is skipped with a note,
 * so experiment files work with and without the instruments on the class path.
 */
public interface RunOutputProvider {

  /** The name: {@code figure}, {@code diagnosis}, {@code dashboard}, or a plugin's own. */
  String name();

  /** One line for {@code cockpit list}. */
  String description();

  /** Starts the output for one run. */
  RunOutput open(RunOutputContext context);
}
