package org.cockpit4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.model.LayerRegistry;
import org.cockpit4j.reference.ReferenceCase;
import org.cockpit4j.reference.ReferenceCases;
import org.cockpit4j.reference.ReferenceReader;
import org.cockpit4j.reference.TensorData;
import org.cockpit4j.tensor.DType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reference case of {@code shared/reference} replayed on a backend matches every recorded
 * value (forward, BackPACK outputs, Gram matrix, Hessian trace, trajectory, Adam state) at
 * FORMAT.md's float64 tolerances; a corrupted expectation is caught. Skips when the reference
 * directory is absent.
 */
public abstract class ReferenceConformanceContractTest {

  /** The backend under test; it must support float64. */
  protected abstract Backend backend();

  static Stream<Path> cases() {
    return ReferenceCases.findDirectory().stream()
        .flatMap(directory -> ReferenceCases.caseFiles(directory).stream());
  }

  private List<CheckRow> check(ReferenceCase referenceCase) {
    return check(referenceCase, DType.FLOAT64);
  }

  private List<CheckRow> check(ReferenceCase referenceCase, DType dtype) {
    Assumptions.assumeTrue(backend().supports(dtype), "backend without " + dtype);
    LayerRegistry registry = LayerRegistry.standard();
    ReferenceSetup setup = ReferenceSetup.create(referenceCase, backend(), dtype, registry);
    ReplayedCase replayed = ReferenceReplay.run(setup, registry);
    return ReferenceCheck.compare(referenceCase, replayed, ToleranceProfile.of(dtype));
  }

  private static void assertPassed(List<CheckRow> rows) {
    String failures =
        rows.stream()
            .filter(row -> !row.passed())
            .map(row -> row.key() + ": " + row.detail())
            .collect(Collectors.joining("\n"));
    assertTrue(failures.isEmpty(), failures);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aFloat32ReplayIsWithinSinglePrecisionTolerances(Path file) {
    assertPassed(check(ReferenceReader.read(file), DType.FLOAT32));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyRecordedValueMatches(Path file) {
    ReferenceCase referenceCase = ReferenceReader.read(file);
    List<CheckRow> rows = check(referenceCase);
    assertPassed(rows);
    List<String> keys = rows.stream().map(CheckRow::key).toList();
    for (String key :
        List.of(
            "params",
            "forward.loss",
            "forward.outputs",
            "backpack.grad",
            "backpack.batch_grad",
            "backpack.diag_h",
            "backpack.diag_ggn_exact",
            "derived.batch_dot",
            "hessian.trace",
            "final_params")) {
      assertTrue(keys.contains(key), "row " + key + " missing from " + keys);
    }
    assertTrue(rows.stream().allMatch(row -> row.count() > 0));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aWrongExpectationIsCaught(Path file) {
    ReferenceCase original = ReferenceReader.read(file);
    List<TensorData> tampered = new java.util.ArrayList<>(original.finalParams());
    TensorData first = tampered.get(0);
    double[] data = first.data().clone();
    data[0] += 1e-6 * (1 + Math.abs(data[0]));
    tampered.set(0, new TensorData(first.shape(), data));
    ReferenceCase wrong =
        new ReferenceCase(
            original.source(),
            original.formatVersion(),
            original.name(),
            original.description(),
            original.dtype(),
            original.seed(),
            original.model(),
            original.loss(),
            original.optimizer(),
            original.batchSize(),
            original.numSteps(),
            original.parameters(),
            original.initialParams(),
            tampered,
            original.cockpit(),
            original.hessMaxEvSpread(),
            original.environment(),
            original.steps());
    CheckRow finalParams =
        check(wrong).stream().filter(row -> row.key().equals("final_params")).findFirst().get();
    assertFalse(finalParams.passed());
    assertEquals(1, finalParams.failures());
  }
}
