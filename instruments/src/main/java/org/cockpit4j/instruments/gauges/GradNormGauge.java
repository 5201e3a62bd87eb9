package org.cockpit4j.instruments.gauges;

import java.util.List;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PerParameter;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/** The gradient norm ‖g‖ (root sum of squares of GradNorm's per-parameter norms), scatter + EMA. */
public final class GradNormGauge extends TimeSeriesGauge {
  @Override
  public String name() {
    return "grad-norm";
  }

  @Override
  public String title() {
    return "Gradient Norm";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.STEP_SIZE;
  }

  @Override
  public int order() {
    return 2;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.GRAD_NORM);
  }

  @Override
  protected Series series(RunData run) {
    return run.series(OutputKeys.GRAD_NORM, PerParameter::rootSumOfSquares);
  }

  @Override
  protected String yLabel() {
    return "Gradient Norm";
  }
}
