/**
 * Checkpoints: the state SPI ({@link org.cockpit4j.checkpoint.Checkpointable} with {@link
 * org.cockpit4j.checkpoint.StateWriter} and {@link org.cockpit4j.checkpoint.StateReader}) and the
 * on-disk store ({@link org.cockpit4j.checkpoint.CheckpointStore}).
 *
 * <p>A state is a tree of typed values: integers, booleans, strings, doubles (their raw bits, so
 * NaN payloads and −0 survive), arrays and tensors (raw little-endian float32/float64/int64 in a
 * binary file next to the JSON, never through decimal text) and nested states, each stamped with
 * its {@linkplain org.cockpit4j.checkpoint.Checkpointable#stateVersion() version}. Restoring a
 * checkpoint into objects built from the same configuration continues training bit for bit.
 *
 * <pre>{@code
 * CheckpointStore store = new CheckpointStore(runDirectory.resolve("checkpoints"), 2);
 * store.save(trainer.globalStep(), manifest, state -> state.putState("trainer", trainer));
 * // later, in a new process, with the same model, optimizer and Cockpit rebuilt:
 * Checkpoint checkpoint = store.readLatest(backend);
 * checkpoint.state().restoreState("trainer", trainer);
 * }</pre>
 */
package org.cockpit4j.checkpoint;
