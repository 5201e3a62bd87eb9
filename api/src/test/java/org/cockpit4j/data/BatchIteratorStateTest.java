package org.cockpit4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cockpit4j.checkpoint.CheckpointException;
import org.cockpit4j.checkpoint.StateSnapshot;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;

/** A {@link BatchIterator} restored mid-epoch and at an epoch's end yields the same batches. */
class BatchIteratorStateTest {
  private final HostArrayBackend backend = new HostArrayBackend();

  private BatchIterator iterator(long seed) {
    ArrayDataset data =
        ArrayDataset.regression(new double[11], Shape.of(1), new double[11], Shape.of(1));
    return BatchIterator.over(data).batchSize(3).backend(backend).seed(seed).endless(true).build();
  }

  @Test
  void continuesWithTheSameIndicesAcrossEpochs() {
    for (int cut : new int[] {0, 2, 4, 5, 9}) {
      BatchIterator uninterrupted = iterator(5);
      BatchIterator first = iterator(5);
      for (int i = 0; i < cut; i++) {
        first.nextIndices();
      }
      StateSnapshot state = StateSnapshot.of(writer -> writer.putState("data", first));
      BatchIterator resumed = iterator(5);
      state.reader(backend).restoreState("data", resumed);
      for (int i = 0; i < cut; i++) {
        uninterrupted.nextIndices();
      }
      for (int i = 0; i < 10; i++) {
        assertArrayEquals(uninterrupted.nextIndices(), resumed.nextIndices(), "cut " + cut);
      }
      assertEquals(uninterrupted.epoch(), resumed.epoch());
    }
  }

  @Test
  void anotherSeedIsRefused() {
    BatchIterator saved = iterator(5);
    StateSnapshot state = StateSnapshot.of(writer -> writer.putState("data", saved));
    CheckpointException error =
        assertThrows(
            CheckpointException.class,
            () -> state.reader(backend).restoreState("data", iterator(6)));
    assertTrue(error.getMessage().contains("seed 5, this one 6"), error.getMessage());
  }
}
