package org.cockpit4j.instrument;

/**
 * An sRGB colour with alpha, components in [0, 1]; the original's palette as constants.
 *
 * @param red red component
 * @param green green component
 * @param blue blue component
 * @param alpha opacity (1 opaque)
 */
public record Colour(double red, double green, double blue, double alpha) {
  /** The original's primary colour (0.29, 0.45, 0.68), blue. */
  public static final Colour PRIMARY = rgb(0.29, 0.45, 0.68);

  /** The original's secondary colour (0.95, 0.50, 0.20), orange. */
  public static final Colour SECONDARY = rgb(0.95, 0.50, 0.20);

  /** The original's tertiary colour (0.30, 0.60, 0.40), green. */
  public static final Colour TERTIARY = rgb(0.30, 0.60, 0.40);

  /** Background of the summary panels, {@code #ababba}. */
  public static final Colour SUMMARY = hex("#ababba");

  /** Reference lines and "all values" distributions. */
  public static final Colour GREY = rgb(0.5, 0.5, 0.5);

  /** Black. */
  public static final Colour BLACK = rgb(0, 0, 0);

  /** White. */
  public static final Colour WHITE = rgb(1, 1, 1);

  /** Red, for warnings and findings. */
  public static final Colour RED = rgb(0.80, 0.15, 0.15);

  /** Validates the components. */
  public Colour {
    check(red, "red");
    check(green, "green");
    check(blue, "blue");
    check(alpha, "alpha");
  }

  private static void check(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "Colour component " + name + " = " + value + " lies outside [0, 1]");
    }
  }

  /** An opaque colour. */
  public static Colour rgb(double red, double green, double blue) {
    return new Colour(red, green, blue, 1);
  }

  /** An opaque colour from {@code #rrggbb}. */
  public static Colour hex(String text) {
    if (!text.matches("#[0-9a-fA-F]{6}")) {
      throw new IllegalArgumentException("Expected a colour as #rrggbb, got '" + text + "'");
    }
    int value = Integer.parseInt(text.substring(1), 16);
    return rgb(((value >> 16) & 255) / 255.0, ((value >> 8) & 255) / 255.0, (value & 255) / 255.0);
  }

  /** This colour with opacity {@code opacity}. */
  public Colour withAlpha(double opacity) {
    return new Colour(red, green, blue, opacity);
  }

  /** {@code #rrggbb} (alpha dropped). */
  public String toHex() {
    return String.format("#%02x%02x%02x", byteOf(red), byteOf(green), byteOf(blue));
  }

  /** CSS {@code rgba(r,g,b,a)}. */
  public String toCss() {
    return "rgba(" + byteOf(red) + "," + byteOf(green) + "," + byteOf(blue) + "," + alpha + ")";
  }

  private static int byteOf(double component) {
    return (int) Math.round(component * 255);
  }
}
