package org.cockpit4j.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses every case of the shared reference directory (skipped when it is absent) and checks the
 * values against each other: BackPACK's sums, the derived values and the SGD/Adam trajectory.
 */
class ReferenceCasesTest {
  private static List<ReferenceCase> cases;

  @BeforeAll
  static void readCases() {
    Optional<Path> directory = ReferenceCases.findDirectory();
    assumeTrue(
        directory.isPresent(),
        "No reference directory: set -D"
            + ReferenceCases.PROPERTY
            + " or put shared/reference beside the repository");
    cases = ReferenceCases.readAll(directory.get());
    assumeTrue(!cases.isEmpty(), "The reference directory has no case files");
  }

  private static void assertClose(
      Tolerance tolerance, double[] actual, double[] expected, String what) {
    ToleranceReport report = tolerance.compare(actual, expected);
    assertTrue(report.passed(), report.describe(what));
  }

  @Test
  void everyCaseHasItsDocumentedStructure() {
    List<String> names = new ArrayList<>();
    for (ReferenceCase reference : cases) {
      names.add(reference.name());
      assertEquals(reference.numSteps(), reference.steps().size());
      int n = reference.batchSize();
      for (ReferenceStep step : reference.steps()) {
        assertEquals(n, step.batchSize());
        assertEquals(reference.isClassification(), step.labels() != null, reference.name());
        assertEquals(!reference.isClassification(), step.targets() != null, reference.name());
        assertEquals(reference.parameterCount(), step.hessian().dim());
        assertEquals(
            List.of(
                "grad",
                "batch_grad",
                "batch_l2",
                "sum_grad_squared",
                "variance",
                "diag_ggn_exact",
                "diag_h"),
            List.copyOf(step.backpack().keySet()));
        assertTrue(step.cockpit().has("Loss"), reference.name());
        assertNotNull(step.cockpitVariants());
        assertEquals(
            reference.optimizer() instanceof OptimizerSpec.Adam,
            step.optimizerStateAfterUpdate() != null);
        for (TensorData tensor : step.backpack("batch_grad")) {
          assertEquals(n, tensor.shape().dim(0));
          assertEquals(tensor.shape().size(), tensor.numel());
        }
      }
    }
    assertTrue(names.contains("case_logreg"), names.toString());
  }

  @Test
  void backpackSumsAgreeWithTheGradient() {
    for (ReferenceCase reference : cases) {
      int n = reference.batchSize();
      for (ReferenceStep step : reference.steps()) {
        String where = reference.name() + " step " + step.globalStep();
        double[] batchL2Total = new double[n];
        for (int p = 0; p < reference.parameters().size(); p++) {
          double[] batchGrad = step.backpack("batch_grad").get(p).data();
          int numel = reference.parameters().get(p).numel();
          double[] sum = new double[numel];
          double[] sumOfSquares = new double[numel];
          double[] norms = new double[n];
          for (int sample = 0; sample < n; sample++) {
            for (int i = 0; i < numel; i++) {
              double g = batchGrad[sample * numel + i];
              sum[i] += g;
              sumOfSquares[i] += g * g;
              norms[sample] += g * g;
            }
            batchL2Total[sample] += norms[sample];
          }
          String parameter = where + " " + reference.parameters().get(p).name();
          assertClose(
              Tolerance.FLOAT64_SUMS,
              sum,
              step.backpack("grad").get(p).data(),
              parameter + " Σ_n batch_grad vs grad");
          assertClose(
              Tolerance.FLOAT64_SUMS,
              sumOfSquares,
              step.backpack("sum_grad_squared").get(p).data(),
              parameter + " sum_grad_squared");
          assertClose(
              Tolerance.FLOAT64_SUMS,
              norms,
              step.backpack("batch_l2").get(p).data(),
              parameter + " batch_l2");
        }
        assertClose(
            Tolerance.FLOAT64_SUMS,
            batchL2Total,
            step.derived().batchL2Total().data(),
            where + " batch_l2_total");
        double[] losses = step.forward().individualLosses().data();
        double mean = 0;
        for (double loss : losses) {
          mean += loss / n;
        }
        assertClose(
            Tolerance.FLOAT64_SUMS,
            new double[] {mean},
            new double[] {step.forward().loss()},
            where + " mean of individual losses");
        JsonNode loss = step.cockpit().get("Loss");
        assertEquals(step.forward().loss(), loss.doubleValue(), 1e-12, where + " cockpit Loss");
      }
    }
  }

  @Test
  void theOptimizerTrajectoryConnectsTheSteps() {
    for (ReferenceCase reference : cases) {
      assertEquals(reference.initialParams(), reference.step(0).params(), reference.name());
      for (int p = 0; p < reference.parameters().size(); p++) {
        Shape shape = reference.parameters().get(p).shape();
        double[] theta = reference.initialParams().get(p).data();
        double[] buffer = new double[theta.length];
        double[] secondMoment = new double[theta.length];
        for (ReferenceStep step : reference.steps()) {
          String where = reference.name() + " step " + step.globalStep() + " parameter " + p;
          assertClose(Tolerance.FLOAT64_SUMS, theta, step.params().get(p).data(), where);
          double[] gradient = step.backpack("grad").get(p).data();
          int t = step.globalStep() + 1;
          for (int i = 0; i < theta.length; i++) {
            if (reference.optimizer() instanceof OptimizerSpec.Sgd sgd) {
              buffer[i] = t == 1 ? gradient[i] : sgd.momentum() * buffer[i] + gradient[i];
              theta[i] -= sgd.lr() * buffer[i];
            } else if (reference.optimizer() instanceof OptimizerSpec.Adam adam) {
              buffer[i] = adam.beta1() * buffer[i] + (1 - adam.beta1()) * gradient[i];
              secondMoment[i] =
                  adam.beta2() * secondMoment[i] + (1 - adam.beta2()) * gradient[i] * gradient[i];
              double bc1 = 1 - Math.pow(adam.beta1(), t);
              double bc2 = 1 - Math.pow(adam.beta2(), t);
              double denominator = Math.sqrt(secondMoment[i]) / Math.sqrt(bc2) + adam.eps();
              theta[i] -= adam.lr() / bc1 * buffer[i] / denominator;
            }
          }
          OptimizerState state = step.optimizerStateAfterUpdate();
          if (state != null) {
            assertEquals(t, state.step());
            assertClose(Tolerance.FLOAT64_SUMS, buffer, state.expAvg().get(p).data(), where);
            assertClose(
                Tolerance.FLOAT64_SUMS, secondMoment, state.expAvgSq().get(p).data(), where);
          }
        }
        assertEquals(shape, reference.finalParams().get(p).shape());
        assertClose(
            Tolerance.FLOAT64_SUMS,
            theta,
            reference.finalParams().get(p).data(),
            reference.name() + " final_params " + p);
      }
    }
  }

  @Test
  void modelSpecsAreReadGenerically() {
    for (ReferenceCase reference : cases) {
      for (LayerSpec layer : reference.model().layers()) {
        switch (layer.type()) {
          case "linear" -> {
            assertTrue(layer.integer("in") > 0);
            assertTrue(layer.integer("out") > 0);
            layer.bool("bias", true);
          }
          case "conv2d" -> {
            assertEquals(2, layer.intList("kernel_size").size());
            assertEquals(List.of(1, 1), layer.intList("dilation"));
            assertEquals(1, layer.integer("groups"));
          }
          case "maxpool2d", "avgpool2d" -> assertEquals(2, layer.intArray("stride").length);
          case "leaky_relu" -> assertTrue(layer.number("negative_slope") > 0);
          default -> assertFalse(layer.has("in"), layer.toString());
        }
      }
      if (reference.name().equals("case_adam_pool")) {
        assertFalse(reference.model().layers().get(0).bool("bias", true));
        assertEquals(5, reference.parameters().size());
        OptimizerSpec.Adam adam = (OptimizerSpec.Adam) reference.optimizer();
        assertEquals(0.999, adam.beta2());
        assertEquals("parameter_difference", reference.alphaUpdateDirection());
        assertTrue(reference.refusedQuantities().containsKey("CABS"));
      }
      if (reference.name().equals("case_logreg")) {
        assertNull(reference.step(0).optimizerStateAfterUpdate());
        assertEquals("sgd_gradient", reference.alphaUpdateDirection());
        assertTrue(reference.refusedQuantities().isEmpty());
        assertTrue(reference.quantityNames().contains("HessMaxEV"));
      }
    }
  }
}
