package org.cockpit4j.instruments.figure;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instruments.diagnosis.Finding;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes the cockpit figure to PNG or SVG, headless (sets {@code java.awt.headless=true} unless the
 * caller chose otherwise). Files are written to a temporary sibling and moved into place, so a
 * browser or viewer never sees half a figure.
 */
public final class FigureWriter {
  private FigureWriter() {}

  /** The image formats. */
  public enum Format {
    /** Portable Network Graphics. */
    PNG,
    /** Scalable Vector Graphics (JFreeSVG). */
    SVG;

    /** The file extension with the dot. */
    public String extension() {
      return "." + name().toLowerCase(Locale.ROOT);
    }

    /** The format of a file name's extension, or null. */
    public static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      for (Format format : values()) {
        if (name.endsWith(format.extension())) {
          return format;
        }
      }
      return null;
    }
  }

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** The figure as an image. */
  public static BufferedImage image(
      RunData run, CockpitFigure.Screen screen, int width, int height, List<Finding> findings) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      CockpitFigure.draw(g2, width, height, run, screen, findings);
    } finally {
      g2.dispose();
    }
    return image;
  }

  /** The figure as an SVG document. */
  public static String svg(
      RunData run, CockpitFigure.Screen screen, int width, int height, List<Finding> findings) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    CockpitFigure.draw(g2, width, height, run, screen, findings);
    return g2.getSVGDocument();
  }

  /** Writes the figure to {@code file} in {@code format}; returns the layout drawn. */
  public static void write(
      RunData run,
      CockpitFigure.Screen screen,
      Path file,
      Format format,
      int width,
      int height,
      List<Finding> findings) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      if (format == Format.PNG) {
        if (!ImageIO.write(
            image(run, screen, width, height, findings), "png", temporary.toFile())) {
          throw new IOException("No PNG writer available");
        }
      } else {
        Files.writeString(
            temporary, svg(run, screen, width, height, findings), StandardCharsets.UTF_8);
      }
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the cockpit figure " + file, e);
    }
  }
}
