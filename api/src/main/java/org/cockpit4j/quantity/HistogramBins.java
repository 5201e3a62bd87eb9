package org.cockpit4j.quantity;

/**
 * Equal-width bins on {@code [low, high]}, with the two bin-index rules the original uses
 * (FORMAT.md §7): never bin by comparing with the edges, whose rounding puts exact zeros into the
 * wrong bin.
 *
 * @param count number of bins, at least 1
 * @param low lower end of the range
 * @param high upper end of the range, above {@code low}
 */
public record HistogramBins(int count, double low, double high) {

  /** Validates. */
  public HistogramBins {
    if (count < 1) {
      throw new IllegalArgumentException("A histogram needs at least one bin, got " + count);
    }
    if (!(high > low)) {
      throw new IllegalArgumentException(
          "A histogram range needs low < high, got [" + low + ", " + high + "]");
    }
  }

  /**
   * {@code torch.histc}'s index of a value already clamped to {@code [low, high]}: {@code (long)((x
   * − low)·count/(high − low))}, the upper end in the last bin.
   */
  public int histcIndex(double clamped) {
    int index = (int) ((clamped - low) * count / (high - low));
    return index >= count ? count - 1 : index;
  }

  /** {@code x} clamped to {@code [low, high]} ({@code torch.clamp}). */
  public double clamp(double x) {
    return x < low ? low : (x > high ? high : x);
  }

  /** The histc bin of {@code x}: clamped, then {@link #histcIndex}. */
  public int clampedHistcIndex(double x) {
    return histcIndex(clamp(x));
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
    double halfWidth = width() / 2;
    double lowest = low + halfWidth;
    double highest = high - halfWidth;
    double clamped = x < lowest ? lowest : (x > highest ? highest : x);
    double scale = count / (high - low);
    int index = (int) (clamped * scale + (1 - low * scale)) - 1;
    return index < 0 ? 0 : (index >= count ? count - 1 : index);
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
}
