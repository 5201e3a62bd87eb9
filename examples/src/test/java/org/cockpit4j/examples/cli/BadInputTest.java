package org.cockpit4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cockpit4j.backend.BackendProvider;
import org.cockpit4j.backend.Backends;
import org.cockpit4j.backend.opencl.OpenClBackend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every kind of bad input to {@code cockpit run} exits with 2 before training, with one message
 * naming the file and line (or the option), the key or shape, and a fix, and no stack trace. So
 * does a model the OpenCL device cannot run, once the run has started (skipped without OpenCL).
 */
class BadInputTest {
  private static final String TINY =
      """
      name: tiny
      data:
        dataset: {type: class_templates}
        batch_size: 8
      model:
        layers: [{type: flatten}, {type: linear, in: 64, out: 4}]
      loss: cross_entropy
      optimizer: {type: sgd, lr: 0.1}
      training: {steps: 3}
      cockpit: {preset: economy}
      """;

  @TempDir Path directory;

  /** A case: the file's text (null: no file), extra arguments, and what the message must say. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "malformed YAML",
            "name: x\ndata: {dataset: [\n",
            List.of(),
            "test.yaml:",
            "not valid YAML"),
        Arguments.of("tab indentation", "name: x\n\tdata: 1\n", List.of(), "test.yaml:1:", "Fix:"),
        Arguments.of(
            "wrong type",
            TINY.replace("batch_size: 8", "batch_size: eight"),
            List.of(),
            "test.yaml:4:",
            "data.batch_size"),
        Arguments.of(
            "unknown key",
            TINY.replace("batch_size: 8", "batchsize: 8"),
            List.of(),
            "test.yaml:4:",
            "did you mean 'batch_size'"),
        Arguments.of(
            "unknown layer type",
            TINY.replace("{type: flatten}", "{type: flaten}"),
            List.of(),
            "test.yaml:6:",
            "did you mean 'flatten'"),
        Arguments.of(
            "unknown quantity",
            TINY.replace("{preset: economy}", "{quantities: [{type: GradNrom}]}"),
            List.of(),
            "test.yaml:10:",
            "did you mean 'GradNorm'"),
        Arguments.of("missing file", null, List.of(), "missing.yaml", "does not exist"),
        Arguments.of(
            "zero batch size",
            TINY.replace("batch_size: 8", "batch_size: 0"),
            List.of(),
            "test.yaml:4:15: data.batch_size",
            "at least 1"),
        Arguments.of(
            "negative batch size",
            TINY.replace("batch_size: 8", "batch_size: -2"),
            List.of(),
            "test.yaml:4:",
            "at least 1"),
        Arguments.of(
            "zero steps",
            TINY.replace("steps: 3", "steps: 0"),
            List.of(),
            "training.steps",
            "at least 1"),
        Arguments.of(
            "negative steps option", TINY, List.of("--steps", "-5"), "--steps", "at least 1"),
        Arguments.of(
            "zero learning rate",
            TINY.replace("lr: 0.1", "lr: 0"),
            List.of(),
            "optimizer.lr",
            "positive"),
        Arguments.of(
            "negative learning rate",
            TINY.replace("lr: 0.1", "lr: -0.1"),
            List.of(),
            "optimizer.lr",
            "positive"),
        Arguments.of(
            "infinite learning rate",
            TINY.replace("lr: 0.1", "lr: 1e999"),
            List.of(),
            "optimizer.lr",
            "finite"),
        Arguments.of(
            "shapes that do not chain",
            TINY.replace("in: 64", "in: 60"),
            List.of(),
            "model.layers[1]",
            "set in: 64 (was 60)"),
        Arguments.of(
            "no flatten",
            TINY.replace("{type: flatten}, ", ""),
            List.of(),
            "model.layers[0]",
            "flatten"),
        Arguments.of(
            "bad on_divergence",
            TINY.replace("steps: 3", "steps: 3, on_divergence: maybe"),
            List.of(),
            "training.on_divergence",
            "Known: stop, continue"),
        Arguments.of(
            "corrupt IDX files",
            TINY.replace("{type: class_templates}", "{type: fashion_mnist, directory: IDX}")
                .replace("in: 64, out: 4", "in: 784, out: 10"),
            List.of(),
            "data.dataset",
            "bad magic number"),
        Arguments.of(
            "unknown --set key",
            TINY,
            List.of("--set", "optimiser.lr=1"),
            "--set optimiser.lr=1",
            "did you mean 'optimizer'"));
  }

  /**
   * A model whose activations do not fit one buffer of the OpenCL device: a 1×1 convolution to 4096
   * channels of 64×64 images makes a [batch, 4096, 4096] product, and the batch is chosen just over
   * the device's buffer limit. The parameters are small, so the validator's CPU probe passes and
   * the run starts; the first forward pass fails on the device.
   */
  @Test
  void activationsLargerThanTheOpenClDeviceAllowsExitWithTwo() throws Exception {
    BackendProvider opencl =
        Backends.providers().stream()
            .filter(provider -> provider.name().equals("opencl"))
            .findFirst()
            .orElse(null);
    Assumptions.assumeTrue(opencl != null && opencl.isAvailable(), "OpenCL is unavailable");
    long limit = ((OpenClBackend) opencl.create(Map.of())).maxBufferBytes();
    long perSample = 4096L * 4096 * 4;
    long batch = limit / perSample + 1;
    Assumptions.assumeTrue(
        batch * perSample / 4 <= Integer.MAX_VALUE,
        "the device allows buffers larger than any tensor (" + limit + " bytes)");
    String yaml =
        """
        name: too_big
        data:
          dataset: {type: random_images, shape: [1, 64, 64], classes: 4, samples: BATCH}
          batch_size: BATCH
        model:
          layers:
            - {type: conv2d, in_channels: 1, out_channels: 4096, kernel_size: 1}
            - {type: avgpool2d, kernel_size: 64}
            - {type: flatten}
            - {type: linear, in: 4096, out: 4}
        loss: cross_entropy
        optimizer: {type: sgd, lr: 0.1}
        training: {steps: 1}
        cockpit: {preset: economy}
        backend: {type: opencl}
        """
            .replace("BATCH", Long.toString(batch));
    Path file = directory.resolve("test.yaml");
    Files.writeString(file, yaml);
    StringWriter err = new StringWriter();
    CommandLine commandLine = CockpitCli.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));
    int code =
        commandLine.execute(
            "run", file.toString(), "--quiet", "--out", directory.resolve("out").toString());
    String message = err.toString();
    assertEquals(2, code, message);
    assertTrue(message.contains("failed at step 0"), message);
    assertTrue(message.contains("tensor of shape [" + batch + ", 4096"), message);
    assertTrue(message.contains("buffers of at most " + limit + " bytes"), message);
    assertTrue(message.contains("Fix: "), message);
    assertTrue(message.contains("backend: {type: cpu}"), message);
    assertFalse(message.contains("\tat "), "a stack trace in " + message);
    assertEquals(1, message.strip().lines().count(), "one paragraph: " + message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exitsWithTwoAndAMessageWithoutStackTrace(
      String name, String yaml, List<String> extra, String where, String what) throws Exception {
    Path idx = directory.resolve("idx");
    Files.createDirectories(idx);
    byte[] garbage = new byte[64];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (31 * i + 7);
    }
    for (String file :
        List.of(
            "train-images-idx3-ubyte",
            "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte")) {
      Files.write(idx.resolve(file), garbage);
    }
    Path file = directory.resolve(yaml == null ? "missing.yaml" : "test.yaml");
    if (yaml != null) {
      Files.writeString(file, yaml.replace("IDX", idx.toString()));
    }
    List<String> args = new ArrayList<>(List.of("run", file.toString(), "--quiet"));
    args.add("--out");
    args.add(directory.resolve("out").toString());
    args.addAll(extra);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = CockpitCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args.toArray(String[]::new));
    String message = err.toString();
    assertEquals(2, code, name + ": " + message + out);
    assertTrue(message.contains(where), name + ": expected '" + where + "' in " + message);
    assertTrue(message.contains(what), name + ": expected '" + what + "' in " + message);
    assertFalse(message.contains("\tat "), name + ": a stack trace in " + message);
    assertFalse(Files.exists(directory.resolve("out/metrics.jsonl")), name + ": nothing trains");
  }
}
