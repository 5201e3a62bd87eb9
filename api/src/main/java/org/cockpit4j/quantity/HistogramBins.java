package org.cockpit4j.quantity;

import java.util.Objects;

/**
 * Equal-width bins on {@code [low, high]}, with the two bin-index rules the original uses
 * (FORMAT.md §7): never bin by comparing with the edges, whose rounding puts exact zeros into the
 * wrong bin. The index rules evaluate exactly the original's floating-point expressions; the histc
 * rule takes a multiplication by the reciprocal range where that provably gives the same integer,
 * and the exact division otherwise. Immutable.
 */
public final class HistogramBins {
  private static final double GUARD = 1e-9;

  private final int count;
  private final double low;
  private final double high;
  private final double range;
  private final double inverseRange;
  private final double lowestCentre;
  private final double highestCentre;
  private final double centreScale;
  private final double centreShift;
  private final int zeroHistcIndex;
  private final int zeroCentreIndex;
  private volatile double[] histcThresholds;
  private volatile double[] centreThresholds;

  /**
   * @param count number of bins, at least 1
   * @param low lower end of the range
   * @param high upper end of the range, above {@code low}
   */
  public HistogramBins(int count, double low, double high) {
    if (count < 1) {
      throw new IllegalArgumentException("A histogram needs at least one bin, got " + count);
    }
    if (!(high > low) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException(
          "A histogram range needs finite low < high, got [" + low + ", " + high + "]");
    }
    this.count = count;
    this.low = low;
    this.high = high;
    this.range = high - low;
    this.inverseRange = 1.0 / range;
    double halfWidth = width() / 2;
    this.lowestCentre = low + halfWidth;
    this.highestCentre = high - halfWidth;
    this.centreScale = count / (high - low);
    this.centreShift = 1 - low * centreScale;
    this.zeroHistcIndex = exactHistcIndex(clamp(0.0));
    this.zeroCentreIndex = exactCentreIndex(0.0);
  }

  private int exactHistcIndex(double clamped) {
    int index = (int) ((clamped - low) * count / (high - low));
    return index >= count ? count - 1 : index;
  }

  /** Number of bins. */
  public int count() {
    return count;
  }

  /** Lower end of the range. */
  public double low() {
    return low;
  }

  /** Upper end of the range. */
  public double high() {
    return high;
  }

  /**
   * {@code torch.histc}'s index of a value already clamped to {@code [low, high]}: {@code (long)((x
   * − low)·count/(high − low))}, the upper end in the last bin.
   */
  public int histcIndex(double clamped) {
    double scaled = (clamped - low) * count;
    double estimate = scaled * inverseRange;
    int index = (int) estimate;
    double fraction = estimate - index;
    if (fraction < GUARD || fraction > 1 - GUARD) {
      index = (int) (scaled / range);
    }
    return index >= count ? count - 1 : index;
  }

  /** {@code x} clamped to {@code [low, high]} ({@code torch.clamp}). */
  public double clamp(double x) {
    return x < low ? low : (x > high ? high : x);
  }

  /** The histc bin of {@code x}: clamped, then {@link #histcIndex}. */
  public int clampedHistcIndex(double x) {
    return x == 0 ? zeroHistcIndex : histcIndex(clamp(x));
  }

  /** The bin width {@code (high − low)/count}. */
  public double width() {
    return (high - low) / count;
  }

  /**
   * GradHist2d's rule for one axis: {@code x} clamped to the outer bin centres {@code [low + w/2,
   * high − w/2]}, then {@code (long)(x·s + (1 − low·s)) − 1} with {@code s = count/(high − low)}.
   */
  public int centreClampedIndex(double x) {
    return x == 0 ? zeroCentreIndex : exactCentreIndex(x);
  }

  private int exactCentreIndex(double x) {
    double clamped = x < lowestCentre ? lowestCentre : (x > highestCentre ? highestCentre : x);
    int index = (int) (clamped * centreScale + centreShift) - 1;
    return index < 0 ? 0 : (index >= count ? count - 1 : index);
  }

  /**
   * The smallest value whose {@link #clampedHistcIndex} is at least {@code k} ({@code −∞} for k ≤
   * 0, {@code +∞} for k ≥ count): {@code clampedHistcIndex(x) ≥ k} exactly when {@code x ≥
   * histcThreshold(k)}, for every non-NaN x. Found once per instance by bisection over the doubles
   * with the index rule itself, so comparing with it is the rule, not an approximation of it.
   */
  public double histcThreshold(int k) {
    double[] thresholds = histcThresholds;
    if (thresholds == null) {
      thresholds = thresholds(false);
      histcThresholds = thresholds;
    }
    return k <= 0
        ? Double.NEGATIVE_INFINITY
        : k >= count ? Double.POSITIVE_INFINITY : thresholds[k];
  }

  /** As {@link #histcThreshold} for {@link #centreClampedIndex}. */
  public double centreThreshold(int k) {
    double[] thresholds = centreThresholds;
    if (thresholds == null) {
      thresholds = thresholds(true);
      centreThresholds = thresholds;
    }
    return k <= 0
        ? Double.NEGATIVE_INFINITY
        : k >= count ? Double.POSITIVE_INFINITY : thresholds[k];
  }

  private double[] thresholds(boolean centre) {
    double[] thresholds = new double[count];
    for (int k = 1; k < count; k++) {
      // Invariant: index(lo) < k <= index(hi), over the doubles in their numeric order.
      long lo = ordered(-Double.MAX_VALUE);
      long hi = ordered(Double.MAX_VALUE);
      while (hi - lo > 1 || hi - lo < 0) {
        long middle = (lo >> 1) + (hi >> 1) + (lo & hi & 1);
        double value = fromOrdered(middle);
        int index = centre ? centreClampedIndex(value) : clampedHistcIndex(value);
        if (index >= k) {
          hi = middle;
        } else {
          lo = middle;
        }
      }
      thresholds[k] = fromOrdered(hi);
    }
    return thresholds;
  }

  /** A long whose signed order is the numeric order of the (non-NaN) doubles. */
  private static long ordered(double value) {
    long bits = Double.doubleToRawLongBits(value);
    return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
  }

  private static double fromOrdered(long key) {
    return Double.longBitsToDouble(key >= 0 ? key : key ^ Long.MAX_VALUE);
  }

  /**
   * The {@code count + 1} edges as {@code torch.linspace(low, high, count + 1)} computes them: the
   * lower half from {@code low} up, the upper half from {@code high} down.
   */
  public double[] edges() {
    int points = count + 1;
    double step = (high - low) / count;
    double[] edges = new double[points];
    int half = points / 2;
    for (int i = 0; i < points; i++) {
      edges[i] = i < half ? low + step * i : high - step * (points - 1 - i);
    }
    return edges;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HistogramBins that
        && count == that.count
        && Double.compare(low, that.low) == 0
        && Double.compare(high, that.high) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(count, low, high);
  }

  @Override
  public String toString() {
    return "HistogramBins[count=" + count + ", low=" + low + ", high=" + high + "]";
  }
}
