package org.cockpit4j.conformance;

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
import org.cockpit4j.tensor.DType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every reference case with the main and the variant cockpit and compares EVERY quantity of
 * every step with the original's values ({@link CockpitCheck}: FORMAT.md §8's tolerances, HessMaxEV
 * against the exact eigenvalue at 1e-6), the stored keys and the refused quantities. Nothing is
 * case-specific. Needs the quantities module on the class path (its tests subclass this); skipped
 * when the reference directory is absent.
 */
public abstract class ReferenceCockpitContractTest {

  /** The backend under test. */
  protected abstract Backend backend();

  static Stream<Path> cases() {
    return ReferenceCases.findDirectory().stream()
        .flatMap(directory -> ReferenceCases.caseFiles(directory).stream());
  }

  private List<CheckRow> check(Path file, DType dtype) {
    Assumptions.assumeTrue(backend().supports(dtype), "backend without " + dtype);
    ReferenceCase reference = ReferenceReader.read(file);
    LayerRegistry registry = LayerRegistry.standard();
    ReferenceSetup setup = ReferenceSetup.create(reference, backend(), dtype, registry);
    return CockpitCheck.compare(reference, ReferenceCockpitRun.run(setup), dtype);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void reproducesEveryQuantityOfTheOriginal(Path file) {
    List<CheckRow> rows = check(file, DType.FLOAT64);
    String failures =
        rows.stream()
            .filter(row -> !row.passed())
            .map(row -> row.key() + ": " + row.detail())
            .collect(Collectors.joining("\n"));
    assertTrue(failures.isEmpty(), failures);
    List<String> keys = rows.stream().map(CheckRow::key).toList();
    for (String key :
        List.of(
            "cockpit.Alpha",
            "cockpit.HessMaxEV",
            "cockpit.GradHist1d counts",
            "cockpit.GradHist2d counts",
            "cockpit.InnerTest",
            "cockpit.TICDiag",
            "cockpit_variants.HessMaxEV")) {
      assertTrue(keys.contains(key), key + " not compared; rows: " + keys);
    }
    assertFalse(rows.stream().anyMatch(row -> row.count() == 0));
  }
}
