package org.cockpit4j.instruments.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instruments.diagnosis.Diagnosis;
import org.cockpit4j.instruments.run.RunLog;
import org.cockpit4j.reference.ReferenceCases;
import org.junit.jupiter.api.Test;

/** Renders the original's six reference logs (FORMAT.md §7.2) to PNG and SVG. */
class ReferenceFigureTest {
  private static final List<String> PRIMARY =
      List.of(
          "alpha",
          "distance",
          "grad-norm",
          "gradient-tests",
          "grad-hist-1d",
          "grad-hist-2d",
          "hess-max-ev",
          "hess-trace",
          "tic",
          "performance");

  @Test
  void everyReferenceLogRendersEveryPanel() throws IOException {
    Path directory = ReferenceCases.findDirectory().orElse(null);
    assumeTrue(directory != null, "the reference cases (shared/reference) are absent");
    List<Path> logs;
    try (Stream<Path> files = Files.list(directory)) {
      logs = files.filter(f -> f.toString().endsWith(".cockpit_log.json")).sorted().toList();
    }
    assertEquals(6, logs.size(), "six reference logs");
    Path out = Path.of("target", "figures");
    Files.createDirectories(out);
    for (Path log : logs) {
      RunData run = RunLog.read(log);
      String name = run.name();
      Path png = out.resolve(name + ".png");
      FigureWriter.write(
          run,
          CockpitFigure.Screen.PRIMARY,
          png,
          FigureWriter.Format.PNG,
          CockpitFigure.DEFAULT_WIDTH,
          CockpitFigure.DEFAULT_HEIGHT,
          Diagnosis.of(run).findings());
      BufferedImage image = ImageIO.read(png.toFile());
      assertEquals(3000, image.getWidth(), name);
      assertEquals(1500, image.getHeight(), name);
      FigureLayout layout =
          CockpitFigure.draw(
              image.createGraphics(), 3000, 1500, run, CockpitFigure.Screen.PRIMARY, List.of());
      for (String instrument : PRIMARY) {
        FigureLayout.Panel panel = layout.panel(instrument);
        assertNotNull(panel, name + ": no panel " + instrument);
        assertTrue(panel.shown(), name + ": " + instrument + " shows '" + panel.note() + "'");
      }
      assertNotNull(layout.panel("hyperparameters"), "the hyperparameter panel is drawn");
      Path svg = out.resolve(name + ".svg");
      FigureWriter.write(
          run, CockpitFigure.Screen.PRIMARY, svg, FigureWriter.Format.SVG, 1500, 750, List.of());
      String text = Files.readString(svg);
      assertTrue(text.startsWith("<?xml") || text.startsWith("<svg"), name);
      assertTrue(text.contains("STEP SIZE") && text.contains("CURVATURE"), name);
    }
  }
}
