package org.cockpit4j.examples.experiment.wiring;

import org.cockpit4j.examples.experiment.config.ConfigException;
import org.cockpit4j.examples.experiment.config.ExperimentConfig;
import org.cockpit4j.examples.experiment.config.SourceMap;
import org.cockpit4j.examples.experiment.config.Suggestions;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.MseLoss;

/** The loss named by {@code loss}: {@code cross_entropy} or {@code mse} (mean reduction). */
public final class LossFactory {
  private LossFactory() {}

  /** Checks the name. */
  public static void check(String loss, SourceMap sources) {
    if (loss == null) {
      throw ConfigException.atKey(
          sources, "/loss", "the experiment has no loss", "add loss: cross_entropy or loss: mse");
    }
    if (!ExperimentConfig.LOSSES.contains(loss)) {
      throw ConfigException.at(
          sources, "/loss", Suggestions.unknown("loss", loss, ExperimentConfig.LOSSES), "");
    }
  }

  /** A new loss (call after {@link #check}). */
  public static Loss create(String loss) {
    return loss.equals("mse") ? new MseLoss() : new CrossEntropyLoss();
  }
}
