package org.cockpit4j.data;

import java.util.Arrays;
import org.cockpit4j.tensor.Shape;

/**
 * A {@link Dataset} held in two host arrays: the inputs of all samples back to back (row-major,
 * sample after sample) and their targets (a class index per sample, or D regression values).
 *
 * <p>Immutable: the constructor copies the arrays it is given, and the transformations ({@link
 * #select}, {@link #slice}, {@link #scaleInputs}) return new datasets.
 */
public final class ArrayDataset implements Dataset {
  private final double[] inputs;
  private final Shape inputShape;
  private final double[] targets;
  private final Shape targetShape;
  private final int classes;
  private final int size;
  private final int inputSize;
  private final int targetSize;

  /**
   * Creates a dataset from flat arrays.
   *
   * @param inputs {@code size * inputShape.size()} values, sample after sample
   * @param inputShape per-sample input shape
   * @param targets {@code size * targetShape.size()} values
   * @param targetShape {@code []} for classification (one class index per sample), {@code [D]} (or
   *     any shape) for regression
   * @param classes number of classes ({@code > 0}: targets must be integers in {@code [0,
   *     classes)}), or 0 for regression
   */
  public ArrayDataset(
      double[] inputs, Shape inputShape, double[] targets, Shape targetShape, int classes) {
    this(inputs, inputShape, targets, targetShape, classes, true);
  }

  private ArrayDataset(
      double[] inputs,
      Shape inputShape,
      double[] targets,
      Shape targetShape,
      int classes,
      boolean copy) {
    if (classes < 0) {
      throw new IllegalArgumentException("classes must be >= 0 (0 = regression), got " + classes);
    }
    if (classes > 0 && targetShape.rank() != 0) {
      throw new IllegalArgumentException(
          "A classification dataset has scalar targets (shape []), got target shape "
              + targetShape);
    }
    this.inputShape = inputShape;
    this.targetShape = targetShape;
    this.classes = classes;
    this.inputSize = inputShape.sizeAsInt();
    this.targetSize = targetShape.sizeAsInt();
    if (inputSize == 0) {
      throw new IllegalArgumentException("Input shape " + inputShape + " has no elements");
    }
    if (inputs.length % inputSize != 0) {
      throw new IllegalArgumentException(
          inputs.length
              + " input values are not a whole number of samples of shape "
              + inputShape
              + " ("
              + inputSize
              + " values each)");
    }
    this.size = inputs.length / inputSize;
    if ((long) size * targetSize != targets.length) {
      throw new IllegalArgumentException(
          "Inputs hold "
              + size
              + " samples of shape "
              + inputShape
              + " but there are "
              + targets.length
              + " target values; expected "
              + ((long) size * targetSize)
              + " ("
              + size
              + " x target shape "
              + targetShape
              + ")");
    }
    if (classes > 0) {
      for (int i = 0; i < targets.length; i++) {
        double label = targets[i];
        if (label != Math.rint(label) || label < 0 || label >= classes) {
          throw new IllegalArgumentException(
              "Target of sample "
                  + i
                  + " is "
                  + label
                  + ", not a class index in [0, "
                  + classes
                  + ")");
        }
      }
    }
    this.inputs = copy ? inputs.clone() : inputs;
    this.targets = copy ? targets.clone() : targets;
  }

  /**
   * Like the constructor, but takes ownership of the arrays instead of copying them (for large
   * datasets read from files); the caller must not modify them afterwards.
   */
  public static ArrayDataset adopt(
      double[] inputs, Shape inputShape, double[] targets, Shape targetShape, int classes) {
    return new ArrayDataset(inputs, inputShape, targets, targetShape, classes, false);
  }

  /** A classification dataset with one class index per sample. */
  public static ArrayDataset classification(
      double[] inputs, Shape inputShape, int[] labels, int classes) {
    if (classes <= 0) {
      throw new IllegalArgumentException("A classification dataset needs classes > 0");
    }
    double[] targets = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      targets[i] = labels[i];
    }
    return new ArrayDataset(inputs, inputShape, targets, Shape.scalar(), classes);
  }

  /** A regression dataset with targets of shape {@code targetShape} per sample. */
  public static ArrayDataset regression(
      double[] inputs, Shape inputShape, double[] targets, Shape targetShape) {
    return new ArrayDataset(inputs, inputShape, targets, targetShape, 0);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Shape inputShape() {
    return inputShape;
  }

  @Override
  public int classes() {
    return classes;
  }

  @Override
  public Shape targetShape() {
    return targetShape;
  }

  @Override
  public void copyInput(int index, double[] destination, int offset) {
    checkIndex(index);
    System.arraycopy(inputs, index * inputSize, destination, offset, inputSize);
  }

  @Override
  public void copyTarget(int index, double[] destination, int offset) {
    checkIndex(index);
    System.arraycopy(targets, index * targetSize, destination, offset, targetSize);
  }

  /** Sample {@code index}'s input, row-major (a copy). */
  public double[] input(int index) {
    double[] result = new double[inputSize];
    copyInput(index, result, 0);
    return result;
  }

  /** Sample {@code index}'s target (a copy; one element for a class index). */
  public double[] target(int index) {
    double[] result = new double[targetSize];
    copyTarget(index, result, 0);
    return result;
  }

  /** Sample {@code index}'s class index; fails for a regression dataset. */
  public int label(int index) {
    if (classes == 0) {
      throw new IllegalStateException("A regression dataset has no class labels");
    }
    checkIndex(index);
    return (int) targets[index];
  }

  /** The samples at {@code indices}, in that order (repetitions allowed). */
  public ArrayDataset select(int[] indices) {
    double[] selectedInputs = new double[indices.length * inputSize];
    double[] selectedTargets = new double[indices.length * targetSize];
    for (int i = 0; i < indices.length; i++) {
      copyInput(indices[i], selectedInputs, i * inputSize);
      copyTarget(indices[i], selectedTargets, i * targetSize);
    }
    return adopt(selectedInputs, inputShape, selectedTargets, targetShape, classes);
  }

  /** Samples {@code from..to-1}. */
  public ArrayDataset slice(int from, int to) {
    if (from < 0 || to > size || from > to) {
      throw new IllegalArgumentException(
          "Slice [" + from + ", " + to + ") is out of range for a dataset of " + size + " samples");
    }
    return adopt(
        Arrays.copyOfRange(inputs, from * inputSize, to * inputSize),
        inputShape,
        Arrays.copyOfRange(targets, from * targetSize, to * targetSize),
        targetShape,
        classes);
  }

  /** The same samples with every input value multiplied by {@code factor} (targets unchanged). */
  public ArrayDataset scaleInputs(double factor) {
    double[] scaled = new double[inputs.length];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = inputs[i] * factor;
    }
    return adopt(scaled, inputShape, targets, targetShape, classes);
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(
          "Sample index " + index + " is out of range for a dataset of " + size + " samples");
    }
  }

  @Override
  public String toString() {
    return "ArrayDataset["
        + size
        + " samples, input "
        + inputShape
        + (classes > 0 ? ", " + classes + " classes]" : ", target " + targetShape + "]");
  }
}
