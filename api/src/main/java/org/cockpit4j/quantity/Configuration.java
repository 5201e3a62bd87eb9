package org.cockpit4j.quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The original's named bundles of quantities ({@code cockpit.utils.configuration}), ordered by
 * cost. Time, Parameters, CABS, EarlyStopping and MeanGSNR belong to none.
 */
public enum Configuration {
  /** Alpha, Distance, GradHist1d, GradNorm, InnerTest, Loss, NormTest, OrthoTest, UpdateSize. */
  ECONOMY(
      List.of(
          "Alpha",
          "Distance",
          "GradHist1d",
          "GradNorm",
          "InnerTest",
          "Loss",
          "NormTest",
          "OrthoTest",
          "UpdateSize")),
  /** Economy plus TICDiag and HessTrace. */
  BUSINESS(List.of("TICDiag", "HessTrace")),
  /** Business plus HessMaxEV and GradHist2d. */
  FULL(List.of("HessMaxEV", "GradHist2d"));

  private final List<String> added;

  Configuration(List<String> added) {
    this.added = added;
  }

  /** The label: {@code economy}, {@code business} or {@code full}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The quantity names of this configuration, in the original's order. */
  public List<String> quantityNames() {
    List<String> names = new ArrayList<>();
    for (Configuration configuration : values()) {
      names.addAll(configuration.added);
      if (configuration == this) {
        break;
      }
    }
    return List.copyOf(names);
  }

  /** The configuration with {@code label}; fails listing the labels for an unknown one. */
  public static Configuration of(String label) {
    for (Configuration configuration : values()) {
      if (configuration.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
        return configuration;
      }
    }
    throw new IllegalArgumentException(
        "Unknown configuration '" + label + "'; use economy, business or full");
  }
}
