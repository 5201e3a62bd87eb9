package org.cockpit4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.Backends;
import org.cockpit4j.conformance.ActualCaseExport;
import org.cockpit4j.conformance.CheckRow;
import org.cockpit4j.conformance.CockpitCheck;
import org.cockpit4j.conformance.ReferenceCheck;
import org.cockpit4j.conformance.ReferenceCockpitRun;
import org.cockpit4j.conformance.ReferenceReplay;
import org.cockpit4j.conformance.ReferenceSetup;
import org.cockpit4j.conformance.ReplayedCase;
import org.cockpit4j.conformance.ToleranceProfile;
import org.cockpit4j.model.LayerRegistry;
import org.cockpit4j.reference.ReferenceCase;
import org.cockpit4j.reference.ReferenceCases;
import org.cockpit4j.reference.ReferenceReader;
import org.cockpit4j.tensor.DType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cockpit check-reference}: replays reference cases of the original Cockpit + BackPACK and
 * compares every recorded value. One row per (case, key) with the worst relative error and the
 * tolerance, then {@code N passed, M failed}. Exit 0 only if everything passed, 1 if a comparison
 * failed, 2 for unreadable input.
 */
@Command(
    name = "check-reference",
    mixinStandardHelpOptions = true,
    description = {
      "Replays reference cases (FORMAT.md of shared/reference) and compares every recorded value:",
      "forward values, BackPACK outputs, the exact Hessian's facts, trajectory, optimizer state,",
      "and every Cockpit quantity of the cockpit and cockpit_variants sections."
    })
final class CheckReferenceCommand implements Callable<Integer> {

  @Parameters(paramLabel = "CASE", description = "case files (.json) or directories of them")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--backend", defaultValue = "cpu", description = "cpu, opencl or auto")
  String backendName;

  @Option(
      names = "--dtype",
      description = "float64 (default where the device supports it) or float32")
  String dtype;

  @Option(
      names = "--write-actual",
      paramLabel = "DIR",
      description = "also write DIR/<case>.actual.json with the computed values")
  Path writeActual;

  @Option(names = "--verbose", description = "print where the worst value of every row sits")
  boolean verbose;

  @Option(
      names = "--skip-cockpit",
      description =
          "compare only the engine's values, not the cockpit and cockpit_variants sections")
  boolean skipCockpit;

  @Override
  public Integer call() throws Exception {
    List<Path> files = caseFiles();
    List<ReferenceCase> cases = new ArrayList<>();
    for (Path file : files) {
      cases.add(ReferenceReader.read(file));
    }
    if (writeActual != null) {
      Files.createDirectories(writeActual);
    }
    LayerRegistry registry = LayerRegistry.standard();
    int passed = 0;
    int failed = 0;
    try (Backend backend = Backends.create(backendName, Map.of())) {
      DType type = dtype != null ? DType.parse(dtype) : defaultDtype(backend);
      ToleranceProfile profile = ToleranceProfile.of(type);
      System.out.printf(
          "Replaying %d case(s) on %s in %s (tolerances: %s)%n",
          cases.size(), backend.name(), type, profile.name().toLowerCase(Locale.ROOT));
      System.out.printf(
          "%-22s %-42s %12s %22s  %s%n", "case", "key", "max rel err", "tolerance", "");
      for (ReferenceCase referenceCase : cases) {
        ReferenceSetup setup = ReferenceSetup.create(referenceCase, backend, type, registry);
        ReplayedCase replayed = ReferenceReplay.run(setup, registry);
        List<CheckRow> rows =
            new ArrayList<>(ReferenceCheck.compare(referenceCase, replayed, profile));
        ReferenceCockpitRun.Result cockpit = null;
        if (!skipCockpit && hasCockpitSections(referenceCase)) {
          cockpit = ReferenceCockpitRun.run(setup);
          rows.addAll(CockpitCheck.compare(referenceCase, cockpit, type));
        }
        for (CheckRow row : rows) {
          print(row);
          if (row.passed()) {
            passed++;
          } else {
            failed++;
          }
        }
        if (writeActual != null) {
          Path file = writeActual.resolve(referenceCase.name() + ".actual.json");
          ActualCaseExport.write(replayed, cockpit, file);
        }
      }
    }
    System.out.println(passed + " passed, " + failed + " failed");
    return failed == 0 ? 0 : CockpitCli.RUN_FAILURE;
  }

  private List<Path> caseFiles() {
    List<Path> inputsOrDefault = inputs;
    if (inputsOrDefault.isEmpty()) {
      Path directory =
          ReferenceCases.findDirectory()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "No case files given and no shared/reference directory found; pass"
                              + " CASE.json files or a directory"));
      inputsOrDefault = List.of(directory);
    }
    List<Path> files = new ArrayList<>();
    for (Path input : inputsOrDefault) {
      if (Files.isDirectory(input)) {
        files.addAll(ReferenceCases.caseFiles(input));
      } else if (Files.isRegularFile(input)) {
        files.add(input);
      } else {
        throw new IllegalArgumentException(
            "Reference case " + input + " does not exist; pass a case .json file or a directory");
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No reference case files found in " + inputsOrDefault);
    }
    return files;
  }

  private static boolean hasCockpitSections(ReferenceCase referenceCase) {
    return referenceCase.steps().stream().anyMatch(step -> step.cockpit() != null);
  }

  private static DType defaultDtype(Backend backend) {
    return backend.supports(DType.FLOAT64) ? DType.FLOAT64 : DType.FLOAT32;
  }

  private void print(CheckRow row) {
    System.out.printf(
        Locale.ROOT,
        "%-22s %-42s %12.3e %22s  %s%n",
        row.caseName(),
        row.key(),
        row.maxRelativeError(),
        String.format(
            Locale.ROOT, "rtol %.0e atol %.0e", row.tolerance().rtol(), row.tolerance().atol()),
        row.passed() ? "ok" : "FAILED (" + row.failures() + " of " + row.count() + ")");
    if (verbose || !row.passed()) {
      System.out.println("    " + row.detail());
    }
  }
}
