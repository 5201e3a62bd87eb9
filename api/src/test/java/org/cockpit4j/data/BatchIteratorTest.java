package org.cockpit4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;

class BatchIteratorTest {
  private final HostArrayBackend backend = new HostArrayBackend();

  /** Sample i has input (i, i + 0.5) and label i % 3. */
  private static ArrayDataset samples(int count) {
    double[] inputs = new double[2 * count];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      inputs[2 * i] = i;
      inputs[2 * i + 1] = i + 0.5;
      labels[i] = i % 3;
    }
    return ArrayDataset.classification(inputs, Shape.of(2), labels, 3);
  }

  private BatchIterator.Builder iterator(int count) {
    return BatchIterator.over(samples(count)).backend(backend).batchSize(4).seed(7);
  }

  @Test
  void permutationIsAPermutationFixedBySeedAndEpoch() {
    int[] first = BatchIterator.permutation(50, 7, 0);
    int[] sorted = first.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 50; i++) {
      assertEquals(i, sorted[i]);
    }
    assertArrayEquals(first, BatchIterator.permutation(50, 7, 0));
    assertFalse(Arrays.equals(first, BatchIterator.permutation(50, 7, 1)));
    assertFalse(Arrays.equals(first, BatchIterator.permutation(50, 8, 0)));
    int[] identity = new int[50];
    Arrays.setAll(identity, i -> i);
    assertNotEquals(Arrays.toString(identity), Arrays.toString(first));
  }

  @Test
  void batchesHoldTheSamplesOfThePermutationWithLabelsAsValues() {
    BatchIterator batches = iterator(10).dtype(DType.FLOAT64).build();
    int[] order = BatchIterator.permutation(10, 7, 0);
    assertEquals(3, batches.batchesPerEpoch());
    List<Integer> sizes = new ArrayList<>();
    int seen = 0;
    while (batches.hasNext()) {
      try (Batch batch = batches.next()) {
        sizes.add(batch.size());
        assertEquals(Shape.of(batch.size(), 2), batch.inputs().shape());
        assertEquals(Shape.of(batch.size()), batch.targets().shape());
        assertEquals(DType.FLOAT64, batch.targets().dtype());
        double[] inputs = batch.inputs().toDoubleArray();
        double[] targets = batch.targets().toDoubleArray();
        for (int n = 0; n < batch.size(); n++) {
          int sample = order[seen + n];
          assertEquals(sample, inputs[2 * n]);
          assertEquals(sample + 0.5, inputs[2 * n + 1]);
          assertEquals(sample % 3, targets[n]);
        }
        seen += batch.size();
      }
    }
    assertEquals(List.of(4, 4, 2), sizes);
    assertEquals(0, backend.liveBuffers());
    NoSuchElementException end = assertThrows(NoSuchElementException.class, batches::next);
    assertTrue(end.getMessage().contains("endless"), end.getMessage());
  }

  @Test
  void twoIteratorsWithTheSameSettingsAgree() {
    BatchIterator a = iterator(10).endless(true).build();
    BatchIterator b = iterator(10).endless(true).build();
    for (int step = 0; step < 7; step++) {
      assertArrayEquals(a.nextIndices(), b.nextIndices());
    }
  }

  @Test
  void dropLastSkipsTheShortBatch() {
    BatchIterator batches = iterator(10).dropLast(true).build();
    assertEquals(2, batches.batchesPerEpoch());
    assertEquals(4, batches.nextIndices().length);
    assertEquals(4, batches.nextIndices().length);
    assertFalse(batches.hasNext());
  }

  @Test
  void endlessModeCyclesEpochsWithFreshPermutations() {
    BatchIterator batches = iterator(8).endless(true).build();
    int[] epoch0 = concat(batches.nextIndices(), batches.nextIndices());
    assertEquals(0, batches.epoch() - 1, "the next batch starts epoch 1");
    int[] epoch1 = concat(batches.nextIndices(), batches.nextIndices());
    assertArrayEquals(BatchIterator.permutation(8, 7, 0), epoch0);
    assertArrayEquals(BatchIterator.permutation(8, 7, 1), epoch1);
    assertTrue(batches.hasNext());
    assertEquals(2, batches.epoch());
  }

  @Test
  void withoutShufflingEveryEpochIsInDatasetOrder() {
    BatchIterator batches = iterator(6).shuffle(false).endless(true).build();
    assertArrayEquals(new int[] {0, 1, 2, 3}, batches.nextIndices());
    assertArrayEquals(new int[] {4, 5}, batches.nextIndices());
    assertArrayEquals(new int[] {0, 1, 2, 3}, batches.nextIndices());
  }

  @Test
  void regressionTargetsKeepTheirShapeAndFloat32Rounds() {
    ArrayDataset dataset =
        ArrayDataset.regression(
            new double[] {0.1, 0.2, 0.3},
            Shape.of(1),
            new double[] {1, 2, 3, 4, 5, 6},
            Shape.of(2));
    BatchIterator batches =
        BatchIterator.over(dataset).backend(backend).batchSize(3).shuffle(false).build();
    try (Batch batch = batches.next()) {
      assertEquals(Shape.of(3, 2), batch.targets().shape());
      assertEquals(DType.FLOAT32, batch.inputs().dtype());
      assertEquals((float) 0.1, batch.inputs().toDoubleArray()[0]);
      assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, batch.targets().toDoubleArray());
    }
  }

  @Test
  void rejectsSettingsThatCannotYieldBatches() {
    IllegalArgumentException tooSmall =
        assertThrows(
            IllegalArgumentException.class, () -> iterator(3).dropLast(true).endless(true).build());
    assertTrue(tooSmall.getMessage().contains("3 samples"), tooSmall.getMessage());
    assertThrows(IllegalArgumentException.class, () -> iterator(3).batchSize(0).build());
    assertThrows(
        NullPointerException.class, () -> BatchIterator.over(samples(2)).batchSize(1).build());
  }

  private static int[] concat(int[] a, int[] b) {
    int[] result = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, result, a.length, b.length);
    return result;
  }
}
