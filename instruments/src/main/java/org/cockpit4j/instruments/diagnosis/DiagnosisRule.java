package org.cockpit4j.instruments.diagnosis;

import java.util.List;
import org.cockpit4j.instrument.RunData;

/**
 * A rule that reads instrument data of a run and reports findings. Implementations are found
 * through {@link java.util.ServiceLoader} ({@code
 * META-INF/services/org.cockpit4j.instruments.diagnosis.DiagnosisRule}), are stateless, and return
 * no finding when the data they need is absent.
 */
public interface DiagnosisRule {
  /** A stable id, lower-case with dashes. */
  String id();

  /** What the rule checks, one sentence. */
  String description();

  /** The findings for {@code run} (empty when nothing is wrong or the data is missing). */
  List<Finding> examine(RunData run);
}
