package org.cockpit4j.instruments.figure;

import java.awt.geom.Rectangle2D;
import java.util.List;
import org.cockpit4j.instrument.InstrumentGroup;

/**
 * Where a drawn figure put its gauges, for tests and image maps.
 *
 * @param width the figure's width in pixels
 * @param height the figure's height in pixels
 * @param panels one entry per gauge drawn
 */
public record FigureLayout(int width, int height, List<Panel> panels) {
  /** Copies. */
  public FigureLayout {
    panels = List.copyOf(panels);
  }

  /**
   * One gauge on the figure.
   *
   * @param instrument the instrument's name
   * @param group its group
   * @param bounds where it was drawn
   * @param note the note shown instead of data ("no data yet"), or null when it drew data
   */
  public record Panel(String instrument, InstrumentGroup group, Rectangle2D bounds, String note) {
    /** Whether the gauge drew data. */
    public boolean shown() {
      return note == null;
    }
  }

  /** The panel of {@code instrument}, or null. */
  public Panel panel(String instrument) {
    return panels.stream().filter(p -> p.instrument().equals(instrument)).findFirst().orElse(null);
  }
}
