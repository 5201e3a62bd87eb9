package org.cockpit4j.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.Backends;
import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.data.BatchIterator;
import org.cockpit4j.examples.data.FashionMnist;
import org.cockpit4j.examples.experiment.run.Evaluation;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.models.Model;
import org.cockpit4j.nn.models.Models;
import org.cockpit4j.optim.Adam;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.optim.SgdOptions;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.train.StepMetrics;
import org.cockpit4j.train.Trainer;
import org.cockpit4j.train.TrainingSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cockpit train}: trains a DeepOBS network on Fashion-MNIST, printing progress and writing
 * per-step metrics ({@code metrics.jsonl}, flushed every step), the test-set evaluation and the
 * run's provenance ({@code summary.json}) to the output directory.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains a network on Fashion-MNIST and writes its metrics.")
final class TrainCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper JSON_LINES = new ObjectMapper();

  @Option(
      names = "--model",
      defaultValue = "mnist_mlp",
      description = "logreg, mnist_mlp, fmnist_2c2d")
  String modelName;

  @Option(names = "--steps", defaultValue = "300")
  int steps;

  @Option(names = "--batch-size", defaultValue = "128")
  int batchSize;

  @Option(names = "--optimizer", defaultValue = "sgd", description = "sgd or adam")
  String optimizerName;

  @Option(names = "--lr", defaultValue = "0.05", description = "learning rate")
  double learningRate;

  @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum")
  double momentum;

  @Option(names = "--dtype", defaultValue = "float32")
  String dtype;

  @Option(names = "--backend", defaultValue = "cpu")
  String backendName;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--data", description = "directory with the Fashion-MNIST IDX files")
  Path dataDirectory;

  @Option(names = "--out", defaultValue = "runs/train", description = "output directory")
  Path out;

  @Option(names = "--progress-every", defaultValue = "25")
  int progressEvery;

  @Override
  public Integer call() throws IOException {
    if (steps <= 0) {
      throw new IllegalArgumentException("--steps must be positive, got " + steps);
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("--lr must be positive, got " + learningRate);
    }
    DType type = DType.parse(dtype);
    ArrayDataset train = FashionMnist.load(FashionMnist.Split.TRAIN, dataDirectory);
    ArrayDataset test = FashionMnist.load(FashionMnist.Split.TEST, dataDirectory);
    Files.createDirectories(out);
    try (Backend backend = Backends.create(backendName, Map.of())) {
      Model model = Models.build(modelName, type, backend, seed);
      if (!model.inputShape().equals(train.inputShape())) {
        throw new IllegalArgumentException(
            "Model "
                + modelName
                + " expects inputs of shape "
                + model.inputShape()
                + " but Fashion-MNIST images have shape "
                + train.inputShape()
                + "; choose logreg, mnist_mlp or fmnist_2c2d");
      }
      Optimizer optimizer = optimizer(model);
      CrossEntropyLoss loss = new CrossEntropyLoss();
      Trainer trainer = new Trainer(model.network(), loss, optimizer);
      BatchIterator batches =
          BatchIterator.over(train)
              .batchSize(batchSize)
              .backend(backend)
              .dtype(type)
              .seed(seed)
              .shuffle(true)
              .endless(true)
              .build();
      System.out.printf(
          "Training %s on Fashion-MNIST (%d images) with %s, %d steps of batch %d on %s (%s)%n",
          modelName, train.size(), optimizer, steps, batchSize, backend.name(), type);
      TrainingSummary summary;
      Path metricsFile = out.resolve("metrics.jsonl");
      try (BufferedWriter metrics = Files.newBufferedWriter(metricsFile, StandardCharsets.UTF_8)) {
        Progress progress = new Progress(steps, progressEvery);
        trainer.addListener(
            step -> {
              writeMetrics(metrics, step);
              progress.report(step);
            });
        summary = trainer.run(batches, steps);
      }
      Evaluation evaluation = Evaluation.of(model.network(), loss, test, backend, type, 1000, true);
      System.out.printf(
          "Test set: loss %.4f, accuracy %.2f %% over %d images%n",
          evaluation.loss(), 100 * evaluation.accuracy(), evaluation.samples());
      writeSummary(backend, optimizer, summary, evaluation);
      System.out.println("Metrics and summary written to " + out.toAbsolutePath());
    }
    return 0;
  }

  private Optimizer optimizer(Model model) {
    var parameters = model.network().parameters();
    switch (optimizerName) {
      case "sgd":
        return new Sgd(parameters, SgdOptions.of(learningRate).withMomentum(momentum));
      case "adam":
        return new Adam(parameters, learningRate);
      default:
        throw new IllegalArgumentException(
            "Unknown --optimizer '" + optimizerName + "'. Known optimizers: sgd, adam.");
    }
  }

  private static void writeMetrics(BufferedWriter writer, StepMetrics step) {
    try {
      ObjectNode line = JSON.createObjectNode();
      line.put("step", step.globalStep());
      line.put("loss", step.loss());
      line.put("learning_rate", step.learningRate());
      line.put("step_ms", step.stepMilliseconds());
      writer.write(JSON_LINES.writeValueAsString(line));
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot write metrics: " + e.getMessage(), e);
    }
  }

  private void writeSummary(
      Backend backend, Optimizer optimizer, TrainingSummary summary, Evaluation evaluation)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", modelName);
    root.put("dataset", "fashion-mnist");
    root.put("steps", summary.stepsRun());
    root.put("batch_size", batchSize);
    root.put("optimizer", optimizer.toString());
    root.put("seed", seed);
    root.put("dtype", dtype);
    root.put("final_train_loss", summary.lastLoss());
    root.put("ms_per_step", summary.millisecondsPerStep());
    root.put("test_loss", evaluation.loss());
    root.put("test_accuracy", evaluation.accuracy());
    ObjectNode provenance = root.putObject("provenance");
    provenance.put("backend", backend.name());
    provenance.put("device", backend.deviceDescription());
    provenance.put("java", System.getProperty("java.version"));
    provenance.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    provenance.put("processors", Runtime.getRuntime().availableProcessors());
    provenance.put("cockpit4j", CockpitCli.class.getPackage().getImplementationVersion());
    JSON.writeValue(out.resolve("summary.json").toFile(), root);
  }
}
