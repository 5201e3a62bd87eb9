package org.cockpit4j.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cockpit4j.examples.experiment.config.ConfigOverride;
import org.cockpit4j.examples.experiment.config.ExperimentFile;
import org.cockpit4j.examples.experiment.config.ExperimentLoader;
import org.cockpit4j.examples.experiment.run.LogStatistics;
import org.cockpit4j.examples.experiment.run.RunResult;
import org.cockpit4j.examples.experiment.run.RunSettings;
import org.cockpit4j.log.CockpitLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's experiments as shipped in {@code examples/experiments}, each run at its small shipped
 * size (seconds) with its expected outcome asserted.
 */
class PaperExperimentsTest {

  @TempDir Path out;

  /** (a) LINE: near-identical loss curves, alpha near -1 for lr 0.1 and near +1 for lr 1.9. */
  @Test
  void lineTellsUndershootingFromOvershootingThoughTheLossCurvesAgree() {
    List<RunResult> results = Experiments.run("line.yaml", out);
    RunResult careful = Experiments.byLabel(results, "lr=0.1");
    RunResult jumpy = Experiments.byLabel(results, "lr=1.9");
    double[] carefulLoss = Experiments.column(careful.log(), "Loss");
    double[] jumpyLoss = Experiments.column(jumpy.log(), "Loss");
    assertEquals(carefulLoss.length, jumpyLoss.length);
    assertTrue(carefulLoss[carefulLoss.length - 1] < carefulLoss[0] / 50, "both runs learn");
    // Pointwise within 40 % (the mini-batch noise differs), and the same decay over the run.
    for (int step = 0; step < carefulLoss.length; step++) {
      assertTrue(
          Math.abs(Math.log(carefulLoss[step] / jumpyLoss[step])) < Math.log(1.4),
          "loss curves agree at step "
              + step
              + ": "
              + carefulLoss[step]
              + " vs "
              + jumpyLoss[step]);
    }
    int last = carefulLoss.length - 1;
    double carefulDecay = Math.log(carefulLoss[0] / carefulLoss[last]);
    double jumpyDecay = Math.log(jumpyLoss[0] / jumpyLoss[last]);
    assertEquals(carefulDecay, jumpyDecay, 0.1 * carefulDecay, "the same decay over the run");
    double carefulAlpha = LogStatistics.median(Experiments.column(careful.log(), "Alpha"));
    double jumpyAlpha = LogStatistics.median(Experiments.column(jumpy.log(), "Alpha"));
    assertTrue(carefulAlpha < -0.8, "alpha peaks near -1: " + carefulAlpha);
    assertTrue(jumpyAlpha > 0.8, "alpha peaks near +1: " + jumpyAlpha);
    for (double alpha : Experiments.column(careful.log(), "Alpha")) {
      assertTrue(alpha < 0, "every step of the careful run undershoots: " + alpha);
    }
    for (double alpha : Experiments.column(jumpy.log(), "Alpha")) {
      assertTrue(alpha > 0, "every step of the jumpy run overshoots: " + alpha);
    }
  }

  /** (b) Raw 0..255 inputs pile the gradient histogram into its outermost bins. */
  @Test
  void misScaledInputsPileTheGradientHistogramAtItsLimits() {
    List<RunResult> results = Experiments.run("misscaled_inputs.yaml", out);
    RunResult normalised = Experiments.byLabel(results, "scale=1.0");
    RunResult raw = Experiments.byLabel(results, "scale=255.0");
    assertTrue(edgeFraction(raw.log(), 0) > 0.1, "raw: " + edgeFraction(raw.log(), 0));
    for (int step : normalised.log().column("GradHist1d").keySet()) {
      assertTrue(
          edgeFraction(normalised.log(), step) < 1e-3,
          "normalised step " + step + ": " + edgeFraction(normalised.log(), step));
    }
  }

  private static double edgeFraction(CockpitLog log, int step) {
    double[] counts = Experiments.counts(log.get(step, "GradHist1d"));
    double total = 0;
    for (double count : counts) {
      total += count;
    }
    return (counts[0] + counts[counts.length - 1]) / total;
  }

  /** (c) The first layer's histogram collapses; the whole-network histogram keeps its spread. */
  @Test
  void layerWiseHistogramsRevealVanishingGradientsTheWholeNetHistogramHides() {
    RunResult result = Experiments.run("vanishing_gradients.yaml", out).get(0);
    CockpitLog log = result.log();
    for (int step : log.column("GradHist2d").keySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> layerwise = (Map<String, Object>) log.get(step, "GradHist2d");
      int groups = ((Number) layerwise.get("param_groups")).intValue();
      assertEquals(12, groups, "six linear layers: weight and bias each");
      double firstLayer = outsideCentre(Experiments.gradientMarginal(layerwise.get("param_0")));
      double lastLayer =
          outsideCentre(Experiments.gradientMarginal(layerwise.get("param_" + (groups - 2))));
      double wholeNet = outsideCentre(Experiments.counts(log.get(step, "GradHist1d")));
      assertTrue(firstLayer < 1e-3, "first layer: " + firstLayer);
      assertTrue(lastLayer > 0.5, "last layer: " + lastLayer);
      assertTrue(wholeNet > 0.05, "the whole-net histogram has spread: " + wholeNet);
    }
  }

  /** The fraction of the counts outside the two central bins. */
  private static double outsideCentre(double[] counts) {
    double total = 0;
    for (double count : counts) {
      total += count;
    }
    int middle = counts.length / 2;
    return 1 - (counts[middle - 1] + counts[middle]) / total;
  }

  /** (d) The best learning rate of the sweep has a median alpha clearly above 0. */
  @Test
  void bestRunOfALearningRateSweepOvershoots() throws Exception {
    List<RunResult> results = Experiments.run("lr_sweep.yaml", out);
    assertEquals(6, results.size());
    RunResult best =
        results.stream()
            .min(Comparator.comparingDouble(result -> result.evaluation().get("train_loss")))
            .orElseThrow();
    double alpha = LogStatistics.median(Experiments.column(best.log(), "Alpha"));
    assertTrue(alpha >= 0.1, best.label() + " is best with median alpha " + alpha);
    RunResult smallest = Experiments.byLabel(results, "lr=0.01");
    assertTrue(
        LogStatistics.median(Experiments.column(smallest.log(), "Alpha")) < 0,
        "a too small learning rate undershoots");
    assertTrue(Files.exists(out.resolve(ExperimentRunner.SWEEP_SUMMARY)));
  }

  /** (e) Similar loss; SGD's top Hessian eigenvalue falls, gradient descent's stays. */
  @Test
  void sgdFindsFlatterMinimaThanGradientDescentOnADeepScalarLinearNet() {
    List<RunResult> results = Experiments.run("sgd_vs_gd.yaml", out);
    RunResult sgd = Experiments.byLabel(results, "sgd");
    RunResult gd = Experiments.byLabel(results, "gd");
    double[] sgdCurvature = Experiments.column(sgd.log(), "HessMaxEV");
    double[] gdCurvature = Experiments.column(gd.log(), "HessMaxEV");
    assertTrue(
        lastQuarterMedian(sgdCurvature) < 0.5 * sgdCurvature[0],
        "SGD's top eigenvalue falls: "
            + sgdCurvature[0]
            + " -> "
            + lastQuarterMedian(sgdCurvature));
    assertEquals(gdCurvature[0], lastQuarterMedian(gdCurvature), 0.05 * gdCurvature[0]);
    double sgdLoss = LogStatistics.median(Experiments.column(sgd.log(), "train_loss"));
    double gdLoss = LogStatistics.median(Experiments.column(gd.log(), "train_loss"));
    assertTrue(Math.abs(sgdLoss / gdLoss - 1) < 0.5, "similar loss: " + sgdLoss + ", " + gdLoss);
  }

  private static double lastQuarterMedian(double[] values) {
    int quarter = Math.max(1, values.length / 4);
    return LogStatistics.median(
        java.util.Arrays.copyOfRange(values, values.length - quarter, values.length));
  }

  /** (f) The overhead sweep: problems x configurations x intervals; one point runs. */
  @Test
  void overheadBenchmarkDescribesTheFullSweepAndRunsSinglePoints() {
    ExperimentFile file =
        ExperimentLoader.load(Experiments.shipped("overhead_benchmark.yaml"), List.of());
    assertEquals(4 * 4 * 5, file.points().size());
    List<String> labels = file.points().stream().map(point -> point.label()).toList();
    assertTrue(labels.contains("fmnist_2c2d__preset=economy__interval=16"), labels.toString());
    List<Integer> intervals =
        file.points().stream()
            .map(point -> point.config().cockpit().schedule().interval())
            .distinct()
            .toList();
    assertEquals(List.of(1, 4, 16, 64, 256), intervals);
    List<ConfigOverride> overrides =
        Experiments.overrides(out, "data.batch_size=8", "data.dataset.samples=16");
    overrides.add(Experiments.steps(6));
    List<RunResult> results =
        ExperimentRunner.run(
            Experiments.shipped("overhead_benchmark.yaml"),
            overrides,
            null,
            RunSettings.quiet(),
            "mnist_logreg__preset=(none|economy)__interval=4$");
    assertEquals(2, results.size());
    for (RunResult result : results) {
      assertEquals(6, result.stepsRun());
      assertTrue(result.meanStepMilliseconds() > 0);
    }
    assertTrue(
        Experiments.byLabel(results, "mnist_logreg__preset=economy__interval=4")
                .log()
                .column("Alpha")
                .size()
            > 0);
  }
}
