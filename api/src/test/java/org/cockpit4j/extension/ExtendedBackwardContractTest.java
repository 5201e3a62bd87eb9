package org.cockpit4j.extension;

import static org.cockpit4j.extension.Checks.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.extension.batchgrad.BatchGradLinear;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.LossValue;
import org.cockpit4j.nn.MseLoss;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.ReLU;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.nn.Sigmoid;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour of {@link ExtendedBackward} beyond the numbers: gradients equal to the plain
 * backward pass, streaming order and lifetime of results, what gets materialised, and missing rules
 * in strict and lenient mode.
 */
public abstract class ExtendedBackwardContractTest {

  /** The backend under test. */
  protected abstract Backend backend();

  private TensorScope scope;

  static Stream<String> nets() {
    return TinyNets.names().stream();
  }

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  @ParameterizedTest
  @MethodSource("nets")
  void gradientsEqualThoseOfThePlainBackwardPass(String name) {
    TinyNet net = TinyNets.build(name, backend());
    net.forward();
    net.model().backward(net.loss().backward(), false);
    double[] plain = net.gradient();
    ExtendedBackward engine = ExtendedBackward.of(net.model());
    engine.backward(net.loss());
    assertArrayEquals(plain, net.gradient(), name + ": engine without extensions");
    engine.backward(net.loss(), ExtensionSet.of(Extensions.all()), ExtensionConsumer.discarding());
    assertArrayEquals(plain, net.gradient(), name + ": engine with every extension");
  }

  @Test
  void resultsStreamFromTheLastLayerToTheFirstAndAreClosedAfterTheirCall() {
    TinyNet net = TinyNets.build("mlp_sigmoid_tanh_ce", backend());
    net.forward();
    List<Parameter> parameters = net.parameters();
    List<String> seen = new ArrayList<>();
    List<Tensor> delivered = new ArrayList<>();
    ExtensionSet extensions = ExtensionSet.of(Extensions.all());
    ExtendedBackward.of(net.model())
        .backward(
            net.loss(),
            extensions,
            (parameter, extension, result) -> {
              assertFalse(result.isClosed(), "a result is open during its call");
              seen.add(parameter.name() + " " + extension.name());
              delivered.add(result);
              assertEquals(expectedShape(parameter, extension, net.batchSize()), result.shape());
            });
    assertEquals(parameters.size() * extensions.size(), seen.size(), seen.toString());
    assertEquals(seen.size(), new java.util.HashSet<>(seen).size(), "each result once");
    int previousLayer = Integer.MAX_VALUE;
    for (String entry : seen) {
      int layer = Integer.parseInt(entry.substring(0, entry.indexOf('.')));
      assertTrue(layer <= previousLayer, "results arrive from the last layer first: " + seen);
      previousLayer = layer;
    }
    for (Tensor result : delivered) {
      assertTrue(result.isClosed(), "every result is closed after its call");
    }
  }

  private static Shape expectedShape(Parameter parameter, Extension extension, int batch) {
    return switch (extension.name()) {
      case BatchGrad.NAME -> parameter.shape().prepend(batch);
      case BatchL2Grad.NAME -> Shape.of(batch);
      case BatchDot.NAME -> Shape.of(batch, batch);
      default -> parameter.shape();
    };
  }

  @Test
  void onlyBatchGradFormsPerSampleGradientsOfLinearLayers() {
    RecordingBackend recording = new RecordingBackend(backend());
    int batch = 6;
    int in = 30;
    int out = 20;
    Initializer init = new Initializer(recording, DType.FLOAT64, 3);
    Sequential model =
        new Sequential(new Linear(init, in, out), new ReLU(), new Linear(init, out, 4));
    Loss loss = new CrossEntropyLoss();
    loss.forward(
        model.forward(normal(recording, Shape.of(batch, in))), labels(recording, batch, 4));
    ExtendedBackward engine = ExtendedBackward.of(model);
    recording.reset();
    engine.backward(
        loss,
        ExtensionSet.of(
            Extensions.BATCH_L2,
            Extensions.BATCH_DOT,
            Extensions.SUM_GRAD_SQUARED,
            Extensions.VARIANCE),
        ExtensionConsumer.discarding());
    long perSampleGradient = (long) batch * in * out;
    assertTrue(
        recording.largestCreated() <= (long) in * out,
        "largest tensor "
            + recording.largestCreated()
            + " elements; per-sample gradients would have "
            + perSampleGradient);
    recording.reset();
    engine.backward(loss, ExtensionSet.of(Extensions.BATCH_GRAD), ExtensionConsumer.discarding());
    assertEquals(perSampleGradient, recording.largestCreated(), "batch_grad forms them");
  }

  @Test
  void aMissingRuleFailsBeforeAnyWorkNamingLayerAndExtension() {
    Initializer init = new Initializer(backend(), DType.FLOAT64, 4);
    Sequential model =
        new Sequential(new Linear(init, 3, 4), new ScaleLayer(init, 4), new Linear(init, 4, 2));
    Loss loss = new CrossEntropyLoss();
    loss.forward(model.forward(normal(backend(), Shape.of(3, 3))), labels(backend(), 3, 2));
    ExtendedBackward engine = ExtendedBackward.of(model);
    MissingRuleException failure =
        assertThrows(
            MissingRuleException.class,
            () ->
                engine.backward(
                    loss, ExtensionSet.of(Extensions.BATCH_L2), ExtensionConsumer.discarding()));
    assertTrue(
        failure
            .getMessage()
            .contains("batch_l2 on layer 1 (scale, " + ScaleLayer.class.getName() + ")"),
        failure.getMessage());
    for (Parameter parameter : model.parameters()) {
      assertNull(parameter.gradient(), "nothing ran: " + parameter.name());
    }
    MissingRuleException curvature =
        assertThrows(
            MissingRuleException.class,
            () -> engine.validate(ExtensionSet.of(Extensions.DIAG_HESSIAN)));
    assertTrue(curvature.getMessage().contains("diag_h on layer 1 (scale"), curvature.getMessage());
  }

  @Test
  void lenientModeSkipsWhatIsMissingWithOneWarning() {
    Initializer init = new Initializer(backend(), DType.FLOAT64, 5);
    Sequential model =
        new Sequential(
            new Linear(init, 3, 4), new Sigmoid(), new ScaleLayer(init, 4), new Linear(init, 4, 2));
    Loss loss = new CrossEntropyLoss();
    loss.forward(model.forward(normal(backend(), Shape.of(3, 3))), labels(backend(), 3, 2));
    List<String> warnings = new ArrayList<>();
    ExtendedBackward engine =
        ExtendedBackward.builder(model).lenient(true).warnings(warnings::add).build();
    ExtensionSet extensions = ExtensionSet.of(Extensions.BATCH_L2, Extensions.DIAG_GGN_EXACT);
    for (int pass = 0; pass < 2; pass++) {
      CollectingConsumer results = new CollectingConsumer();
      engine.backward(loss, extensions, results);
      Parameter scale = model.parameters().get(2);
      assertFalse(results.has(Extensions.BATCH_L2, scale), "the scale layer is skipped");
      assertTrue(results.has(Extensions.BATCH_L2, model.parameters().get(0)));
      assertTrue(results.has(Extensions.BATCH_L2, model.parameters().get(3)));
      assertTrue(
          results.extensions().equals(List.of(Extensions.BATCH_L2)), "diag_ggn_exact is dropped");
      for (Parameter parameter : model.parameters()) {
        assertTrue(parameter.gradient() != null, "gradients are still computed");
      }
    }
    assertEquals(1, warnings.size(), warnings.toString());
    String warning = warnings.get(0);
    assertTrue(warning.contains("batch_l2 on layer 2 (scale"), warning);
    assertTrue(warning.contains("diag_ggn_exact on layer 2 (scale"), warning);
    assertTrue(warning.contains("[diag_ggn_exact] are skipped for the whole model"), warning);
  }

  /** A loss the rule sets know nothing about (MSE behind another class). */
  private static final class UnknownLoss implements Loss {
    private final MseLoss inner = new MseLoss();

    @Override
    public String type() {
      return "unknown";
    }

    @Override
    public LossValue forward(Tensor outputs, Tensor targets) {
      return inner.forward(outputs, targets);
    }

    @Override
    public Tensor backward() {
      return inner.backward();
    }
  }

  @Test
  void aLossWithoutDerivativesFailsOrIsSkippedForCurvature() {
    Initializer init = new Initializer(backend(), DType.FLOAT64, 8);
    Sequential model = new Sequential(new Linear(init, 3, 2));
    Loss loss = new UnknownLoss();
    loss.forward(
        model.forward(normal(backend(), Shape.of(4, 3))), normal(backend(), Shape.of(4, 2)));
    ExtensionSet extensions = ExtensionSet.of(Extensions.BATCH_L2, Extensions.DIAG_GGN_EXACT);
    MissingRuleException failure =
        assertThrows(
            MissingRuleException.class,
            () ->
                ExtendedBackward.of(model)
                    .backward(loss, extensions, ExtensionConsumer.discarding()));
    assertTrue(
        failure.getMessage().contains("No loss derivatives for loss unknown"),
        failure.getMessage());
    List<String> warnings = new ArrayList<>();
    ExtendedBackward lenient =
        ExtendedBackward.builder(model).lenient(true).warnings(warnings::add).build();
    for (int pass = 0; pass < 2; pass++) {
      CollectingConsumer results = new CollectingConsumer();
      lenient.backward(loss, extensions, results);
      assertEquals(List.of(Extensions.BATCH_L2), results.extensions());
    }
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("skipping the curvature extensions"), warnings.get(0));
  }

  @Test
  void aRegisteredRuleTeachesTheEngineANewLayer() {
    Initializer init = new Initializer(backend(), DType.FLOAT64, 6);
    ScaleLayer scaleLayer = new ScaleLayer(init, 4);
    Sequential model = new Sequential(new Linear(init, 3, 4), scaleLayer, new Linear(init, 4, 2));
    Loss loss = new CrossEntropyLoss();
    Tensor inputs = normal(backend(), Shape.of(3, 3));
    loss.forward(model.forward(inputs), labels(backend(), 3, 2));
    RuleSet rules = RuleSet.builtIn().register(new ScaleBatchGradRule(), "test plugin");
    CollectingConsumer results = new CollectingConsumer();
    ExtendedBackward.builder(model)
        .rules(rules)
        .build()
        .backward(loss, ExtensionSet.of(Extensions.BATCH_GRAD), results);
    double[] perSample = results.get(Extensions.BATCH_GRAD, scaleLayer.weight()).toDoubleArray();
    double[] summed = new double[4];
    for (int n = 0; n < 3; n++) {
      for (int f = 0; f < 4; f++) {
        summed[f] += perSample[n * 4 + f];
      }
    }
    assertClose(scaleLayer.weight().gradient().toDoubleArray(), summed, 1e-12, 1e-15, "Σ_n G_n");
  }

  @Test
  void aSecondRuleForOneKeyNeedsAnExplicitOverwrite() {
    RuleSet rules = RuleSet.builtIn();
    IllegalStateException clash =
        assertThrows(
            IllegalStateException.class,
            () -> rules.register(new BatchGradLinear(), "com.example.Plugin"));
    assertTrue(clash.getMessage().contains(BuiltInRules.ORIGIN), clash.getMessage());
    assertTrue(clash.getMessage().contains("com.example.Plugin"), clash.getMessage());
    BatchGradLinear replacement = new BatchGradLinear();
    rules.register(replacement, "com.example.Plugin", true);
    assertSame(replacement, rules.find(BatchGrad.NAME, Linear.class).orElseThrow());
    IllegalStateException secondOverwrite =
        assertThrows(
            IllegalStateException.class,
            () -> rules.register(new BatchGradLinear(), "com.example.Other", true));
    assertTrue(
        secondOverwrite.getMessage().contains("com.example.Plugin"), secondOverwrite.getMessage());
    assertTrue(
        secondOverwrite.getMessage().contains("com.example.Other"), secondOverwrite.getMessage());
  }

  @Test
  void aFailingConsumerStopsThePassAndStillFreesTheResults() {
    TinyNet net = TinyNets.build("mlp_sigmoid_tanh_ce", backend());
    LossValue value = net.forward();
    assertTrue(value.value() > 0);
    List<Tensor> delivered = new ArrayList<>();
    RuntimeException failure =
        assertThrows(
            RuntimeException.class,
            () ->
                ExtendedBackward.of(net.model())
                    .backward(
                        net.loss(),
                        ExtensionSet.of(Extensions.BATCH_GRAD, Extensions.BATCH_L2),
                        (parameter, extension, result) -> {
                          delivered.add(result);
                          throw new IllegalStateException("consumer failed");
                        }));
    assertEquals("consumer failed", failure.getMessage());
    assertEquals(1, delivered.size());
    assertTrue(delivered.get(0).isClosed());
  }

  private static Tensor normal(Backend backend, Shape shape) {
    Random random = new Random(shape.size());
    double[] values = new double[shape.sizeAsInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian();
    }
    return backend.fromArray(values, shape, DType.FLOAT64);
  }

  private static Tensor labels(Backend backend, int batch, int classes) {
    double[] values = new double[batch];
    for (int n = 0; n < batch; n++) {
      values[n] = n % classes;
    }
    return backend.fromArray(values, Shape.of(batch), DType.FLOAT64);
  }
}
