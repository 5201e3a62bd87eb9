package org.cockpit4j.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  @Test
  void membershipIsTheOriginals() {
    List<String> economy =
        List.of(
            "Alpha",
            "Distance",
            "GradHist1d",
            "GradNorm",
            "InnerTest",
            "Loss",
            "NormTest",
            "OrthoTest",
            "UpdateSize");
    assertEquals(economy, Configuration.of("economy").quantityNames());
    List<String> business = new java.util.ArrayList<>(economy);
    business.addAll(List.of("TICDiag", "HessTrace"));
    assertEquals(business, Configuration.of("business").quantityNames());
    List<String> full = new java.util.ArrayList<>(business);
    full.addAll(List.of("HessMaxEV", "GradHist2d"));
    assertEquals(full, Configuration.of(" FULL ").quantityNames());
    for (Configuration configuration : Configuration.values()) {
      for (String absent : List.of("Time", "Parameters", "CABS", "EarlyStopping", "MeanGSNR")) {
        assertEquals(false, configuration.quantityNames().contains(absent));
      }
    }
  }

  @Test
  void unknownLabelsFailListingTheKnownOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Configuration.of("first"));
    assertEquals(
        "Unknown configuration 'first'; use economy, business or full", error.getMessage());
  }
}
