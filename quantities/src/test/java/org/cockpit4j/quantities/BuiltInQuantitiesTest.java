package org.cockpit4j.quantities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cockpit4j.quantity.Quantities;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.Schedules;
import org.junit.jupiter.api.Test;

/** The provider: found by ServiceLoader, the original's names, options and configurations. */
class BuiltInQuantitiesTest {

  @Test
  void providesTheOriginalsNineteenQuantitiesUnderTheirClassNames() {
    assertEquals(
        List.of(
            "Loss",
            "Parameters",
            "Distance",
            "UpdateSize",
            "GradNorm",
            "Time",
            "Alpha",
            "CABS",
            "EarlyStopping",
            "GradHist1d",
            "GradHist2d",
            "NormTest",
            "InnerTest",
            "OrthoTest",
            "HessMaxEV",
            "HessTrace",
            "TICDiag",
            "TICTrace",
            "MeanGSNR"),
        Quantities.names());
    for (String name : Quantities.names()) {
      Quantity quantity = Quantities.create(name, Schedules.linear(3));
      assertEquals(name, quantity.name());
      assertEquals(name, quantity.getClass().getSimpleName());
    }
  }

  @Test
  void configurationsBuildTheirQuantities() {
    List<Quantity> full = Quantities.configuration("full", Schedules.linear(2));
    assertEquals(13, full.size());
    assertInstanceOf(HessMaxEV.class, full.get(11));
    assertEquals(9, Quantities.configuration("economy", Schedules.linear(2)).size());
  }

  @Test
  void optionsTakeTheOriginalsNamesAndFailOnUnknownOnes() {
    Quantity trace =
        Quantities.create("HessTrace", Schedules.linear(1), Map.of("curvature", "diag_ggn_mc"));
    assertEquals(Map.of("curvature", "diag_ggn_mc"), trace.options());
    Quantity hessian =
        Quantities.create("HessMaxEV", Schedules.linear(1), Map.of("use_power", false));
    assertEquals(false, hessian.options().get("use_power"));
    assertEquals(
        Map.of("epsilon", 1e-3),
        Quantities.create("MeanGSNR", Schedules.linear(1), Map.of("epsilon", 1e-3, "verbose", true))
            .options());
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> Quantities.create("GradNorm", Schedules.linear(1), Map.of("bins", 3)));
    assertTrue(
        unknown.getMessage().contains("Unknown option 'bins' of GradNorm"), unknown.getMessage());
    IllegalArgumentException curvature =
        assertThrows(
            IllegalArgumentException.class,
            () -> Quantities.create("TICDiag", Schedules.linear(1), Map.of("curvature", "kfac")));
    assertTrue(curvature.getMessage().contains("diag_h, diag_ggn_exact, diag_ggn_mc"));
    IllegalArgumentException name =
        assertThrows(
            IllegalArgumentException.class, () -> Quantities.create("Speed", Schedules.linear(1)));
    assertTrue(name.getMessage().contains("Known quantities: Loss, Parameters"));
  }
}
