package org.cockpit4j.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cockpit4j.data.HostArrayBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CheckpointStore}: layout, keeping the newest, atomic replacement, corrupt files. */
class CheckpointStoreTest {
  private final HostArrayBackend backend = new HostArrayBackend();

  private static Path save(CheckpointStore store, int step) {
    ObjectNode manifest = JsonNodeFactory.instance.objectNode().put("config_sha256", "abc");
    return store.save(
        step,
        manifest,
        state -> state.putInt("step", step).putDoubles("values", new double[] {step, 0.5}));
  }

  @Test
  void savesReadsAndKeepsTheNewestTwo(@TempDir Path directory) {
    CheckpointStore store = new CheckpointStore(directory.resolve("checkpoints"), 2);
    assertTrue(store.latest().isEmpty());
    Path first = save(store, 10);
    assertEquals("step-00000010", first.getFileName().toString());
    assertTrue(Files.isRegularFile(first.resolve(CheckpointStore.STATE_FILE)));
    assertTrue(Files.isRegularFile(first.resolve(CheckpointStore.ARRAYS_FILE)));
    save(store, 20);
    save(store, 30);
    assertEquals(
        List.of("step-00000020", "step-00000030"),
        store.checkpoints().stream().map(path -> path.getFileName().toString()).toList());
    Checkpoint latest = store.readLatest(backend);
    assertEquals(30, latest.step());
    assertEquals("abc", latest.manifest().get("config_sha256").asText());
    assertEquals(30, latest.state().getInt("step"));
    assertArrayEquals(new double[] {30, 0.5}, latest.state().getDoubles("values"));
  }

  @Test
  void savingAnEarlierStepDropsTheAbandonedLaterOnesAndReplacesTheSameStep(
      @TempDir Path directory) {
    CheckpointStore store = new CheckpointStore(directory, 3);
    save(store, 10);
    save(store, 20);
    save(store, 30);
    save(store, 20);
    assertEquals(List.of(10, 20), store.checkpoints().stream().map(CheckpointStore::step).toList());
    assertEquals(20, store.readLatest(backend).state().getInt("step"));
  }

  @Test
  void aSaveKilledHalfwayLeavesOnlyAHiddenDirectoryThatIsIgnoredAndCleanedUp(
      @TempDir Path directory) throws IOException {
    CheckpointStore store = new CheckpointStore(directory, 2);
    save(store, 10);
    Path leftover = directory.resolve(".step-00000020.tmp");
    Files.createDirectories(leftover);
    Files.writeString(leftover.resolve(CheckpointStore.ARRAYS_FILE), "half");
    assertEquals(10, store.readLatest(backend).step());
    save(store, 20);
    assertFalse(Files.exists(leftover.resolve(CheckpointStore.ARRAYS_FILE)));
    assertEquals(20, store.readLatest(backend).step());
  }

  @Test
  void clearRemovesEveryCheckpoint(@TempDir Path directory) throws IOException {
    CheckpointStore store = new CheckpointStore(directory, 3);
    save(store, 10);
    save(store, 20);
    Files.createDirectories(directory.resolve(".step-00000030.tmp"));
    assertEquals(2, store.clear());
    assertTrue(store.checkpoints().isEmpty());
    assertFalse(Files.exists(directory.resolve(".step-00000030.tmp")));
  }

  @Test
  void anEmptyStoreSaysHowToGetCheckpoints(@TempDir Path directory) {
    CheckpointException error =
        assertThrows(
            CheckpointException.class,
            () -> new CheckpointStore(directory.resolve("none"), 2).readLatest(backend));
    assertTrue(error.getMessage().contains("There is no checkpoint in"), error.getMessage());
    assertTrue(error.getMessage().contains("checkpoint: {every"), error.getMessage());
  }

  @Test
  void corruptFilesAreNamed(@TempDir Path directory) throws IOException {
    CheckpointStore store = new CheckpointStore(directory, 2);
    Path checkpoint = save(store, 10);
    Path arrays = checkpoint.resolve(CheckpointStore.ARRAYS_FILE);
    Path state = checkpoint.resolve(CheckpointStore.STATE_FILE);

    try (RandomAccessFile file = new RandomAccessFile(arrays.toFile(), "rw")) {
      file.seek(3);
      file.write(0x55);
    }
    assertCorrupt(checkpoint, arrays, "checksum");

    byte[] bytes = Files.readAllBytes(arrays);
    Files.write(arrays, java.util.Arrays.copyOf(bytes, bytes.length - 4));
    assertCorrupt(checkpoint, arrays, "bytes");

    Files.delete(arrays);
    assertCorrupt(checkpoint, arrays, "missing");

    String text = Files.readString(state);
    Files.writeString(state, text.substring(0, text.length() / 2));
    assertCorrupt(checkpoint, state, "not valid JSON");

    Files.writeString(state, "{\"format\": \"something else\"}");
    assertCorrupt(checkpoint, state, "not a Cockpit4J checkpoint");

    Files.writeString(state, text.replace("\"format_version\":1", "\"format_version\":99"));
    CheckpointException newer =
        assertThrows(CheckpointException.class, () -> CheckpointStore.read(checkpoint, backend));
    assertTrue(newer.getMessage().contains("format version 99"), newer.getMessage());
  }

  private void assertCorrupt(Path checkpoint, Path file, String problem) {
    CheckpointException error =
        assertThrows(CheckpointException.class, () -> CheckpointStore.read(checkpoint, backend));
    assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    assertTrue(error.getMessage().contains(problem), error.getMessage());
    assertTrue(error.getMessage().contains("delete " + checkpoint), error.getMessage());
  }
}
