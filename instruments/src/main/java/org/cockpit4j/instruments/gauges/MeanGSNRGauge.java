package org.cockpit4j.instruments.gauges;

import java.util.List;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/** The mean gradient signal-to-noise ratio (MeanGSNR), scatter + EMA (secondary screen). */
public final class MeanGSNRGauge extends TimeSeriesGauge {
  @Override
  public String name() {
    return "mean-gsnr";
  }

  @Override
  public String title() {
    return "Mean GSNR";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.AUXILIARY;
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.MEAN_GSNR);
  }

  @Override
  protected Series series(RunData run) {
    return run.series(OutputKeys.MEAN_GSNR);
  }

  @Override
  protected String yLabel() {
    return "Mean GSNR";
  }
}
