package org.cockpit4j.instrument;

/**
 * Where a gauge sits in the cockpit figure: the original's three titled columns of the primary
 * screen (STEP SIZE, GRADIENTS, CURVATURE), its two summary panels, and the secondary screen's
 * AUXILIARY row and LAYERWISE grid.
 */
public enum InstrumentGroup {
  /** Alpha, distance and update size, gradient norm (blue column). */
  STEP_SIZE("STEP SIZE", Colour.PRIMARY),
  /** Gradient tests and gradient histograms (orange column). */
  GRADIENTS("GRADIENTS", Colour.SECONDARY),
  /** Hessian eigenvalue, trace, TIC (green column). */
  CURVATURE("CURVATURE", Colour.TERTIARY),
  /** Learning rate (grey summary panel). */
  HYPERPARAMETERS("HYPERPARAMETERS", Colour.SUMMARY),
  /** Loss and accuracy (grey summary panel). */
  PERFORMANCE("PERFORMANCE", Colour.SUMMARY),
  /** Mean GSNR, CABS, early stopping (secondary screen). */
  AUXILIARY("AUXILIARY", Colour.PRIMARY),
  /** Per-parameter views (secondary screen). */
  LAYERWISE("LAYERWISE", Colour.SECONDARY);

  private final String title;
  private final Colour colour;

  InstrumentGroup(String title, Colour colour) {
    this.title = title;
    this.colour = colour;
  }

  /** The group's heading as the original writes it. */
  public String title() {
    return title;
  }

  /** The group's background colour (opaque; the figure draws it with alpha 0.75). */
  public Colour colour() {
    return colour;
  }

  /** Whether the group belongs to the primary screen. */
  public boolean primary() {
    return this != AUXILIARY && this != LAYERWISE;
  }
}
