package org.cockpit4j.examples.cli;

import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.data.Batch;
import org.cockpit4j.data.BatchIterator;
import org.cockpit4j.data.synthetic.RandomImages;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.models.Model;
import org.cockpit4j.nn.models.Models;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.train.Trainer;

/**
 * A benchmark problem: one of the DeepOBS networks with cross-entropy, plain SGD and a few fixed
 * random batches of the problem's input shape (Fashion-MNIST or CIFAR-10 shapes). Random data times
 * the same arithmetic as real data and needs no download.
 */
final class BenchProblem implements AutoCloseable {
  private static final List<String> PROBLEMS =
      List.of("logreg", "mnist_mlp", "fmnist_2c2d", "cifar10_3c3d", "cifar100_allcnnc");
  private static final int DISTINCT_BATCHES = 4;

  final Model model;
  final Trainer trainer;
  final List<Batch> batches;

  private BenchProblem(Model model, Trainer trainer, List<Batch> batches) {
    this.model = model;
    this.trainer = trainer;
    this.batches = batches;
  }

  /** Builds {@code problem} on {@code backend}; fails listing the known problems. */
  static BenchProblem create(
      String problem, Backend backend, DType dtype, int batchSize, long seed) {
    requireKnown(problem);
    if (batchSize <= 0) {
      throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize);
    }
    Model model = Models.build(problem, dtype, backend, seed);
    int classes = model.outputShape().dim(0);
    var data =
        RandomImages.create(model.inputShape(), classes, batchSize * DISTINCT_BATCHES, seed + 1);
    BatchIterator iterator =
        BatchIterator.over(data)
            .batchSize(batchSize)
            .backend(backend)
            .dtype(dtype)
            .seed(seed)
            .shuffle(false)
            .build();
    List<Batch> batches = new java.util.ArrayList<>();
    for (int i = 0; i < DISTINCT_BATCHES; i++) {
      batches.add(iterator.next());
    }
    Trainer trainer =
        new Trainer(
            model.network(), new CrossEntropyLoss(), new Sgd(model.network().parameters(), 0.01));
    return new BenchProblem(model, trainer, batches);
  }

  /** Fails listing the known problems unless {@code problem} is one. */
  static void requireKnown(String problem) {
    if (!PROBLEMS.contains(problem)) {
      throw new IllegalArgumentException(
          "Unknown benchmark problem '"
              + problem
              + "'. Known problems: "
              + String.join(", ", PROBLEMS)
              + ".");
    }
  }

  /** The known problem names. */
  static List<String> names() {
    return PROBLEMS;
  }

  @Override
  public void close() {
    batches.forEach(Batch::close);
  }
}
