package org.cockpit4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;

class ArrayDatasetTest {

  private static ArrayDataset threeSamples() {
    double[] inputs = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};
    return ArrayDataset.classification(inputs, Shape.of(2, 2), new int[] {2, 0, 1}, 3);
  }

  @Test
  void copiesSamplesAtOffsets() {
    ArrayDataset dataset = threeSamples();
    assertEquals(3, dataset.size());
    assertEquals(4, dataset.inputSize());
    assertEquals(Shape.scalar(), dataset.targetShape());
    assertTrue(dataset.isClassification());
    double[] destination = new double[6];
    dataset.copyInput(1, destination, 2);
    assertArrayEquals(new double[] {0, 0, 10, 11, 12, 13}, destination);
    dataset.copyTarget(0, destination, 5);
    assertEquals(2.0, destination[5]);
    assertEquals(1, dataset.label(2));
  }

  @Test
  void selectSliceAndScaleMakeNewDatasets() {
    ArrayDataset dataset = threeSamples();
    ArrayDataset selected = dataset.select(new int[] {2, 2, 0});
    assertEquals(3, selected.size());
    assertArrayEquals(new double[] {20, 21, 22, 23}, selected.input(1));
    assertEquals(2, selected.label(2));
    ArrayDataset slice = dataset.slice(1, 3);
    assertArrayEquals(new double[] {10, 11, 12, 13}, slice.input(0));
    assertEquals(0, slice.label(0));
    ArrayDataset scaled = dataset.scaleInputs(255);
    assertArrayEquals(new double[] {0, 255, 510, 765}, scaled.input(0));
    assertArrayEquals(new double[] {0, 1, 2, 3}, dataset.input(0));
  }

  @Test
  void constructorCopiesItsArrays() {
    double[] inputs = {1, 2};
    double[] targets = {3, 4};
    ArrayDataset dataset = ArrayDataset.regression(inputs, Shape.of(1), targets, Shape.of(1));
    inputs[0] = 99;
    targets[0] = 99;
    assertArrayEquals(new double[] {1}, dataset.input(0));
    assertArrayEquals(new double[] {3}, dataset.target(0));
    assertEquals(0, dataset.classes());
  }

  @Test
  void rejectsInconsistentArraysWithTheCounts() {
    IllegalArgumentException countMismatch =
        assertThrows(
            IllegalArgumentException.class,
            () -> ArrayDataset.classification(new double[8], Shape.of(4), new int[3], 2));
    assertTrue(countMismatch.getMessage().contains("2 samples"), countMismatch.getMessage());
    assertTrue(countMismatch.getMessage().contains("3 target values"));
    IllegalArgumentException ragged =
        assertThrows(
            IllegalArgumentException.class,
            () -> ArrayDataset.regression(new double[7], Shape.of(4), new double[2], Shape.of(1)));
    assertTrue(ragged.getMessage().contains("[4]"), ragged.getMessage());
    IllegalArgumentException badLabel =
        assertThrows(
            IllegalArgumentException.class,
            () -> ArrayDataset.classification(new double[2], Shape.of(1), new int[] {0, 5}, 3));
    assertTrue(badLabel.getMessage().contains("[0, 3)"), badLabel.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> threeSamples().input(3));
  }
}
