package org.cockpit4j.instruments.figure;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instruments.run.RunLog;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.LogSink;

/**
 * Keeps a run directory's cockpit figure and diagnosis current during training: a {@link LogSink}
 * that collects the Cockpit's values and re-renders the figure every {@code K} steps on a
 * background thread (at most one render at a time; steps arriving meanwhile are folded into the
 * next), and once more, synchronously, on {@link #close()}. Rendering errors go to the warnings,
 * never into the training loop.
 *
 * <pre>{@code
 * FigureRefresher figure = FigureRefresher.every(50, runDirectory, metadata);
 * Cockpit cockpit = Cockpit.builder(model).configuration("full", Schedules.linear(1))
 *     .jsonLinesLog(runDirectory.resolve("cockpit.jsonl")).sink(figure).build();
 * ... train ...
 * cockpit.close(); // closes the sink: final figure and diagnosis
 * }</pre>
 */
public final class FigureRefresher implements LogSink {
  private final int every;
  private final Path directory;
  private final String name;
  private final Map<String, Object> metadata;
  private final FigureFiles files;
  private final Consumer<String> warnings;
  private final CockpitLog log = new CockpitLog();
  private final ExecutorService executor;
  private int renderedThrough = Integer.MIN_VALUE;
  private int latest = -1;
  private boolean pending;
  private boolean closed;
  private int renders;

  private FigureRefresher(
      int every,
      Path directory,
      Map<String, Object> metadata,
      FigureFiles files,
      Consumer<String> warnings) {
    if (every < 1) {
      throw new IllegalArgumentException("Refresh the figure every K >= 1 steps, got K = " + every);
    }
    this.every = every;
    this.directory = directory;
    this.name =
        directory.toAbsolutePath().normalize().getFileName() == null
            ? "run"
            : directory.toAbsolutePath().normalize().getFileName().toString();
    this.metadata = new LinkedHashMap<>(metadata);
    this.files = files;
    this.warnings = warnings;
    this.executor =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "cockpit-figure-refresher");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * A refresher writing PNG figures and the diagnosis into {@code directory} every {@code every}
   * steps; {@code metadata} as in the JSON Lines header (parameter names, optimizer).
   */
  public static FigureRefresher every(int every, Path directory, Map<String, Object> metadata) {
    return new FigureRefresher(
        every, directory, metadata, FigureFiles.defaults(), System.err::println);
  }

  /** The same with explicit files settings and a warnings sink. */
  public static FigureRefresher every(
      int every,
      Path directory,
      Map<String, Object> metadata,
      FigureFiles files,
      Consumer<String> warnings) {
    return new FigureRefresher(every, directory, metadata, files, warnings);
  }

  @Override
  public void write(int step, Map<String, Object> values) {
    boolean render;
    synchronized (this) {
      if (closed) {
        return;
      }
      values.forEach(
          (key, value) -> {
            if (!RunLog.SKIPPED_KEYS.contains(key)) {
              log.put(step, key, value);
            }
          });
      latest = Math.max(latest, step);
      render =
          !pending && (renderedThrough == Integer.MIN_VALUE || latest >= renderedThrough + every);
      if (render) {
        pending = true;
      }
    }
    if (render) {
      executor.execute(this::renderInBackground);
    }
  }

  private void renderInBackground() {
    try {
      refresh();
    } finally {
      synchronized (this) {
        pending = false;
      }
    }
  }

  /** Renders the figure and diagnosis now from the values received so far. */
  public void refresh() {
    RunData run;
    synchronized (this) {
      CockpitLog copy = new CockpitLog();
      log.steps().forEach(copy::putAll);
      run = new RunData(name, copy, metadata);
      renderedThrough = latest;
    }
    try {
      files.write(run, directory, FigureFiles.BASE_NAME);
      synchronized (this) {
        renders++;
      }
    } catch (RuntimeException e) {
      warnings.accept("[cockpit] cannot refresh the figure in " + directory + ": " + e);
    }
  }

  /** How many times the figure was rendered. */
  public synchronized int renders() {
    return renders;
  }

  /** Waits for a background render, renders the final figure, stops the background thread. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    refresh();
  }
}
