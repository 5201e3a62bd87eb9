package org.cockpit4j.examples.experiment.resume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.cockpit4j.checkpoint.Checkpoint;
import org.cockpit4j.checkpoint.CheckpointException;
import org.cockpit4j.checkpoint.CheckpointStore;
import org.cockpit4j.examples.experiment.config.ExperimentConfig;

/**
 * Where a run continues: the newest checkpoint of a run directory ({@code DIR/checkpoints/}),
 * checked against the experiment that is to continue it. A fresh run has {@link #none()}.
 *
 * <p>A checkpoint's manifest holds the canonical configuration and its SHA-256 ({@link
 * ConfigFingerprint}) and the length of each streamed file when it was taken ({@code
 * cockpit.jsonl}, {@code metrics.jsonl}); {@link #cutFiles} cuts those files back to these lengths,
 * so that the resumed run appends exactly what the uninterrupted run wrote after that point —
 * nothing twice, nothing lost.
 */
public final class ResumePoint {
  /** The subdirectory of a run directory that holds its checkpoints. */
  public static final String CHECKPOINTS = "checkpoints";

  private static final ResumePoint NONE = new ResumePoint(null);

  private final Checkpoint checkpoint;

  private ResumePoint(Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
  }

  /** A fresh run. */
  public static ResumePoint none() {
    return NONE;
  }

  /** Whether the run continues from a checkpoint. */
  public boolean resuming() {
    return checkpoint != null;
  }

  /** The checkpoint (tensors not bound to a backend yet; see {@link Checkpoint#onBackend}). */
  public Checkpoint checkpoint() {
    if (checkpoint == null) {
      throw new IllegalStateException("A fresh run has no checkpoint");
    }
    return checkpoint;
  }

  /** The checkpoint store of {@code runDirectory}. */
  public static CheckpointStore store(Path runDirectory, int keep) {
    return new CheckpointStore(runDirectory.resolve(CHECKPOINTS), keep);
  }

  /**
   * The newest checkpoint of {@code runDirectory}; fails (a {@link CheckpointException}, exit code
   * 2) when the directory does not exist, holds no checkpoint, or the newest one is corrupt.
   */
  public static ResumePoint find(Path runDirectory) {
    if (!Files.isDirectory(runDirectory)) {
      throw new CheckpointException(
          "--resume "
              + runDirectory
              + ": there is no such directory; pass the output directory of an earlier run (e.g."
              + " runs/fmnist_basic)");
    }
    CheckpointStore store = store(runDirectory, 1);
    Path latest =
        store
            .latest()
            .orElseThrow(
                () ->
                    new CheckpointException(
                        "--resume "
                            + runDirectory
                            + ": there is no checkpoint in "
                            + store.directory()
                            + ": the run was started without training: {checkpoint: {every: K}}"
                            + " or stopped before its first checkpoint; start it again with"
                            + " checkpoints, e.g. cockpit run "
                            + runDirectory.resolve("experiment.yaml")
                            + " --set training.checkpoint.every=100"));
    return new ResumePoint(CheckpointStore.read(latest, null));
  }

  /** The manifest of a checkpoint of a run of {@code config} with the given file lengths. */
  public static ObjectNode manifest(ExperimentConfig config, Map<String, Long> fileLengths) {
    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    ObjectNode canonical = ConfigFingerprint.canonical(config);
    manifest.put("experiment", config.name());
    manifest.put("config_sha256", ConfigFingerprint.sha256(canonical));
    manifest.set("config", canonical);
    ObjectNode files = manifest.putObject("files");
    fileLengths.forEach(files::put);
    return manifest;
  }

  /**
   * Fails (exit code 2) when {@code config} is not the experiment that wrote the checkpoint, naming
   * the keys that differ and the fix.
   */
  public void verify(ExperimentConfig config) {
    JsonNode manifest = checkpoint().manifest();
    ObjectNode canonical = ConfigFingerprint.canonical(config);
    String expected = manifest.path("config_sha256").asText("");
    if (expected.equals(ConfigFingerprint.sha256(canonical))) {
      return;
    }
    List<String> differences = ConfigFingerprint.differences(manifest.path("config"), canonical, 5);
    throw new CheckpointException(
        "Cannot resume from "
            + checkpoint.directory()
            + ": the experiment differs from the one that wrote it ("
            + (differences.isEmpty()
                ? "configuration hash " + expected + " there"
                : String.join("; ", differences))
            + "). Resume with the run's own configuration (cockpit run --resume DIR, without an"
            + " experiment file, --set or --backend; --steps may change), or start a new run in another"
            + " directory (--out)");
  }

  /**
   * Fails (exit code 2) when a run of {@code steps} steps has nothing left to do after the
   * checkpoint.
   */
  public void checkSteps(int steps) {
    int done = checkpoint().step();
    if (steps <= done) {
      throw new CheckpointException(
          "Nothing to resume: the checkpoint "
              + checkpoint.directory()
              + " was taken after "
              + done
              + " steps and the run has "
              + steps
              + "; to train longer, resume with --steps N (N > "
              + done
              + ")");
    }
  }

  /**
   * Cuts every file the manifest lists back to its length at the checkpoint; fails (naming the
   * file) when one is missing or shorter.
   */
  public void cutFiles(Path runDirectory) {
    JsonNode files = checkpoint().manifest().path("files");
    Iterator<Map.Entry<String, JsonNode>> entries = files.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      Path file = runDirectory.resolve(entry.getKey());
      long length = entry.getValue().asLong(-1);
      try {
        long size = Files.isRegularFile(file) ? Files.size(file) : -1;
        if (length < 0 || size < length) {
          throw new CheckpointException(
              "Cannot resume from "
                  + checkpoint.directory()
                  + ": "
                  + file
                  + (size < 0 ? " is missing" : " has " + size + " bytes")
                  + ", but it had "
                  + length
                  + " when the checkpoint was taken; the run directory was changed since. Start"
                  + " the run again");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
          channel.truncate(length);
          channel.force(true);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot cut " + file + " back to the checkpoint", e);
      }
    }
  }
}
