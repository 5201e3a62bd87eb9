package org.cockpit4j.instruments.gauges;

import java.util.List;
import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.Cell;
import org.cockpit4j.instrument.Colour;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.Mark;
import org.cockpit4j.instrument.MarkColour;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PlotView;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/**
 * The gradient tests on a 3 × 3 grid, as the original: the main panel (symlog axes, linear within
 * ±0.1, limits ±2) shows the latest norm test as a blue disc, the inner-product test as an orange
 * horizontal band {@code |y| ≤ InnerTest} and the orthogonality test as a green vertical band
 * {@code |x| ≤ OrthoTest}; the side panels show each test over iterations ("Norm" log y, "Inner"
 * log y inverted, "Ortho" on log x against inverted iterations). Only steps where all three tests
 * were logged count.
 */
public final class GradientTestsGauge implements Instrument {
  private static final double THRESHOLD = 0.1;
  private static final double LIMIT = 2;

  @Override
  public String name() {
    return "gradient-tests";
  }

  @Override
  public String title() {
    return "Gradient Tests";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.GRADIENTS;
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.NORM_TEST, OutputKeys.INNER_TEST, OutputKeys.ORTHO_TEST);
  }

  @Override
  public boolean canShow(RunData run) {
    return !common(run, OutputKeys.NORM_TEST).isEmpty();
  }

  @Override
  public GaugeView draw(RunData run) {
    Series norm = common(run, OutputKeys.NORM_TEST);
    Series inner = common(run, OutputKeys.INNER_TEST);
    Series ortho = common(run, OutputKeys.ORTHO_TEST);
    double latestNorm = norm.lastValue();
    double latestInner = inner.lastValue();
    double latestOrtho = ortho.lastValue();
    List<Mark> main =
        List.of(
            new Mark.Band(false, -latestOrtho, latestOrtho, Colour.TERTIARY.withAlpha(0.45)),
            new Mark.Band(true, -latestInner, latestInner, Colour.SECONDARY.withAlpha(0.45)),
            Mark.Polygon.circle(
                "", 0, 0, latestNorm, 120, Colour.PRIMARY.withAlpha(0.5), Colour.PRIMARY),
            new Mark.Text(0, 0, "+", Colour.BLACK, 0));
    PlotView mainPlot =
        new PlotView(
            new Cell(1, 1, 2, 2),
            "",
            Axis.symlog("", THRESHOLD).range(-LIMIT, LIMIT),
            Axis.symlog("", THRESHOLD).range(-LIMIT, LIMIT),
            null,
            main,
            null);
    PlotView normPlot =
        new PlotView(
            Cell.at(1, 0),
            "Norm",
            Axis.linear("").integers(),
            Axis.log(""),
            null,
            filled(norm, Colour.PRIMARY, false),
            null);
    PlotView innerPlot =
        new PlotView(
            Cell.at(2, 0),
            "Inner",
            Axis.linear("").integers(),
            Axis.log("").invert(),
            null,
            filled(inner, Colour.SECONDARY, false),
            null);
    Series orthoPositive = ortho.positive();
    PlotView orthoPlot =
        new PlotView(
            Cell.at(0, 2),
            "Ortho",
            Axis.log(""),
            Axis.linear("").integers().invert(),
            null,
            List.of(
                new Mark.Area(
                    "",
                    orthoPositive.values(),
                    orthoPositive.x(),
                    Double.NaN,
                    Colour.TERTIARY.withAlpha(0.6),
                    true),
                new Mark.Line(
                    "",
                    orthoPositive.values(),
                    orthoPositive.x(),
                    MarkColour.of(Colour.TERTIARY),
                    1.5,
                    false,
                    false)),
            null);
    return new GaugeView(
        name(),
        title(),
        group(),
        new double[] {1.1, 1.5, 1.5},
        new double[] {1.1, 1.5, 1.5},
        List.of(mainPlot, normPlot, innerPlot, orthoPlot),
        null,
        norm.step(norm.size() - 1));
  }

  /** A positive series filled down to the axis edge (baseline NaN). */
  private static List<Mark> filled(Series series, Colour colour, boolean horizontal) {
    Series positive = series.positive();
    return List.of(
        new Mark.Area(
            "", positive.x(), positive.values(), Double.NaN, colour.withAlpha(0.6), horizontal),
        new Mark.Line(
            "", positive.x(), positive.values(), MarkColour.of(colour), 1.5, false, false));
  }

  /** {@code key} at the steps where all three tests are finite. */
  private static Series common(RunData run, OutputKey<Double> key) {
    Series norm = run.series(OutputKeys.NORM_TEST);
    Series inner = run.series(OutputKeys.INNER_TEST);
    Series ortho = run.series(OutputKeys.ORTHO_TEST);
    Series wanted = run.series(key);
    double[] values = wanted.values();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(norm.value(i))
          || !Double.isFinite(inner.value(i))
          || !Double.isFinite(ortho.value(i))) {
        values[i] = Double.NaN;
      }
    }
    return new Series(wanted.steps(), values).finite();
  }
}
