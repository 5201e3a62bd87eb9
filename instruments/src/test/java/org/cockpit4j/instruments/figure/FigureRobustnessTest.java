package org.cockpit4j.instruments.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instruments.testing.SyntheticLogs;
import org.cockpit4j.log.CockpitLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figure never fails on the log's content: empty, one step, non-finite values. */
class FigureRobustnessTest {

  @Test
  void emptyOneStepAndNonFiniteLogsRenderWithNoDataPanels(@TempDir Path directory)
      throws Exception {
    CockpitLog oneStep = new CockpitLog();
    oneStep.putAll(0, SyntheticLogs.values(0, 0.2));
    CockpitLog nonFinite = new CockpitLog();
    nonFinite.put(0, "Loss", Double.NaN);
    nonFinite.put(1, "Loss", Double.POSITIVE_INFINITY);
    nonFinite.put(1, "GradNorm", List.of(Double.NaN));
    nonFinite.put(1, "HessMaxEV", -3.0); // a log axis cannot show it
    Map<String, CockpitLog> logs =
        Map.of("empty", new CockpitLog(), "one-step", oneStep, "non-finite", nonFinite);
    for (Map.Entry<String, CockpitLog> entry : logs.entrySet()) {
      RunData run = RunData.of(entry.getKey(), entry.getValue());
      BufferedImage image =
          FigureWriter.image(run, CockpitFigure.Screen.PRIMARY, 1200, 600, List.of());
      assertEquals(1200, image.getWidth());
      FigureLayout layout =
          CockpitFigure.draw(
              image.createGraphics(), 1200, 600, run, CockpitFigure.Screen.PRIMARY, List.of());
      assertEquals(11, layout.panels().size(), entry.getKey());
      if (!entry.getKey().equals("one-step")) {
        layout
            .panels()
            .forEach(panel -> assertEquals("no data yet", panel.note(), panel.instrument()));
      } else {
        assertTrue(layout.panel("grad-hist-2d").shown());
        assertFalse(layout.panel("alpha").shown(), "α needs two steps");
      }
      new FigureFiles(EnumSet.allOf(FigureWriter.Format.class), 800, 400, true, true)
          .write(run, directory.resolve(entry.getKey()), "cockpit");
      assertTrue(Files.size(directory.resolve(entry.getKey()).resolve("cockpit.svg")) > 1000);
      assertTrue(Files.exists(directory.resolve(entry.getKey()).resolve("diagnosis.txt")));
    }
    assertTrue(
        Files.readString(directory.resolve("non-finite").resolve("diagnosis.txt"))
            .contains("Diverged"));
  }

  @Test
  void secondaryScreenShowsAuxiliaryAndLayerwiseGauges(@TempDir Path directory) throws Exception {
    RunData run = new RunData("full", SyntheticLogs.healthy(12), SyntheticLogs.metadata());
    BufferedImage image =
        FigureWriter.image(run, CockpitFigure.Screen.SECONDARY, 1500, 750, List.of());
    FigureLayout layout =
        CockpitFigure.draw(
            image.createGraphics(), 1500, 750, run, CockpitFigure.Screen.SECONDARY, List.of());
    assertEquals(8, layout.panels().size());
    layout.panels().forEach(panel -> assertTrue(panel.shown(), panel.instrument()));
    List<Path> written = FigureFiles.defaults().write(run, directory, "cockpit");
    assertTrue(written.contains(directory.resolve("cockpit__secondary.png")), written.toString());
    BufferedImage png = ImageIO.read(directory.resolve("cockpit.png").toFile());
    assertEquals(CockpitFigure.DEFAULT_WIDTH, png.getWidth());
    assertEquals(CockpitFigure.DEFAULT_HEIGHT, png.getHeight());
  }

  @Test
  void refresherRendersEveryKStepsAndOnClose(@TempDir Path directory) throws Exception {
    FigureRefresher refresher =
        FigureRefresher.every(
            5,
            directory,
            SyntheticLogs.metadata(),
            new FigureFiles(EnumSet.of(FigureWriter.Format.PNG), 600, 300, false, true),
            message -> {});
    for (int step = 0; step < 12; step++) {
      refresher.write(step, SyntheticLogs.values(step, 0.1));
    }
    refresher.close();
    assertTrue(
        refresher.renders() >= 2 && refresher.renders() <= 4, "renders " + refresher.renders());
    assertTrue(Files.exists(directory.resolve("cockpit.png")));
    assertTrue(Files.readString(directory.resolve("diagnosis.txt")).contains("up to step 11"));
    refresher.write(12, SyntheticLogs.values(12, 0.1)); // ignored after close
  }
}
