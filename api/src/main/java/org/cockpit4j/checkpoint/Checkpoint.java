package org.cockpit4j.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.cockpit4j.backend.Backend;

/**
 * A checkpoint read back by {@link CheckpointStore#read}.
 *
 * @param directory the checkpoint's directory ({@code .../checkpoints/step-00000100})
 * @param step the number of training steps done when it was taken: training resumes at this global
 *     step
 * @param manifest what the caller stored next to the state (e.g. the experiment's configuration
 *     hash); an empty object when nothing was stored
 * @param state the root of the state tree
 */
public record Checkpoint(Path directory, int step, JsonNode manifest, StateReader state) {

  /** The same checkpoint, creating tensors on {@code backend} by default. */
  public Checkpoint onBackend(Backend backend) {
    return new Checkpoint(directory, step, manifest, state.withBackend(backend));
  }
}
