package org.cockpit4j.instruments.gauges;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.ColourMap;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.Mark;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PlotView;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/**
 * The Takeuchi information criterion: TICDiag (scatter + EMA) and TICTrace on a twin axis (the
 * original crashes whenever TICTrace is present; here it is simply drawn).
 */
public final class TICGauge implements Instrument {
  @Override
  public String name() {
    return "tic";
  }

  @Override
  public String title() {
    return "TIC";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.CURVATURE;
  }

  @Override
  public int order() {
    return 2;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.TIC_DIAG);
  }

  @Override
  public boolean canShow(RunData run) {
    return !run.series(OutputKeys.TIC_DIAG).finite().isEmpty()
        || !run.series(OutputKeys.TIC_TRACE).finite().isEmpty();
  }

  @Override
  public GaugeView draw(RunData run) {
    Series diag = run.series(OutputKeys.TIC_DIAG);
    Series trace = run.series(OutputKeys.TIC_TRACE);
    List<Mark> marks = new ArrayList<>();
    boolean hasDiag = !diag.finite().isEmpty();
    boolean hasTrace = !trace.finite().isEmpty();
    if (hasDiag) {
      marks.addAll(GaugeParts.scatterWithEma(diag, "TICDiag", false));
    }
    if (hasTrace) {
      marks.addAll(
          GaugeParts.scatterWithEma(
              trace,
              "TICTrace",
              false,
              hasDiag,
              ColourMap.VIRIDIS_REVERSED,
              ColourMap.COOL_REVERSED,
              GaugeParts.SMALL_POINT_SIZE));
    }
    PlotView plot =
        PlotView.of(
            "",
            GaugeParts.iterations(),
            Axis.linear(hasDiag ? "TICDiag" : "TICTrace"),
            hasDiag && hasTrace ? Axis.linear("TICTrace") : null,
            marks);
    return GaugeView.single(
        this,
        plot,
        Math.max(run.latestStep(OutputKeys.TIC_DIAG), run.latestStep(OutputKeys.TIC_TRACE)));
  }
}
