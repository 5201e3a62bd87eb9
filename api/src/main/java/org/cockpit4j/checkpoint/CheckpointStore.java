package org.cockpit4j.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.cockpit4j.backend.Backend;

/**
 * A directory of checkpoints, one subdirectory per checkpoint: {@code step-00000100/} holds {@code
 * checkpoint.json} (format, step, the caller's manifest, the state tree, the size and CRC-32 of the
 * arrays) and {@code arrays.bin} (the raw little-endian arrays). The name counts the training steps
 * done: training resumes at that global step.
 *
 * <p>Writing is atomic: both files go into a hidden temporary directory, are flushed to the disk
 * ({@code fsync}), and the directory is renamed into place; a process killed while saving leaves
 * the previous checkpoints intact (and a temporary directory that the next save removes). After a
 * save only the newest {@code keep} checkpoints are kept (checkpoints of later steps than the one
 * just saved belong to an abandoned continuation and are removed too).
 *
 * <p>Reading verifies the format version, the arrays' size and checksum, and fails with a {@link
 * CheckpointException} naming the file and the fix.
 */
public final class CheckpointStore {
  /** The state file inside a checkpoint directory. */
  public static final String STATE_FILE = "checkpoint.json";

  /** The arrays file inside a checkpoint directory. */
  public static final String ARRAYS_FILE = "arrays.bin";

  /** The value of the {@code format} key. */
  public static final String FORMAT = "cockpit4j-checkpoint";

  /** The version of the layout written here; readers refuse newer ones. */
  public static final int FORMAT_VERSION = 1;

  private static final Pattern NAME = Pattern.compile("step-(\\d{8,})");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  private final int keep;

  /** A store in {@code directory} (created on the first save) keeping the newest {@code keep}. */
  public CheckpointStore(Path directory, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("A checkpoint store must keep at least 1, got " + keep);
    }
    this.directory = directory;
    this.keep = keep;
  }

  /** The directory of the checkpoints. */
  public Path directory() {
    return directory;
  }

  /** The directory name of the checkpoint taken after {@code step} steps. */
  public static String name(int step) {
    return String.format(Locale.ROOT, "step-%08d", step);
  }

  /**
   * Writes a checkpoint taken after {@code step} steps: {@code manifest} (may be null) and the
   * state {@code state} writes at the root. Replaces an existing checkpoint of the same step.
   * Returns its directory.
   */
  public Path save(int step, JsonNode manifest, Consumer<StateWriter> state) {
    if (step < 0) {
      throw new IllegalArgumentException("A checkpoint step must be >= 0, got " + step);
    }
    String name = name(step);
    Path target = directory.resolve(name);
    Path temporary = directory.resolve("." + name + ".tmp");
    try {
      Files.createDirectories(directory);
      deleteRecursively(temporary);
      Files.createDirectory(temporary);
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      root.put("format", FORMAT);
      root.put("format_version", FORMAT_VERSION);
      root.put("step", step);
      root.put("created", Instant.now().toString());
      root.set("manifest", manifest == null ? JsonNodeFactory.instance.objectNode() : manifest);
      ObjectNode arraysNode = root.putObject("arrays");
      ObjectNode stateNode = JsonNodeFactory.instance.objectNode();
      Path arraysFile = temporary.resolve(ARRAYS_FILE);
      try (FileOutputStream file = new FileOutputStream(arraysFile.toFile());
          OutputStream buffered = new BufferedOutputStream(file, 1 << 16)) {
        ArrayOutput arrays = new ArrayOutput(buffered);
        state.accept(new StateWriter(stateNode, arrays, ""));
        arrays.flush();
        file.getFD().sync();
        arraysNode.put("file", ARRAYS_FILE);
        arraysNode.put("bytes", arrays.size());
        arraysNode.put("crc32", arrays.checksum());
      }
      root.set("state", stateNode);
      try (FileOutputStream file = new FileOutputStream(temporary.resolve(STATE_FILE).toFile())) {
        file.write(JSON.writeValueAsBytes(root));
        file.getFD().sync();
      }
      syncDirectory(temporary);
      if (Files.exists(target)) {
        Path old = directory.resolve("." + name + ".old");
        deleteRecursively(old);
        move(target, old);
        move(temporary, target);
        deleteRecursively(old);
      } else {
        move(temporary, target);
      }
      syncDirectory(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the checkpoint " + target + ": " + e, e);
    }
    prune(step);
    return target;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private void prune(int savedStep) {
    List<Path> kept = new ArrayList<>();
    for (Path checkpoint : checkpoints()) {
      if (step(checkpoint) > savedStep) {
        delete(checkpoint);
      } else {
        kept.add(checkpoint);
      }
    }
    for (int i = 0; i < kept.size() - keep; i++) {
      delete(kept.get(i));
    }
  }

  private static void delete(Path checkpoint) {
    try {
      deleteRecursively(checkpoint);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the old checkpoint " + checkpoint, e);
    }
  }

  /**
   * Deletes every checkpoint (and leftover temporary directories), e.g. when a new run starts in a
   * directory that holds an earlier run's checkpoints; returns how many checkpoints there were.
   */
  public int clear() {
    List<Path> all = checkpoints();
    all.forEach(CheckpointStore::delete);
    if (Files.isDirectory(directory)) {
      try (Stream<Path> entries = Files.list(directory)) {
        for (Path entry : entries.toList()) {
          String name = entry.getFileName().toString();
          if (name.startsWith(".step-") && Files.isDirectory(entry)) {
            delete(entry);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the checkpoints in " + directory, e);
      }
    }
    return all.size();
  }

  /** The complete checkpoints, oldest first (temporary directories are ignored). */
  public List<Path> checkpoints() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(Files::isDirectory)
          .filter(path -> NAME.matcher(path.getFileName().toString()).matches())
          .sorted((a, b) -> Integer.compare(step(a), step(b)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the checkpoints in " + directory, e);
    }
  }

  /** The newest checkpoint, if any. */
  public Optional<Path> latest() {
    List<Path> all = checkpoints();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** The step in a checkpoint directory's name ({@code step-00000100} is 100). */
  public static int step(Path checkpoint) {
    Matcher matcher = NAME.matcher(checkpoint.getFileName().toString());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          checkpoint + " is not a checkpoint directory (step-NNNNNNNN)");
    }
    return Integer.parseInt(matcher.group(1));
  }

  /** Reads the newest checkpoint; fails naming the directory when there is none. */
  public Checkpoint readLatest(Backend backend) {
    Path latest =
        latest()
            .orElseThrow(
                () ->
                    new CheckpointException(
                        "There is no checkpoint in "
                            + directory
                            + "; checkpoints are written only when the run asks for them"
                            + " (e.g. training: {checkpoint: {every: 100}})"));
    return read(latest, backend);
  }

  /**
   * Reads the checkpoint in directory {@code checkpoint}, creating tensors on {@code backend} by
   * default. Verifies the format, the version and the arrays' size and checksum.
   */
  public static Checkpoint read(Path checkpoint, Backend backend) {
    Path stateFile = checkpoint.resolve(STATE_FILE);
    Path arraysFile = checkpoint.resolve(ARRAYS_FILE);
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(stateFile, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw corrupt(stateFile, "is missing");
    } catch (JsonProcessingException e) {
      throw corrupt(stateFile, "is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw corrupt(stateFile, "cannot be read (" + e + ")");
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw corrupt(stateFile, "is not a Cockpit4J checkpoint (no \"format\": \"" + FORMAT + "\")");
    }
    int version = root.path("format_version").asInt(-1);
    if (version > FORMAT_VERSION) {
      throw new CheckpointException(
          "The checkpoint "
              + stateFile
              + " has format version "
              + version
              + ", newer than "
              + FORMAT_VERSION
              + " (this Cockpit4J); resume with the version that wrote it");
    }
    if (version < 1 || !root.path("step").canConvertToInt() || !root.path("state").isObject()) {
      throw corrupt(stateFile, "lacks its format_version, step or state");
    }
    ByteBuffer arrays;
    try {
      arrays = ByteBuffer.wrap(Files.readAllBytes(arraysFile));
    } catch (NoSuchFileException e) {
      throw corrupt(arraysFile, "is missing");
    } catch (IOException e) {
      throw corrupt(arraysFile, "cannot be read (" + e + ")");
    }
    long expected = root.path("arrays").path("bytes").asLong(-1);
    if (arrays.capacity() != expected) {
      throw corrupt(
          arraysFile, "has " + arrays.capacity() + " bytes, but " + expected + " were written");
    }
    CRC32 crc = new CRC32();
    crc.update(arrays.duplicate());
    if (crc.getValue() != root.path("arrays").path("crc32").asLong(-1)) {
      throw corrupt(arraysFile, "does not match its checksum (the bytes changed after writing)");
    }
    int step = root.get("step").intValue();
    return new Checkpoint(
        checkpoint,
        step,
        root.path("manifest").isObject()
            ? root.get("manifest")
            : JsonNodeFactory.instance.objectNode(),
        new StateReader(root.get("state"), arrays, "", stateFile.toString(), backend));
  }

  private static CheckpointException corrupt(Path file, String problem) {
    Path checkpoint = file.getParent();
    return new CheckpointException(
        "The checkpoint file "
            + file
            + " "
            + problem
            + "; delete "
            + checkpoint
            + " to resume from the checkpoint before it, or start the run again");
  }

  private static void syncDirectory(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every platform can sync a directory; the files themselves are synced
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
