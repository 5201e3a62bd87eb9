package org.cockpit4j.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.checkpoint.Checkpointable;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * Cuts a {@link Dataset} into {@link Batch}es on a backend.
 *
 * <p>Each epoch visits the samples in the order of {@link #permutation(int, long, int)} for that
 * epoch: a fixed function of the seed and the epoch number (identity when shuffling is off), so two
 * iterators with the same settings yield the same batches on every backend. The last, smaller batch
 * of an epoch is kept unless {@code dropLast} is set. In endless mode the iterator moves on to the
 * next epoch (with its own permutation) instead of ending.
 *
 * <p>Batch tensors are created in the caller's current {@code TensorScope}, if any; otherwise the
 * caller owns them and closes the {@link Batch}. Classification targets are class indices stored as
 * integer values in the batch dtype, shape {@code [N]}; regression targets have shape {@code [N,
 * *targetShape]}.
 *
 * <pre>{@code
 * BatchIterator batches = BatchIterator.over(train).batchSize(128).backend(cpu)
 *     .dtype(DType.FLOAT32).seed(42).endless(true).build();
 * try (Batch batch = batches.next()) { ... }
 * }</pre>
 *
 * <p>Checkpoints: the state is the epoch and the position in it (the epoch's order follows from the
 * seed); an iterator restored into one with the same settings yields the same batches from there
 * on.
 */
public final class BatchIterator implements Iterator<Batch>, Checkpointable {
  private final Dataset dataset;
  private final Backend backend;
  private final DType dtype;
  private final int batchSize;
  private final long seed;
  private final boolean shuffle;
  private final boolean dropLast;
  private final boolean endless;
  private final int samplesPerEpoch;

  private int epoch;
  private int position;
  private int[] order;

  private BatchIterator(Builder builder) {
    this.dataset = builder.dataset;
    this.backend = Objects.requireNonNull(builder.backend, "backend must be set");
    this.dtype = builder.dtype;
    this.batchSize = builder.batchSize;
    this.seed = builder.seed;
    this.shuffle = builder.shuffle;
    this.dropLast = builder.dropLast;
    this.endless = builder.endless;
    if (batchSize <= 0) {
      throw new IllegalArgumentException("Batch size must be positive, got " + batchSize);
    }
    if (!backend.supports(dtype)) {
      throw new IllegalArgumentException(
          "Backend '" + backend.name() + "' does not support dtype " + dtype);
    }
    int size = dataset.size();
    this.samplesPerEpoch = dropLast ? size - size % batchSize : size;
    if (endless && samplesPerEpoch == 0) {
      throw new IllegalArgumentException(
          "An endless iterator needs at least one batch per epoch, but the dataset has "
              + size
              + " samples"
              + (dropLast
                  ? " (fewer than the batch size " + batchSize + ", and dropLast is set)"
                  : ""));
    }
    this.order = permutation(size, seed, 0, shuffle);
  }

  /** Starts configuring an iterator over {@code dataset}. */
  public static Builder over(Dataset dataset) {
    return new Builder(dataset);
  }

  /**
   * The order in which epoch {@code epoch} visits {@code size} samples when shuffling: a
   * Fisher-Yates shuffle driven by {@link CounterRandom#uniform} with the stream seed {@code
   * CounterRandom.mix(seed, epoch)}, draw {@code k} deciding position {@code size-1-k}.
   */
  public static int[] permutation(int size, long seed, int epoch) {
    return permutation(size, seed, epoch, true);
  }

  private static int[] permutation(int size, long seed, int epoch, boolean shuffle) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    if (!shuffle) {
      return order;
    }
    long stream = CounterRandom.mix(seed, epoch);
    for (int i = size - 1; i > 0; i--) {
      int j = (int) (CounterRandom.uniform(stream, size - 1 - i) * (i + 1));
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** Number of batches one epoch yields. */
  public int batchesPerEpoch() {
    return (samplesPerEpoch + batchSize - 1) / batchSize;
  }

  /** The epoch (0-based) the next batch belongs to. */
  public int epoch() {
    rollOverIfEndless();
    return epoch;
  }

  @Override
  public boolean hasNext() {
    return endless || position < samplesPerEpoch;
  }

  /**
   * The dataset indices of the next batch, advancing the iterator without creating tensors (for
   * host-side consumers and tests).
   */
  public int[] nextIndices() {
    if (!hasNext()) {
      throw new NoSuchElementException(
          "The iterator is exhausted after "
              + batchesPerEpoch()
              + " batches; use endless(true) to cycle through epochs");
    }
    rollOverIfEndless();
    int count = Math.min(batchSize, samplesPerEpoch - position);
    int[] indices = new int[count];
    System.arraycopy(order, position, indices, 0, count);
    position += count;
    return indices;
  }

  /** The next batch on the backend, in the configured dtype. */
  @Override
  public Batch next() {
    int[] indices = nextIndices();
    int count = indices.length;
    int inputSize = dataset.inputSize();
    int targetSize = dataset.targetSize();
    double[] inputs = new double[count * inputSize];
    double[] targets = new double[count * targetSize];
    for (int i = 0; i < count; i++) {
      dataset.copyInput(indices[i], inputs, i * inputSize);
      dataset.copyTarget(indices[i], targets, i * targetSize);
    }
    Shape inputShape = dataset.inputShape().prepend(count);
    Shape targetShape = dataset.targetShape().prepend(count);
    Tensor inputTensor = backend.fromArray(inputs, inputShape, dtype);
    Tensor targetTensor;
    try {
      targetTensor = backend.fromArray(targets, targetShape, dtype);
    } catch (RuntimeException e) {
      inputTensor.close();
      throw e;
    }
    return new Batch(inputTensor, targetTensor);
  }

  /** The epoch and position, with the settings they need (checked when restoring). */
  @Override
  public void saveState(StateWriter state) {
    state.putInt("epoch", epoch);
    state.putInt("position", position);
    state.putInt("dataset_size", dataset.size());
    state.putInt("batch_size", batchSize);
    state.putLong("seed", seed);
    state.putBoolean("shuffle", shuffle);
    state.putBoolean("drop_last", dropLast);
  }

  /** Continues at the saved epoch and position; fails when the settings differ. */
  @Override
  public void restoreState(StateReader state) {
    check(state, "dataset_size", state.getInt("dataset_size"), dataset.size());
    check(state, "batch_size", state.getInt("batch_size"), batchSize);
    check(state, "seed", state.getLong("seed"), seed);
    check(state, "shuffle", state.getBoolean("shuffle"), shuffle);
    check(state, "drop_last", state.getBoolean("drop_last"), dropLast);
    int savedEpoch = state.getInt("epoch");
    int savedPosition = state.getInt("position");
    if (savedEpoch < 0 || savedPosition < 0 || savedPosition > samplesPerEpoch) {
      throw state.error(
          "batch position "
              + savedPosition
              + " of epoch "
              + savedEpoch
              + " is outside an epoch of "
              + samplesPerEpoch
              + " samples");
    }
    epoch = savedEpoch;
    position = savedPosition;
    order = permutation(dataset.size(), seed, epoch, shuffle);
  }

  private static void check(StateReader state, String key, Object saved, Object current) {
    if (!saved.equals(current)) {
      throw state.error(
          "the saved batch iterator has " + key + " " + saved + ", this one " + current);
    }
  }

  private void rollOverIfEndless() {
    if (endless && position >= samplesPerEpoch) {
      epoch++;
      position = 0;
      order = permutation(dataset.size(), seed, epoch, shuffle);
    }
  }

  /**
   * Settings of a {@link BatchIterator}; defaults: float32, seed 0, shuffled, finite, keep last.
   */
  public static final class Builder {
    private final Dataset dataset;
    private Backend backend;
    private DType dtype = DType.FLOAT32;
    private int batchSize = 1;
    private long seed;
    private boolean shuffle = true;
    private boolean dropLast;
    private boolean endless;

    private Builder(Dataset dataset) {
      this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /** Samples per batch (the last batch of an epoch may be smaller unless dropLast). */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** The backend that receives the batch tensors (required). */
    public Builder backend(Backend backend) {
      this.backend = backend;
      return this;
    }

    /** The dtype of inputs and targets. */
    public Builder dtype(DType dtype) {
      this.dtype = Objects.requireNonNull(dtype, "dtype");
      return this;
    }

    /** Seed of the per-epoch permutations. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Whether to shuffle (otherwise every epoch visits the samples in dataset order). */
    public Builder shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /** Whether to drop the last batch of an epoch when it is smaller than the batch size. */
    public Builder dropLast(boolean dropLast) {
      this.dropLast = dropLast;
      return this;
    }

    /** Whether to cycle through epochs forever instead of stopping after one. */
    public Builder endless(boolean endless) {
      this.endless = endless;
      return this;
    }

    /** Creates the iterator, positioned at the first batch of epoch 0. */
    public BatchIterator build() {
      return new BatchIterator(this);
    }
  }
}
