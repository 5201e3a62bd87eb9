package org.cockpit4j.instruments.gauges;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cockpit4j.instrument.Axis;
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
 * The Alpha distribution: the unit parabola {@code y = x²} sketching the fitted quadratic (the
 * start of a step sits at −1, the minimum at 0, the opposite flank at +1), and on a twin "α
 * density" axis histogram + Gaussian KDE of all α (grey) and of the last 10 % (blue), with their
 * means in the legend. Values outside ±1.5 are counted at the edges.
 */
public final class AlphaGauge implements Instrument {
  /** Half-width of the x-axis. */
  public static final double LIMIT = 1.5;

  private static final int KDE_POINTS = 150;
  private static final int MAX_BINS = 50;

  @Override
  public String name() {
    return "alpha";
  }

  @Override
  public String title() {
    return "Alpha Distribution";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.STEP_SIZE;
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.ALPHA);
  }

  /** Needs at least two finite α, as the original. */
  @Override
  public boolean canShow(RunData run) {
    return run.series(OutputKeys.ALPHA).finite().size() >= 2;
  }

  @Override
  public GaugeView draw(RunData run) {
    Series alpha = run.series(OutputKeys.ALPHA).finite();
    double[] all = alpha.values();
    List<Mark> marks = new ArrayList<>();
    marks.add(new Mark.Rule(false, -1, Colour.GREY, 1, false));
    marks.add(new Mark.Rule(false, 0, Colour.GREY, 1, false));
    marks.add(new Mark.Rule(false, 1, Colour.GREY, 1, false));
    marks.add(new Mark.Rule(true, 0, Colour.GREY, 1, false));
    marks.add(new Mark.Rule(true, 1, Colour.GREY, 0.5, false));
    double[] x = GaugeParts.linspace(-LIMIT, LIMIT, 100);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] * x[i];
    }
    marks.add(new Mark.Line("", x, y, MarkColour.of(Colour.SECONDARY), 2, false, false));
    marks.addAll(distribution("all", all, Colour.GREY));
    int lastCount = all.length / 10;
    if (lastCount >= 1) {
      marks.addAll(
          distribution(
              "last 10 %",
              Arrays.copyOfRange(all, all.length - lastCount, all.length), Colour.PRIMARY));
    }
    long below = Arrays.stream(all).filter(value -> value < -LIMIT).count();
    long above = Arrays.stream(all).filter(value -> value > LIMIT).count();
    if (below > 0) {
      marks.add(new Mark.Text(-LIMIT + 0.03, 1.6, "◀ " + below + " < −1.5", Colour.RED, -1));
    }
    if (above > 0) {
      marks.add(new Mark.Text(LIMIT - 0.03, 1.6, above + " > 1.5 ▶", Colour.RED, 1));
    }
    PlotView plot =
        PlotView.of(
            "",
            Axis.linear("Local step length α").range(-LIMIT, LIMIT),
            Axis.linear("Stand. Loss").range(0, 1.75),
            Axis.linear("α density"),
            marks);
    return GaugeView.single(this, plot, alpha.step(alpha.size() - 1));
  }

  /** Histogram (density) and KDE of {@code values} on the twin axis, labelled with the mean. */
  private static List<Mark> distribution(String name, double[] values, Colour colour) {
    double mean = Arrays.stream(values).average().orElse(Double.NaN);
    String label = name + " (μ=" + GaugeParts.twoDecimals(mean) + ")";
    List<Mark> marks = new ArrayList<>();
    double[] shown = Arrays.stream(values).filter(v -> v >= -LIMIT && v <= LIMIT).toArray();
    if (shown.length > 0) {
      int bins = bins(shown);
      double low = Arrays.stream(shown).min().orElseThrow();
      double high = Arrays.stream(shown).max().orElseThrow();
      if (high - low < 1e-9) {
        low -= 0.05;
        high += 0.05;
      }
      double width = (high - low) / bins;
      double[] counts = new double[bins];
      for (double value : shown) {
        counts[Math.min(bins - 1, (int) ((value - low) / width))]++;
      }
      double[] centres = new double[bins];
      for (int i = 0; i < bins; i++) {
        centres[i] = low + (i + 0.5) * width;
        counts[i] /= values.length * width; // probability density over all values
      }
      marks.add(new Mark.Bars(label, centres, counts, width, colour.withAlpha(0.4), false, true));
    }
    double bandwidth = scottBandwidth(values);
    if (bandwidth > 0) {
      double[] grid = GaugeParts.linspace(-LIMIT, LIMIT, KDE_POINTS);
      double[] density = new double[grid.length];
      for (int i = 0; i < grid.length; i++) {
        double sum = 0;
        for (double value : values) {
          double z = (grid[i] - value) / bandwidth;
          sum += Math.exp(-0.5 * z * z);
        }
        density[i] = sum / (values.length * bandwidth * Math.sqrt(2 * Math.PI));
      }
      marks.add(
          new Mark.Line(
              shown.length > 0 ? "" : label, grid, density, MarkColour.of(colour), 2, false, true));
    }
    return marks;
  }

  /** The Freedman–Diaconis number of bins, between 1 and 50. */
  private static int bins(double[] values) {
    if (values.length < 2) {
      return 1;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
    double range = sorted[sorted.length - 1] - sorted[0];
    if (iqr <= 0 || range <= 0) {
      return Math.min(MAX_BINS, Math.max(1, (int) Math.ceil(Math.sqrt(values.length))));
    }
    double width = 2 * iqr / Math.cbrt(values.length);
    return Math.min(MAX_BINS, Math.max(1, (int) Math.ceil(range / width)));
  }

  private static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int low = (int) Math.floor(position);
    int high = Math.min(sorted.length - 1, low + 1);
    return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
  }

  /** Scott's rule as scipy's gaussian_kde: std (ddof 1) times n^(−1/5); 0 when undefined. */
  private static double scottBandwidth(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    double std = Math.sqrt(sum / (values.length - 1));
    return std * Math.pow(values.length, -0.2);
  }
}
