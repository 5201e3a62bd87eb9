package org.cockpit4j.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Extension names, options and sets in their text form. */
class ExtensionSetTest {

  @Test
  void everyBuiltInNameParsesAndPrintsBack() {
    for (Extension extension : Extensions.all()) {
      assertEquals(extension, Extensions.parse(extension.toString()));
    }
    assertEquals(
        List.of(
            "batch_grad",
            "batch_l2",
            "sum_grad_squared",
            "variance",
            "batch_dot",
            "diag_ggn_exact",
            "diag_ggn_mc",
            "diag_h"),
        Extensions.names());
  }

  @Test
  void monteCarloOptionsParse() {
    assertEquals(
        new DiagGgnMonteCarlo(4, 7), Extensions.parse(" diag_ggn_mc( samples = 4, seed=7 ) "));
    assertEquals(new DiagGgnMonteCarlo(1, 0), Extensions.parse("diag_ggn_mc"));
    assertEquals(new DiagGgnMonteCarlo(3, 0), Extensions.parse("diag_ggn_mc(samples=3)"));
  }

  @Test
  void setsParseWithCommasInsideOptions() {
    ExtensionSet set =
        ExtensionSet.parse("batch_grad, diag_ggn_mc(samples=2, seed=1), batch_grad, diag_h");
    assertEquals(
        List.of(Extensions.BATCH_GRAD, new DiagGgnMonteCarlo(2, 1), Extensions.DIAG_HESSIAN),
        set.asList());
    assertEquals(set, ExtensionSet.parse(set.toString()));
    assertEquals(List.of(Extensions.BATCH_GRAD), set.firstOrder());
    assertEquals(2, set.curvature().size());
    assertTrue(ExtensionSet.parse("  ").isEmpty());
  }

  @Test
  void mistakesFailWithTheFix() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> Extensions.parse("batch_grads"));
    assertTrue(
        unknown.getMessage().contains("Known extensions: batch_grad, batch_l2"),
        unknown.getMessage());
    IllegalArgumentException option =
        assertThrows(
            IllegalArgumentException.class, () -> Extensions.parse("diag_ggn_mc(sample=2)"));
    assertTrue(
        option.getMessage().contains("accepted options: samples, seed"), option.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Extensions.parse("batch_l2(x=1)"));
    assertThrows(IllegalArgumentException.class, () -> Extensions.parse("diag_ggn_mc(samples=0)"));
    assertThrows(IllegalArgumentException.class, () -> Extensions.parse("diag_ggn_mc(samples=2"));
  }

  @Test
  void scalingFactors() {
    assertEquals(0.25, Scaling.individualGradientFactor(4));
    assertEquals(4.0, Scaling.toSampleGradientFactor(4));
    assertEquals(16.0, Scaling.toSampleSquaredFactor(4));
    assertThrows(IllegalArgumentException.class, () -> Scaling.toSampleGradientFactor(0));
  }
}
