package org.cockpit4j.examples.experiment.output;

import java.util.List;
import java.util.Map;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instruments.diagnosis.Diagnosis;
import org.cockpit4j.instruments.diagnosis.DivergenceRule;
import org.cockpit4j.instruments.diagnosis.Finding;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.LogSink;

/**
 * {@code diagnosis}: at the end of the run, the instruments' diagnosis rules over the whole log,
 * written to {@code diagnosis.json} and {@code diagnosis.txt} and printed (most severe first).
 */
public final class DiagnosisOutput implements RunOutputProvider {

  /**
   * The log key under which a run records where it diverged (a sentence naming the first non-finite
   * step and the parameters where it appeared): {@code diagnosis.txt} repeats it on a last line,
   * and the divergence finding in {@code diagnosis.json} carries it as {@code recorded}, next to
   * {@code first_nonfinite_layer} ({@link DivergenceRule}).
   */
  public static final String DIVERGENCE_KEY = DivergenceRule.RECORD_KEY;

  @Override
  public String name() {
    return "diagnosis";
  }

  @Override
  public String description() {
    return "the diagnosis (diagnosis.json, diagnosis.txt) at the end of the run";
  }

  @Override
  public LogSink open(RunOutputContext context) {
    return new Sink(context);
  }

  private static final class Sink implements LogSink {
    private final RunOutputContext context;
    private final CockpitLog log = new CockpitLog();

    Sink(RunOutputContext context) {
      this.context = context;
    }

    @Override
    public synchronized void write(int step, Map<String, Object> values) {
      values.forEach(
          (key, value) -> {
            if (!key.equals("Parameters")) {
              log.put(step, key, value);
            }
          });
    }

    @Override
    public synchronized void close() {
      try {
        Diagnosis diagnosis = Diagnosis.of(new RunData(context.name(), log, context.metadata()));
        diagnosis.writeTo(context.directory());
        List<Finding> findings = diagnosis.findings();
        context.console().println(findings.isEmpty() ? "diagnosis: no findings" : "diagnosis:");
        findings.forEach(finding -> context.console().println("  " + finding.headline()));
        java.util.SortedMap<Integer, Object> divergence = log.column(DIVERGENCE_KEY);
        if (!divergence.isEmpty()) {
          String line =
              "Divergence at step "
                  + divergence.firstKey()
                  + ": "
                  + divergence.get(divergence.firstKey());
          context.console().println("  " + line);
          java.nio.file.Files.writeString(
              context.directory().resolve("diagnosis.txt"),
              System.lineSeparator() + line + System.lineSeparator(),
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.APPEND);
        }
      } catch (RuntimeException | java.io.IOException e) {
        context.warnings().accept("[cockpit] cannot write the diagnosis: " + e);
      }
    }
  }
}
