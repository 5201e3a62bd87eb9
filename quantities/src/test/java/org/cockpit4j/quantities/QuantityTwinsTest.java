package org.cockpit4j.quantities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cockpit4j.cockpit.TinyProblem;
import org.cockpit4j.linalg.JacobiEigen;
import org.cockpit4j.log.NdArray;
import org.cockpit4j.optim.Adam;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.optim.SgdOptions;
import org.cockpit4j.quantity.HistogramBins;
import org.cockpit4j.quantity.Quantities;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.Schedules;
import org.junit.jupiter.api.Test;

/**
 * Every quantity against a brute-force twin on a tiny float64 network: per-sample gradients from a
 * per-sample loop, curvature by finite differences, the formulas of the original written out.
 */
class QuantityTwinsTest {
  private static final int STEPS = 3;
  private static final int BATCH = TinyProblem.BATCH;
  private static final double LEARNING_RATE = 0.2;

  private static Quantity create(String name, Schedule schedule, Object... options) {
    return Quantities.create(name, schedule, Quantities.options(options));
  }

  private static TwinRun sgdRun(Quantity... quantities) {
    return new TwinRun(
        List.of(quantities), parameters -> new Sgd(parameters, LEARNING_RATE), STEPS);
  }

  private static void assertClose(double expected, Object actual, double relative, String what) {
    double value = (Double) actual;
    assertEquals(expected, value, relative * Math.abs(expected) + 1e-12, what);
  }

  @SuppressWarnings("unchecked")
  private static void assertListClose(
      List<Double> expected, Object actual, double relative, String what) {
    List<Double> values = (List<Double>) actual;
    assertEquals(expected.size(), values.size(), what);
    for (int i = 0; i < expected.size(); i++) {
      assertClose(expected.get(i), values.get(i), relative, what + "[" + i + "]");
    }
  }

  @Test
  void byproductsAndDistances() {
    Schedule every = Schedules.everyStep();
    TwinRun run =
        sgdRun(
            create("Loss", every),
            create("GradNorm", every),
            create("Parameters", every),
            create("Distance", every),
            create("UpdateSize", every),
            create("Time", every));
    for (int k = 0; k < STEPS; k++) {
      double[] loss = new double[1];
      double[] gradient = run.problem.gradient(run.modelAt(k), k, 0, BATCH, loss);
      assertClose(loss[0], run.output.get(k, "Loss"), 1e-12, "Loss " + k);
      assertListClose(
          run.normsPerParameter(gradient), run.output.get(k, "GradNorm"), 1e-12, "GradNorm");
      assertListClose(
          run.normsPerParameter(TwinRun.difference(run.thetas.get(k), run.thetas.get(0))),
          run.output.get(k, "Distance"),
          1e-12,
          "Distance " + k);
      List<?> parameters = (List<?>) run.output.get(k, "Parameters");
      List<?> linearBias = (List<?>) parameters.get(3);
      assertEquals(run.thetas.get(k)[run.offset(3)], (Double) linearBias.get(0));
      List<?> convWeight = (List<?>) ((List<?>) ((List<?>) parameters.get(0)).get(1)).get(0);
      assertEquals(
          run.thetas.get(k)[run.offset(0) + 4 + 2], (Double) ((List<?>) convWeight.get(1)).get(0));
      assertTrue((Double) run.output.get(k, "Time") > 1.6e9);
    }
    for (int k = 0; k < STEPS - 1; k++) {
      assertListClose(
          run.normsPerParameter(TwinRun.difference(run.thetas.get(k + 1), run.thetas.get(k))),
          run.output.get(k, "UpdateSize"),
          1e-12,
          "UpdateSize " + k);
    }
    assertNull(run.output.get(STEPS - 1, "UpdateSize"), "the last step has no update size");
  }

  @Test
  void gradientTests() {
    Schedule every = Schedules.everyStep();
    TwinRun run =
        sgdRun(create("NormTest", every), create("InnerTest", every), create("OrthoTest", every));
    for (int k = 0; k < STEPS; k++) {
      double[][] g = run.perSample(k);
      double[] mean = TwinRun.mean(g);
      double gradientSquared = TwinRun.dot(mean, mean);
      double normVariance = 0;
      double innerSum = 0;
      double orthoVariance = 0;
      for (double[] sample : g) {
        double[] deviation = TwinRun.difference(sample, mean);
        normVariance += TwinRun.dot(deviation, deviation) / (BATCH - 1);
        double projection = TwinRun.dot(sample, mean);
        innerSum += projection * projection;
        double[] orthogonal = sample.clone();
        for (int j = 0; j < orthogonal.length; j++) {
          orthogonal[j] -= projection / gradientSquared * mean[j];
        }
        orthoVariance += TwinRun.dot(orthogonal, orthogonal) / (BATCH - 1);
      }
      double innerVariance = (innerSum - BATCH * gradientSquared * gradientSquared) / (BATCH - 1);
      assertClose(
          Math.sqrt(normVariance / (BATCH * gradientSquared)),
          run.output.get(k, "NormTest"),
          1e-9,
          "NormTest");
      assertClose(
          Math.sqrt(innerVariance / (BATCH * gradientSquared * gradientSquared)),
          run.output.get(k, "InnerTest"),
          1e-9,
          "InnerTest");
      assertClose(
          Math.sqrt(orthoVariance / (BATCH * gradientSquared)),
          run.output.get(k, "OrthoTest"),
          1e-9,
          "OrthoTest");
    }
  }

  @Test
  void varianceCriteria() {
    Schedule every = Schedules.everyStep();
    TwinRun run =
        sgdRun(
            create("MeanGSNR", every),
            create("CABS", every),
            create("EarlyStopping", every, "epsilon", 1e-4));
    for (int k = 0; k < STEPS; k++) {
      double[][] g = run.perSample(k);
      double[] mean = TwinRun.mean(g);
      double[] loss = new double[1];
      run.problem.gradient(run.modelAt(k), k, 0, BATCH, loss);
      double gsnr = 0;
      double cabs = 0;
      double stopping = 0;
      for (int j = 0; j < mean.length; j++) {
        double secondMoment = 0;
        for (double[] sample : g) {
          secondMoment += sample[j] * sample[j] / BATCH;
        }
        double biased = secondMoment - mean[j] * mean[j];
        gsnr += mean[j] * mean[j] / (biased + 1e-5) / mean.length;
        cabs += biased;
        double unbiased = biased * BATCH / (BATCH - 1);
        stopping += mean[j] * mean[j] / (unbiased + 1e-4) / mean.length;
      }
      assertClose(gsnr, run.output.get(k, "MeanGSNR"), 1e-9, "MeanGSNR");
      assertClose(LEARNING_RATE * cabs / loss[0], run.output.get(k, "CABS"), 1e-9, "CABS");
      assertClose(1 - BATCH * stopping, run.output.get(k, "EarlyStopping"), 1e-9, "EarlyStopping");
    }
  }

  @Test
  void curvatureTracesAndTic() {
    Schedule at0 = Schedules.linear(10, 0);
    TwinRun run =
        new TwinRun(
            List.of(
                create("HessTrace", at0),
                create("TICDiag", at0),
                create("TICTrace", at0, "epsilon", 1e-6)),
            parameters -> new Sgd(parameters, LEARNING_RATE),
            1);
    TwinRun ggn =
        new TwinRun(
            List.of(
                create("HessTrace", at0, "curvature", "diag_ggn_exact"),
                create("TICDiag", at0, "curvature", "diag_ggn_exact")),
            parameters -> new Sgd(parameters, LEARNING_RATE),
            1);
    double[][] hessian = run.problem.hessian(run.modelAt(0), 0);
    double[] diagonal = new double[hessian.length];
    for (int j = 0; j < diagonal.length; j++) {
      diagonal[j] = hessian[j][j];
    }
    double[] ggnDiagonal = run.problem.ggnDiagonal(run.modelAt(0), 0);
    double[][] g = run.perSample(0);
    List<Double> traces = new ArrayList<>();
    List<Double> ggnTraces = new ArrayList<>();
    for (int p = 0; p < run.sizes.length; p++) {
      double trace = 0;
      double ggnTrace = 0;
      for (int j = run.offset(p); j < run.offset(p) + run.sizes[p]; j++) {
        trace += diagonal[j];
        ggnTrace += ggnDiagonal[j];
      }
      traces.add(trace);
      ggnTraces.add(ggnTrace);
    }
    double ticDiag = 0;
    double ggnTicDiag = 0;
    double secondMomentSum = 0;
    for (int j = 0; j < diagonal.length; j++) {
      double secondMoment = 0;
      for (double[] sample : g) {
        secondMoment += sample[j] * sample[j] / BATCH;
      }
      secondMomentSum += secondMoment;
      ticDiag += secondMoment / (diagonal[j] + 1e-7);
      ggnTicDiag += secondMoment / (ggnDiagonal[j] + 1e-7);
    }
    double hessianTrace = traces.stream().mapToDouble(Double::doubleValue).sum();
    assertListClose(traces, run.output.get(0, "HessTrace"), 1e-6, "HessTrace");
    assertClose(ticDiag, run.output.get(0, "TICDiag"), 1e-5, "TICDiag");
    assertClose(
        secondMomentSum / (hessianTrace + 1e-6), run.output.get(0, "TICTrace"), 1e-6, "TICTrace");
    assertListClose(ggnTraces, ggn.output.get(0, "HessTrace"), 1e-6, "HessTrace diag_ggn_exact");
    assertClose(ggnTicDiag, ggn.output.get(0, "TICDiag"), 1e-5, "TICDiag diag_ggn_exact");
  }

  @Test
  void monteCarloCurvatureRuns() {
    Schedule every = Schedules.everyStep();
    TwinRun run =
        new TwinRun(
            List.of(create("HessTrace", every, "curvature", "diag_ggn_mc")),
            parameters -> new Sgd(parameters, LEARNING_RATE),
            2);
    for (Object trace : (List<?>) run.output.get(1, "HessTrace")) {
      assertTrue((Double) trace >= 0, "a Monte-Carlo GGN diagonal is non-negative");
    }
  }

  @Test
  void hessMaxEvFindsTheExtremeEigenvaluesToTheTolerance() {
    Schedule every = Schedules.everyStep();
    TwinRun run = sgdRun(create("HessMaxEV", every));
    TwinRun largest = sgdRun(create("HessMaxEV", every, "use_power", false));
    for (int k = 0; k < STEPS; k++) {
      JacobiEigen.Result eigen = JacobiEigen.decompose(run.problem.hessian(run.modelAt(k), k));
      double magnitude = 0;
      double maximum = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < eigen.size(); i++) {
        if (Math.abs(eigen.value(i)) > Math.abs(magnitude)) {
          magnitude = eigen.value(i);
        }
        maximum = Math.max(maximum, eigen.value(i));
      }
      assertClose(magnitude, run.output.get(k, "HessMaxEV"), 2e-6, "HessMaxEV " + k);
      assertClose(maximum, largest.output.get(k, "HessMaxEV"), 2e-6, "largest eigenvalue " + k);
      assertTrue((Long) run.output.get(k, HessMaxEV.PRODUCTS_KEY) >= 1);
    }
  }

  @Test
  void histogramsCountEveryPerSampleGradientEntry() {
    Schedule every = Schedules.everyStep();
    TwinRun run =
        sgdRun(
            create("GradHist1d", every),
            create("GradHist1d", Schedules.linear(1, 1), "bins", 7, "range", List.of(-0.2, 0.3)),
            create(
                "GradHist2d",
                every,
                "bins",
                List.of(8, 5),
                "range",
                List.of(List.of(-0.1, 0.1), List.of(-0.6, 0.6)),
                "keep_individual",
                true));
    HistogramBins bins = new HistogramBins(100, -2, 2);
    HistogramBins narrow = new HistogramBins(7, -0.2, 0.3);
    HistogramBins gradientBins = new HistogramBins(8, -0.1, 0.1);
    HistogramBins parameterBins = new HistogramBins(5, -0.6, 0.6);
    for (int k = 0; k < STEPS; k++) {
      double[][] g = run.perSample(k);
      double[] theta = run.thetas.get(k);
      double[] counts = new double[100];
      double[] narrowCounts = new double[7];
      long[][] layerwise = new long[run.sizes.length][40];
      long[] pairs = new long[40];
      for (double[] sample : g) {
        for (int p = 0; p < run.sizes.length; p++) {
          for (int j = run.offset(p); j < run.offset(p) + run.sizes[p]; j++) {
            counts[bins.clampedHistcIndex(sample[j])]++;
            narrowCounts[narrow.clampedHistcIndex(sample[j])]++;
            int cell =
                gradientBins.centreClampedIndex(sample[j]) * 5
                    + parameterBins.centreClampedIndex(theta[j]);
            pairs[cell]++;
            layerwise[p][cell]++;
          }
        }
      }
      Map<?, ?> hist1d = (Map<?, ?>) run.output.get(k, "GradHist1d");
      // Two GradHist1d instances share a log key (as in the original); the later one wins from
      // step 1 on.
      if (k == 0) {
        assertArrayEquals(counts, ((NdArray) hist1d.get("hist")).data());
        assertArrayEquals(bins.edges(), ((NdArray) hist1d.get("edges")).data());
      } else {
        assertArrayEquals(narrowCounts, ((NdArray) hist1d.get("hist")).data());
      }
      Map<?, ?> hist2d = (Map<?, ?>) run.output.get(k, "GradHist2d");
      NdArray joint = (NdArray) hist2d.get("hist");
      assertArrayEquals(new int[] {8, 5}, joint.shape());
      assertEquals(NdArray.INT64, joint.dtype());
      assertArrayEquals(toDoubles(pairs), joint.data());
      assertEquals(4, hist2d.get("param_groups"));
      for (int p = 0; p < run.sizes.length; p++) {
        Map<?, ?> part = (Map<?, ?>) hist2d.get("param_" + p);
        assertArrayEquals(toDoubles(layerwise[p]), ((NdArray) part.get("hist")).data());
      }
      List<?> edges = (List<?>) hist2d.get("edges");
      assertArrayEquals(gradientBins.edges(), ((NdArray) edges.get(0)).data());
      assertArrayEquals(parameterBins.edges(), ((NdArray) edges.get(1)).data());
    }
  }

  @Test
  void binAdaptationMovesTheRangeAfterItsScheduledSteps() {
    Schedule every = Schedules.everyStep();
    Schedule adapt = step -> step == 1 || step == 2;
    TwinRun run =
        sgdRun(
            create("GradHist1d", every, "adapt", new GradAbsMax(adapt, 0.1, 1e-6)),
            create(
                "GradHist2d",
                every,
                "adapt",
                java.util.Arrays.asList(new GradAbsMax(adapt), new ParamAbsMax(adapt))));
    for (int k = 0; k < STEPS; k++) {
      double[] edges =
          ((NdArray) ((Map<?, ?>) run.output.get(k, "GradHist1d")).get("edges")).data();
      List<?> edges2d = (List<?>) ((Map<?, ?>) run.output.get(k, "GradHist2d")).get("edges");
      double gradientEnd = ((NdArray) edges2d.get(0)).data()[((NdArray) edges2d.get(0)).size() - 1];
      double parameterEnd =
          ((NdArray) edges2d.get(1)).data()[((NdArray) edges2d.get(1)).size() - 1];
      if (k <= 1) {
        assertEquals(2.0, edges[edges.length - 1]);
        assertEquals(1.0, gradientEnd);
        assertEquals(2.0, parameterEnd);
      } else {
        double largest = 0;
        for (double[] sample : run.perSample(k - 1)) {
          for (double value : sample) {
            largest = Math.max(largest, Math.abs(value));
          }
        }
        double parameterLargest = 0;
        for (double value : run.thetas.get(k - 1)) {
          parameterLargest = Math.max(parameterLargest, Math.abs(value));
        }
        assertEquals(1.1 * largest, edges[edges.length - 1], 1e-12);
        assertEquals(-1.1 * largest, edges[0], 1e-12);
        assertEquals(largest, gradientEnd, 1e-12);
        assertEquals(parameterLargest, parameterEnd, 1e-12);
      }
    }
  }

  /** α from the original's fit, with the direction and projections of a brute-force twin. */
  private static double alphaTwin(TwinRun run, int k, double[] direction) {
    double t = Math.sqrt(TwinRun.dot(direction, direction));
    double[][] start = run.perSample(k, k);
    double[][] end = run.perSample(k + 1, k + 1);
    double[] startProjections = new double[BATCH];
    double[] endProjections = new double[BATCH];
    for (int n = 0; n < BATCH; n++) {
      startProjections[n] = TwinRun.dot(start[n], direction) / t;
      endProjections[n] = TwinRun.dot(end[n], direction) / t;
    }
    double[] startLosses = run.problem.individualLosses(run.modelAt(k), k);
    double[] endLosses = run.problem.individualLosses(run.modelAt(k + 1), k + 1);
    double[] observations = {
      Statistics.mean(startLosses),
      Statistics.mean(endLosses),
      Statistics.mean(startProjections),
      Statistics.mean(endProjections)
    };
    double[] variances = {
      Statistics.unbiasedVariance(startLosses),
      Statistics.unbiasedVariance(endLosses),
      Statistics.unbiasedVariance(startProjections),
      Statistics.unbiasedVariance(endProjections)
    };
    double[] mu = QuadraticFit.fit(t, observations, variances);
    assertNotNull(mu);
    return QuadraticFit.alpha(t, mu);
  }

  @Test
  void alphaFollowsTheUpdateOfEveryOptimizer() {
    Schedule every = Schedules.everyStep();
    TwinRun sgd = sgdRun(create("Alpha", every));
    TwinRun momentum =
        new TwinRun(
            List.of(create("Alpha", every)),
            parameters -> new Sgd(parameters, SgdOptions.of(0.1).withMomentum(0.9)),
            STEPS);
    TwinRun adam =
        new TwinRun(
            List.of(create("Alpha", every)), parameters -> new Adam(parameters, 0.05), STEPS);
    for (int k = 0; k < STEPS - 1; k++) {
      double[] gradient = TwinRun.mean(sgd.perSample(k));
      double[] sgdDirection = new double[gradient.length];
      for (int j = 0; j < gradient.length; j++) {
        sgdDirection[j] = -LEARNING_RATE * gradient[j];
      }
      assertClose(alphaTwin(sgd, k, sgdDirection), sgd.output.get(k, "Alpha"), 1e-8, "SGD " + k);
      for (TwinRun run : List.of(momentum, adam)) {
        double[] direction = TwinRun.difference(run.thetas.get(k + 1), run.thetas.get(k));
        assertClose(alphaTwin(run, k, direction), run.output.get(k, "Alpha"), 1e-8, "α " + k);
      }
    }
    assertNull(sgd.output.get(STEPS - 1, "Alpha"));
    assertTrue(adam.refused.isEmpty());
  }

  private static double[] toDoubles(long[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i];
    }
    return result;
  }
}
