package org.cockpit4j.examples.experiment.run;

import java.io.PrintStream;
import java.util.Locale;
import org.cockpit4j.train.StepMetrics;

/**
 * A progress bar with step, loss, throughput and the remaining time. On a terminal it redraws one
 * line; otherwise it prints a line every 5 % of the steps.
 *
 * <pre>
 * [########------------]  120/300  loss 0.6123  2411 samples/s  53.1 ms/step  ETA 0:09
 * </pre>
 */
final class ProgressBar {
  private static final int WIDTH = 20;

  private final PrintStream out;
  private final boolean interactive;
  private final int total;
  private final int every;
  private final long start = System.nanoTime();
  private final int first;
  private int done;
  private long samples;

  ProgressBar(PrintStream out, boolean interactive, int total) {
    this(out, interactive, total, 0);
  }

  /** A bar of {@code total} steps of which {@code alreadyDone} were done before (a resumed run). */
  ProgressBar(PrintStream out, boolean interactive, int total, int alreadyDone) {
    this.out = out;
    this.interactive = interactive;
    this.total = total;
    this.every = Math.max(1, total / 20);
    this.first = alreadyDone;
    this.done = alreadyDone;
  }

  void update(StepMetrics metrics) {
    done++;
    samples += metrics.batchSize();
    if (!interactive && done % every != 0 && done != total) {
      return;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double perStep = seconds / (done - first);
    double remaining = perStep * (total - done);
    int filled = (int) ((long) WIDTH * done / total);
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %"
                + String.valueOf(total).length()
                + "d/%d  loss %.4f  %.0f samples/s  %.1f"
                + " ms/step  ETA %s",
            "#".repeat(filled),
            "-".repeat(WIDTH - filled),
            done,
            total,
            metrics.loss(),
            samples / Math.max(seconds, 1e-9),
            1000 * perStep,
            clock(remaining));
    if (interactive) {
      out.print("\r" + line);
      if (done == total) {
        out.println();
      }
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Ends the bar's line early (before printing a note in the middle of a run). */
  void interrupt() {
    if (interactive && done > 0 && done < total) {
      out.println();
    }
  }

  static String clock(double seconds) {
    long whole = Math.round(seconds);
    return whole >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, (whole / 60) % 60, whole % 60)
        : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
  }
}
