package org.cockpit4j.checkpoint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.cockpit4j.backend.Backend;

/**
 * A state held in memory instead of files: the same tree and binary layout as a {@link
 * CheckpointStore} checkpoint. For tests of state round trips and for in-process snapshots.
 *
 * <pre>{@code
 * StateSnapshot snapshot = StateSnapshot.of(state -> state.putState("optimizer", optimizer));
 * snapshot.reader(backend).restoreState("optimizer", freshOptimizer);
 * }</pre>
 */
public final class StateSnapshot {
  private final ObjectNode root;
  private final byte[] arrays;

  private StateSnapshot(ObjectNode root, byte[] arrays) {
    this.root = root;
    this.arrays = arrays;
  }

  /** The state {@code writer} writes at the root. */
  public static StateSnapshot of(Consumer<StateWriter> writer) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ArrayOutput arrays = new ArrayOutput(bytes);
    writer.accept(new StateWriter(root, arrays, ""));
    arrays.flush();
    return new StateSnapshot(root, bytes.toByteArray());
  }

  /** A reader of the root that creates tensors on {@code backend} (may be null). */
  public StateReader reader(Backend backend) {
    return new StateReader(root, ByteBuffer.wrap(arrays), "", "in memory", backend);
  }

  /** The JSON part (a copy), e.g. to look at in a test. */
  public ObjectNode json() {
    return root.deepCopy();
  }

  /** Size of the binary part in bytes. */
  public int arrayBytes() {
    return arrays.length;
  }
}
