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
import org.cockpit4j.instrument.PerParameter;
import org.cockpit4j.instrument.PlotView;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/**
 * Distance travelled ‖θ_t − θ_0‖ (left axis, scatter + EMA) and the update size ‖θ_{t+1} − θ_t‖
 * (twin right axis, reversed colour maps, small markers); both are the root sum of squares of the
 * per-parameter lists.
 */
public final class DistanceGauge implements Instrument {
  @Override
  public String name() {
    return "distance";
  }

  @Override
  public String title() {
    return "Distance";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.STEP_SIZE;
  }

  @Override
  public int order() {
    return 1;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.DISTANCE);
  }

  @Override
  public boolean canShow(RunData run) {
    return !distance(run).finite().isEmpty() || !updateSize(run).finite().isEmpty();
  }

  @Override
  public GaugeView draw(RunData run) {
    Series distance = distance(run);
    Series update = updateSize(run);
    List<Mark> marks = new ArrayList<>(GaugeParts.scatterWithEma(distance, "Distance", false));
    boolean twin = !update.finite().isEmpty();
    if (twin) {
      marks.addAll(
          GaugeParts.scatterWithEma(
              update,
              "Update size",
              false,
              true,
              ColourMap.VIRIDIS_REVERSED,
              ColourMap.COOL_REVERSED,
              GaugeParts.SMALL_POINT_SIZE));
    }
    PlotView plot =
        PlotView.of(
            "",
            GaugeParts.iterations(),
            Axis.linear("Distance"),
            twin ? Axis.linear("Update size") : null,
            marks);
    return GaugeView.single(
        this,
        plot,
        Math.max(run.latestStep(OutputKeys.DISTANCE), run.latestStep(OutputKeys.UPDATE_SIZE)));
  }

  private static Series distance(RunData run) {
    return run.series(OutputKeys.DISTANCE, PerParameter::rootSumOfSquares);
  }

  private static Series updateSize(RunData run) {
    return run.series(OutputKeys.UPDATE_SIZE, PerParameter::rootSumOfSquares);
  }
}
